import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import LockOutlined from '@mui/icons-material/LockOutlined';
import type { Role } from '#contract/console-auth';
import { describeRequestError } from '@/components/api-error-text';
import { PageError } from '@/components/page-error';
import { useDocumentTitle } from '@/components/use-document-title';
import { sessionQueryOptions } from '@/features/auth';
import { ROLE_LABELS } from '@/features/auth';
import { SessionsTableSkeleton } from '@/features/sessions';
import { SessionsView } from '@/features/sessions';

const roleLabel = (role: Role) => ROLE_LABELS[role];

/**
 * `/sessions` (administrators): who is signed in to the console, and ending a person's sessions. The list is asked
 * for once the role is known to be admin's; another role finds the page but not the list (the server refuses it).
 */
export function SessionsRoute() {
  useDocumentTitle('Sessions');
  const session = useQuery(sessionQueryOptions());

  if (session.isError) {
    return (
      <PageError
        title="Could not load the sessions"
        detail={`Details: ${describeRequestError(session.error)}`}
        actions={
          <Button variant="contained" onClick={() => void session.refetch()} disabled={session.isFetching}>
            {session.isFetching ? 'Retrying…' : 'Retry'}
          </Button>
        }
      >
        The console could not tell who is signed in, which decides whether this page may be shown.
      </PageError>
    );
  }

  if (session.data && session.data.role !== 'admin') {
    return (
      <PageError
        title="Only administrators see the sessions"
        icon={<LockOutlined fontSize="large" />}
        actions={
          <Button variant="contained" component={RouterLink} to="/events">
            Go to the events list
          </Button>
        }
      >
        Your role ({ROLE_LABELS[session.data.role].toLowerCase()}) cannot see who is signed in or end their
        sessions. Ask an administrator if someone needs to be signed out.
      </PageError>
    );
  }

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1">Sessions</Typography>
        <Typography sx={{ color: 'text.secondary', mt: 0.5 }}>
          Who is signed in to the console. Ending a person’s sessions signs them out everywhere at once; they
          can sign in again while they are in one of the console’s groups.
        </Typography>
      </Box>
      {session.data ? <SessionsView roleLabel={roleLabel} /> : <SessionsTableSkeleton />}
    </Stack>
  );
}
