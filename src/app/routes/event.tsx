import { lazy, Suspense, type ReactNode } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Event, ListEventsResponse } from '#contract';
import { LoadBoundary } from '@/components/load-boundary';
import { useDocumentTitle } from '@/components/use-document-title';
import { visuallyHidden } from '@/components/visually-hidden';
import { sessionQueryOptions } from '@/features/auth';
import { sendNotAllowedReason } from '@/features/auth';
import { eventKeys } from '@/features/events';
import { getEventQueryOptions } from '@/features/events';
import { getRsvpCountsQueryOptions } from '@/features/events';
import { EventHeader, eventTimeZone, ProgramSessionsSection } from '@/features/events';
import { ReminderSection } from '@/features/invites';
import { EventInvites } from './event-invites/event-invites';

/** The event as the events list last saw it: lets the header appear at once when coming from the list. */
function eventFromLists(queryClient: QueryClient, eventId: string): Event | undefined {
  for (const [, data] of queryClient.getQueriesData<ListEventsResponse>({ queryKey: eventKeys.lists() })) {
    const event = data?.events?.find((e) => e.id === eventId);
    if (event) return event;
  }
  return undefined;
}

// The failure pages (their icons and wording) load only when the event could not be shown, not with every visit.
const loadFailure = () => import('./event-load-failure');
const EventLoadFailure = lazy(() => loadFailure().then((m) => ({ default: m.EventLoadFailure })));
const EventMissing = lazy(() => loadFailure().then((m) => ({ default: m.EventMissing })));

function FailureBoundary({ children }: { children: ReactNode }) {
  return (
    <LoadBoundary what="why the event is unavailable" consequence="The event could not be loaded.">
      <Suspense fallback={null}>{children}</Suspense>
    </LoadBoundary>
  );
}

function EventPageSkeleton() {
  return (
    <Paper variant="outlined" sx={{ p: 3 }} aria-busy="true">
      <Box role="status" sx={visuallyHidden}>
        Loading the event…
      </Box>
      <Skeleton width={180} height={28} />
      <Skeleton width="55%" height={44} />
      <Stack direction="row" spacing={4} sx={{ mt: 2 }}>
        <Skeleton width="30%" />
        <Skeleton width="30%" />
        <Skeleton width="15%" />
      </Stack>
      <Skeleton variant="rounded" height={72} sx={{ mt: 3 }} />
    </Paper>
  );
}

/**
 * The markup and styles of MUI's Breadcrumbs for a trail of two, without its module (collapsing long trails, which
 * this one never is): a labelled nav, a list, and a separator that screen readers skip.
 */
function EventBreadcrumbs({ name }: { name: string }) {
  return (
    <Typography component="nav" aria-label="Breadcrumb" color="textSecondary">
      <Box
        component="ol"
        sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', p: 0, m: 0, listStyle: 'none' }}
      >
        <li>
          <Link component={RouterLink} to="/events" underline="always">
            Events
          </Link>
        </li>
        <Box component="li" aria-hidden sx={{ display: 'flex', userSelect: 'none', mx: 1 }}>
          /
        </Box>
        <li>
          <Typography aria-current="page" sx={{ color: 'text.primary', overflowWrap: 'anywhere' }}>
            {name}
          </Typography>
        </li>
      </Box>
    </Typography>
  );
}

/** `/events/:eventId`: the event's header, then everything needed to invite its travelers. */
export function EventRoute() {
  const { eventId = '' } = useParams();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...getEventQueryOptions(eventId),
    placeholderData: () => eventFromLists(queryClient, eventId),
    // The route's loader has just (re)fetched this query on navigation; a failed answer is fresh, so asking again
    // on mount would only repeat the same request. The Retry button asks again.
    retryOnMount: false,
  });
  const event = query.data;
  // The header shows the counts too; one query, so the picker's filter chips and the header never disagree.
  const rsvpCounts = useQuery(getRsvpCountsQueryOptions(eventId));
  const session = useQuery(sessionQueryOptions());
  useDocumentTitle(
    query.isError ? 'Event unavailable' : event?.name || (query.isPending ? 'Loading event' : 'Event'),
  );

  if (query.isPending) return <EventPageSkeleton />;
  if (query.isError) {
    return (
      <FailureBoundary>
        <EventLoadFailure
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </FailureBoundary>
    );
  }
  if (!event) {
    // A 200 without an event: treat it as the event being gone rather than render an empty page.
    return (
      <FailureBoundary>
        <EventMissing />
      </FailureBoundary>
    );
  }

  // "Send later" shows the venue's local time of the chosen instant beside the manager's.
  const venueTimeZone = eventTimeZone(event.location);
  return (
    <Stack spacing={3}>
      <EventBreadcrumbs name={event.name || 'Untitled event'} />
      <EventHeader event={event} />
      {event.type === 'PROGRAM' && <ProgramSessionsSection programId={eventId} />}
      <ReminderSection
        eventId={eventId}
        eventType={event.type ?? 'GENERIC'}
        invitedCount={rsvpCounts.data?.INVITED}
        sendNotAllowedReason={sendNotAllowedReason(session.data?.role)}
        venueTimeZone={venueTimeZone}
      />
      <EventInvites
        eventId={eventId}
        // The API always sends a type; if one is ever missing, start the form at the most common type and let
        // the API's answer (shown under "Event type") correct it.
        eventType={event.type ?? 'GENERIC'}
        eventStatus={event.status}
        travelerCount={event.numTravelers ?? 0}
        companyId={event.companyId?.id}
        rsvpCounts={rsvpCounts.data}
        sendNotAllowedReason={sendNotAllowedReason(session.data?.role)}
        venueTimeZone={venueTimeZone}
      />
    </Stack>
  );
}
