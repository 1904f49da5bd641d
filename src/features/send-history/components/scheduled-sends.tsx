import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlineOutlined';
import type { SendSummary } from '#contract/send-history';
import { RetryAlert } from '@/components/retry-alert';
import { LoadBoundary } from '@/components/load-boundary';
import { formatSendAt } from '@/components/send-at/format-send-at';
import { sharedKeys } from '@/lib/query-keys';
import { cancelScheduledKey, useCancelScheduledSend } from '../api/cancel-scheduled-send';
import { scheduledSendsQueryOptions } from '../api/list-scheduled-sends';
import { rescheduleKey, useRescheduleSend } from '../api/reschedule-send';
import { sendRecordKeys } from '../api/send-record-keys';
import { scheduledScopeWords } from '../utils/send-outcome';
import { ScheduledSendItem } from './scheduled-send-item';

// Both dialogs (MUI's modal, the date field, the time zones) load when first opened, not with the History.
const SendAtDialog = lazy(() =>
  import('@/components/send-at/send-at-dialog').then((m) => ({ default: m.SendAtDialog })),
);
const CancelScheduledDialog = lazy(() =>
  import('./cancel-scheduled-dialog').then((m) => ({ default: m.CancelScheduledDialog })),
);

export interface ScheduledSendsProps {
  eventId: string;
  venueTimeZone?: string;
  /** False for a viewer: the list is read-only. The server decides who may change which (403 otherwise). */
  canChange: boolean;
}

const HEADING_ID = 'scheduled-sends-heading';

/**
 * The event's sends still waiting for their time, at the top of its History, each with "Change time" and "Cancel
 * scheduled send". The send a dialog was opened for is kept as it was then: if it starts meanwhile and leaves the
 * list, the dialog still says what it was about, and the server's 409 says it has started. A dialog whose request
 * is under way cannot be closed, so its answer, a failure too, is always shown in it.
 */
export function ScheduledSends({ eventId, venueTimeZone, canChange }: ScheduledSendsProps) {
  const queryClient = useQueryClient();
  const query = useQuery(scheduledSendsQueryOptions(eventId));
  const reschedule = useRescheduleSend(eventId);
  const cancel = useCancelScheduledSend(eventId);
  const [changing, setChanging] = useState<SendSummary | null>(null);
  const [cancelling, setCancelling] = useState<SendSummary | null>(null);
  useRanSendsInHistory(eventId, query.data);
  /** Mutation state reaches the render later; the cache knows at once. */
  const underWay = (mutationKey: readonly string[]) => queryClient.isMutating({ mutationKey }) > 0;

  const done =
    reschedule.isSuccess && reschedule.data.dueAt && !changing
      ? `Time changed: it now goes out on ${formatSendAt(Date.parse(reschedule.data.dueAt))} (your time).`
      : cancel.isSuccess && !cancelling
        ? `Cancelled: ${scheduledScopeWords(cancel.data).toLowerCase()} will not be sent.`
        : undefined;

  function openChange(send: SendSummary) {
    reschedule.reset();
    cancel.reset();
    setChanging(send);
  }
  function openCancel(send: SendSummary) {
    reschedule.reset();
    cancel.reset();
    setCancelling(send);
  }
  function confirmChange(sendAt: string) {
    if (!changing || underWay(rescheduleKey(eventId))) return;
    reschedule.mutate({ id: changing.id, sendAt }, { onSuccess: () => setChanging(null) });
  }
  function confirmCancel() {
    if (!cancelling || underWay(cancelScheduledKey(eventId))) return;
    cancel.mutate(cancelling.id, {
      onSuccess: () => {
        setCancelling(null);
        // Its buttons went with it: the keyboard carries on from the list's heading, not the page's top.
        setTimeout(() => document.getElementById(HEADING_ID)?.focus(), 0);
      },
    });
  }

  const sends = query.data ?? [];
  // Nothing planned, nothing just done: the History starts with its sends. While any is listed, the status line
  // below is already in the DOM, so a change or a cancellation is announced.
  if (query.isPending || (query.isSuccess && sends.length === 0 && !done && !changing && !cancelling)) {
    return null;
  }
  return (
    <Box component="section" aria-labelledby={HEADING_ID} sx={{ mb: 3 }}>
      <Typography id={HEADING_ID} variant="h3" tabIndex={-1} sx={{ mb: 1, outline: 'none' }}>
        Scheduled sends
      </Typography>
      {query.isError ? (
        <RetryAlert error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching}>
          The scheduled sends could not be loaded.
        </RetryAlert>
      ) : sends.length === 0 ? (
        <Typography variant="body2">Nothing is scheduled for this event.</Typography>
      ) : (
        <Box
          component="ol"
          aria-label="Scheduled sends, soonest first"
          sx={{ listStyle: 'none', m: 0, p: 0 }}
        >
          {sends.map((send) => (
            <ScheduledSendItem
              key={send.id}
              send={send}
              onChangeTime={canChange ? () => openChange(send) : undefined}
              onCancel={canChange ? () => openCancel(send) : undefined}
            />
          ))}
        </Box>
      )}
      <Typography role="status" variant="body2" sx={{ fontWeight: 600, mt: done ? 1 : 0 }}>
        {done && (
          <Box component="span" sx={{ color: 'success.dark' }}>
            <CheckCircleOutlined
              fontSize="small"
              aria-hidden
              sx={{ verticalAlign: 'text-bottom', mr: 0.5 }}
            />
            {done}
          </Box>
        )}
      </Typography>
      <LoadBoundary what="this dialog" consequence="Nothing was changed.">
        <Suspense fallback={null}>
          {changing && (
            <SendAtDialog
              title="Change time"
              summary={`${scheduledScopeWords(changing)}, scheduled by ${changing.person.name}. Choose when it should go out instead.`}
              confirmLabel="Change time"
              busyLabel="Changing the time…"
              operation="reschedule"
              venueTimeZone={venueTimeZone}
              initialAt={changing.dueAt ? Date.parse(changing.dueAt) : undefined}
              pending={reschedule.isPending}
              error={reschedule.error}
              onConfirm={confirmChange}
              onClose={() => !underWay(rescheduleKey(eventId)) && setChanging(null)}
            />
          )}
          {cancelling && (
            <CancelScheduledDialog
              send={cancelling}
              pending={cancel.isPending}
              error={cancel.error}
              onConfirm={confirmCancel}
              onClose={() => !underWay(cancelScheduledKey(eventId)) && setCancelling(null)}
            />
          )}
        </Suspense>
      </LoadBoundary>
    </Box>
  );
}

/**
 * A send that leaves the list by itself has come due and run (or was not run): the ordinary History, the Activity
 * page and its record are asked again, so it shows there at once.
 */
function useRanSendsInHistory(eventId: string, sends: readonly SendSummary[] | undefined) {
  const queryClient = useQueryClient();
  const listed = useRef<readonly string[] | undefined>(undefined);
  useEffect(() => {
    if (!sends) return;
    const before = listed.current;
    listed.current = sends.map((send) => send.id);
    const gone = before?.filter((id) => !listed.current!.includes(id)) ?? [];
    if (gone.length === 0) return;
    void queryClient.invalidateQueries({ queryKey: sharedKeys.eventSends(eventId), exact: true });
    void queryClient.invalidateQueries({ queryKey: sharedKeys.sendRecords });
    for (const id of gone) void queryClient.invalidateQueries({ queryKey: sendRecordKeys.record(id) });
  }, [eventId, queryClient, sends]);
}
