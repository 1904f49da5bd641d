import { lazy, Suspense, useEffect } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { SendDetail } from '#contract/send-history';
import { RetryAlert } from '@/components/retry-alert';
import { formatCount } from '@/components/format';
import { eventSendsQueryOptions } from '../api/list-event-sends';
import type { TravelerNames } from '../utils/traveler-names';
import { ScheduledSendsSlot } from './scheduled-sends-slot';
import { SendHistoryItem } from './send-history-item';
import { LoadBoundary } from '@/components/load-boundary';

// A send's review (its answer's entries, the travelers' states) loads when one is first opened.
const SendRecordReview = lazy(() =>
  import('./send-record-review').then((m) => ({ default: m.SendRecordReview })),
);

/** The open send is in the URL: a reload, or a link from the Activity page, opens it again. */
const OPEN_PARAM = 'send';

export interface SendHistoryProps {
  eventId: string;
  /** The travelers feature's name lookup, within the event's company. */
  travelerNames: TravelerNames;
  /** Absent for a person who may not send: the History is then read-only. */
  onLoad?: (record: SendDetail) => void;
  /** A send is under way: its outcome comes first, so nothing is loaded meanwhile. */
  loadDisabled?: boolean;
  /** The event venue's IANA time zone, shown in "Change time". */
  venueTimeZone?: string;
  /** False for a viewer: scheduled sends are listed without "Change time" and "Cancel scheduled send". */
  canChangeScheduled?: boolean;
}

/** The event's "History": every send recorded by the console, newest first, each reviewable in full. */
export function SendHistory({
  eventId,
  travelerNames,
  onLoad,
  loadDisabled = false,
  venueTimeZone,
  canChangeScheduled = false,
}: SendHistoryProps) {
  const query = useInfiniteQuery(eventSendsQueryOptions(eventId));
  const [params, setParams] = useSearchParams();
  const openId = params.get(OPEN_PARAM);
  const sends = query.data?.pages.flatMap((page) => page.sends) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const openListed = openId !== null && sends.some((s) => s.id === openId);

  useEffect(() => {
    // Arriving from a link to one send: bring it into view, and the keyboard with it, once it is listed.
    if (!openId || !openListed) return;
    document.getElementById(`send-${openId}`)?.scrollIntoView?.({ block: 'start' });
    document.getElementById(`send-${openId}-toggle`)?.focus({ preventScroll: true });
    // Only on arrival, not on every toggle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openListed]);

  function toggle(id: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (next.get(OPEN_PARAM) === id) next.delete(OPEN_PARAM);
        else next.set(OPEN_PARAM, id);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }

  const review = (id: string) => (
    <LoadBoundary what="this send's review" consequence="Nothing was changed.">
      <Suspense fallback={<Skeleton variant="rounded" height={96} sx={{ mt: 1 }} />}>
        <SendRecordReview
          recordId={id}
          eventId={eventId}
          travelerNames={travelerNames}
          onLoad={onLoad}
          loadDisabled={loadDisabled}
        />
      </Suspense>
    </LoadBoundary>
  );

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="send-history-heading"
      sx={{ p: { xs: 2, sm: 3 } }}
    >
      <Typography id="send-history-heading" variant="h2" sx={{ mb: 1 }}>
        History
      </Typography>
      <Typography variant="body2" color="textSecondary" sx={{ mb: 2 }}>
        Every invite and test invite sent from the console for this event, newest first, with Spotnana&apos;s
        answer. Sends planned for later come first, until they go out.
      </Typography>

      <ScheduledSendsSlot eventId={eventId} venueTimeZone={venueTimeZone} canChange={canChangeScheduled} />

      {openId && !openListed && query.isSuccess && (
        <Box sx={{ mb: 2 }} role="group" aria-label="The send you opened">
          {review(openId)}
        </Box>
      )}

      {query.isPending ? (
        <Box aria-busy="true">
          <Typography role="status" variant="body2">
            Loading the history…
          </Typography>
          <Skeleton height={48} />
          <Skeleton height={48} />
        </Box>
      ) : query.isError ? (
        <RetryAlert error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching}>
          The history could not be loaded.
        </RetryAlert>
      ) : sends.length === 0 ? (
        <Typography>No invites have been sent from the console for this event yet.</Typography>
      ) : (
        <>
          <Box component="ol" aria-label="Sends, newest first" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {sends.map((send) => (
              <SendHistoryItem
                key={send.id}
                send={send}
                open={send.id === openId}
                onToggle={() => toggle(send.id)}
              >
                {review(send.id)}
              </SendHistoryItem>
            ))}
          </Box>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1 }}>
            <Typography variant="body2" color="textSecondary" aria-live="polite">
              Showing {formatCount(sends.length)} of {formatCount(total)}
            </Typography>
            {query.hasNextPage && (
              <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? 'Loading older sends…' : 'Show older sends'}
              </Button>
            )}
          </Box>
        </>
      )}
    </Paper>
  );
}
