import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { RetryAlert } from '@/components/retry-alert';
import { WallClockRange } from '@/components/date-time';
import { eventTypeLabel } from '@/components/labels';
import { listEventsQueryOptions } from '../api/list-events';
import { eventsSearchParams } from '../utils/events-view';

/** As many as a program usually has; the events list shows them all, past ones included. */
const SESSIONS_SHOWN = 25;

/** A program's upcoming sessions and trips (`eventParentFilter`), soonest first, each a link to its own page. */
export function ProgramSessions({ programId }: { programId: string }) {
  const query = useQuery(
    listEventsQueryOptions({
      listEventType: 'UPCOMING',
      offset: 0,
      limit: SESSIONS_SHOWN,
      parent: programId,
    }),
  );
  const sessions = query.data?.events ?? [];
  const total = query.data?.paginationParams?.totalNumResults ?? sessions.length;
  // With none upcoming, the link goes straight to the Past tab, as it says.
  const everySession = `/events?${new URLSearchParams(
    eventsSearchParams({ parent: programId, tab: sessions.length === 0 ? 'past' : 'upcoming' }),
  )}`;

  return (
    <Paper component="section" variant="outlined" aria-labelledby="program-sessions-heading" sx={{ p: 3 }}>
      <Typography id="program-sessions-heading" variant="h2">
        Sessions
      </Typography>
      {query.isPending ? (
        <Box aria-busy="true" sx={{ mt: 1 }}>
          <Skeleton width="60%" />
          <Skeleton width="50%" />
        </Box>
      ) : query.isError ? (
        <RetryAlert
          title="Could not load the program's sessions"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : sessions.length === 0 ? (
        <Typography sx={{ color: 'text.secondary', mt: 1 }}>
          This program has no upcoming sessions.
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
          {sessions.map((session, index) => (
            <Box component="li" key={session.id ?? index} sx={{ py: 0.75 }}>
              {session.id ? (
                <Link
                  component={RouterLink}
                  to={`/events/${encodeURIComponent(session.id)}`}
                  sx={{ fontWeight: 600 }}
                >
                  {session.name || 'Untitled event'}
                </Link>
              ) : (
                <Typography component="span">{session.name || 'Untitled event'}</Typography>
              )}
              <Typography component="span" variant="body2" sx={{ color: 'text.secondary', ml: 1 }}>
                {eventTypeLabel(session.type)} ·{' '}
                <WallClockRange start={session.startDateTime} end={session.endDateTime} dateOnly />
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      {query.isSuccess && (
        <Link component={RouterLink} to={everySession} sx={{ display: 'inline-block', mt: 1 }}>
          {sessions.length === 0
            ? 'Past sessions, in the events list'
            : total > sessions.length
              ? `All ${total} upcoming sessions, and past ones, in the events list`
              : "All of this program's sessions, past ones too, in the events list"}
        </Link>
      )}
    </Paper>
  );
}
