import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { describeRequestError } from '@/components/api-error-text';
import { PageError } from '@/components/page-error';
import { useDocumentTitle } from '@/components/use-document-title';
import { sessionQueryOptions } from '@/features/auth';
import { ActivityTableSkeleton } from '@/features/send-history';
import { ActivityView } from '@/features/send-history';
import { activitySearchParams, parseActivitySearch } from '@/features/send-history';

/**
 * `/activity?event&person&outcome&from&to&page`: the sends made from the console, across events. Whose sends the
 * server lists depends on the role (a sender's own, everyone's for an admin or viewer); the page needs the role
 * only to offer the person filter, so it waits for the session before showing the filters.
 */
export function ActivityRoute() {
  useDocumentTitle('Activity');
  const [searchParams, setSearchParams] = useSearchParams();
  const session = useQuery(sessionQueryOptions());

  if (session.isError) {
    return (
      <PageError
        title="Could not load the activity"
        detail={`Details: ${describeRequestError(session.error)}`}
        actions={
          <Button variant="contained" onClick={() => void session.refetch()} disabled={session.isFetching}>
            {session.isFetching ? 'Retrying…' : 'Retry'}
          </Button>
        }
      >
        The console could not tell who is signed in, which decides whose sends this page lists.
      </PageError>
    );
  }

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1">Activity</Typography>
        <Typography sx={{ color: 'text.secondary', mt: 0.5 }}>
          The invites sent from the console, across events, newest first. Open an event to review a send.
        </Typography>
      </Box>
      {session.data ? (
        <ActivityView
          search={parseActivitySearch(searchParams)}
          role={session.data.role}
          onSearchChange={(next) => setSearchParams(activitySearchParams(next))}
        />
      ) : (
        <ActivityTableSkeleton />
      )}
    </Stack>
  );
}
