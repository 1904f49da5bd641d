import type { ReactNode } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import LockOutlined from '@mui/icons-material/LockOutlined';
import SearchOffOutlined from '@mui/icons-material/SearchOffOutlined';
import VpnKeyOffOutlined from '@mui/icons-material/VpnKeyOffOutlined';
import type { Event, ListEventsResponse } from '#contract';
import {
  describeRequestError,
  errorDebugIdentifier,
  errorStatus,
  httpStatusText,
} from '@/components/api-error-text';
import { PageError } from '@/components/page-error';
import { useDocumentTitle } from '@/components/use-document-title';
import { visuallyHidden } from '@/components/visually-hidden';
import { isSignInRequired } from '@/lib/api-client';
import { sessionQueryOptions } from '@/features/auth/api/get-session';
import { sendNotAllowedReason } from '@/features/auth/utils/roles';
import { eventKeys } from '@/features/events/api/event-keys';
import { getEventQueryOptions } from '@/features/events/api/get-event';
import { getRsvpCountsQueryOptions } from '@/features/events/api/get-rsvp-counts';
import { EventHeader } from '@/features/events/components/event-header';
import { InvitePanel } from '@/features/invites/components/invite-panel';

/** The event as the events list last saw it: lets the header appear at once when coming from the list. */
function eventFromLists(queryClient: QueryClient, eventId: string): Event | undefined {
  for (const [, data] of queryClient.getQueriesData<ListEventsResponse>({ queryKey: eventKeys.lists() })) {
    const event = data?.events?.find((e) => e.id === eventId);
    if (event) return event;
  }
  return undefined;
}

function BackToEvents() {
  return (
    <Button variant="contained" component={RouterLink} to="/events">
      Back to events
    </Button>
  );
}

function failureDetail(error: unknown): ReactNode {
  const status = errorStatus(error);
  const debugId = errorDebugIdentifier(error);
  const parts = [
    status !== undefined ? httpStatusText(status) : undefined,
    debugId ? `Debug ID ${debugId}` : undefined,
  ];
  const text = parts.filter(Boolean).join(' · ');
  return text || undefined;
}

/** The page-level message for an event that could not be loaded, by what the API answered. */
function EventLoadFailure({
  error,
  onRetry,
  retrying,
}: {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}) {
  const status = errorStatus(error);
  const detail = failureDetail(error);
  if (status === 404) {
    return (
      <PageError
        title="This event does not exist (anymore)"
        icon={<SearchOffOutlined fontSize="large" />}
        detail={detail}
        actions={<BackToEvents />}
      >
        It may have been deleted in Spotnana, or the link may be mistyped.
      </PageError>
    );
  }
  if (status === 403) {
    return (
      <PageError
        title="You don't have permission to view this event"
        icon={<LockOutlined fontSize="large" />}
        detail={detail}
        actions={<BackToEvents />}
      >
        The event belongs to a company that the console&apos;s Spotnana account may not see.
      </PageError>
    );
  }
  if (isSignInRequired(error)) {
    // The sign-in prompt (app layout) offers the way back; this says why the page is empty meanwhile.
    return (
      <PageError title="Your session has ended" icon={<VpnKeyOffOutlined fontSize="large" />} detail={detail}>
        Sign in again to see this event.
      </PageError>
    );
  }
  if (status === 401) {
    return (
      <PageError
        title="Spotnana rejected the console's credentials"
        icon={<VpnKeyOffOutlined fontSize="large" />}
        detail={detail}
        actions={<BackToEvents />}
      >
        The Spotnana client ID and secret (or access token) the console&apos;s server uses were not accepted.
        Ask whoever runs the console to check its Spotnana settings.
      </PageError>
    );
  }
  return (
    <PageError
      title="The event could not be loaded"
      detail={detail}
      actions={
        <>
          <Button variant="contained" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry'}
          </Button>
          <Button variant="outlined" component={RouterLink} to="/events">
            Back to events
          </Button>
        </>
      }
    >
      {describeRequestError(error)}
    </PageError>
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
      <EventLoadFailure
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  if (!event) {
    // A 200 without an event: treat it as the event being gone rather than render an empty page.
    return (
      <PageError title="This event does not exist (anymore)" actions={<BackToEvents />}>
        Spotnana answered, but without the event.
      </PageError>
    );
  }

  return (
    <Stack spacing={3}>
      <EventBreadcrumbs name={event.name || 'Untitled event'} />
      <EventHeader event={event} />
      <InvitePanel
        eventId={eventId}
        // The API always sends a type; if one is ever missing, start the form at the most common type and let
        // the API's answer (shown under "Event type") correct it.
        eventType={event.type ?? 'GENERIC'}
        eventStatus={event.status}
        numTravelers={event.numTravelers ?? 0}
        companyId={event.companyId?.id}
        rsvpCounts={rsvpCounts.data}
        sendNotAllowedReason={sendNotAllowedReason(session.data?.role)}
      />
    </Stack>
  );
}
