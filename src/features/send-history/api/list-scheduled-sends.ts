/**
 * `GET /api/history/events/{eventId}/scheduled`: the event's sends still waiting for their time (Send later), the
 * soonest first. Once one runs, is cancelled or is not run, it leaves this list for the ordinary History. Asked
 * again when the soonest comes due (and a few seconds for the server to pick it up), so one that ran meanwhile
 * does not stay listed with its buttons.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { SendSummary } from '#contract/send-history';
import { apiRequest } from '@/lib/api-client';
import { sendRecordKeys } from './send-record-keys';

const ScheduledSends = z.object({ sends: z.array(SendSummary) });

export function listScheduledSends(eventId: string, signal?: AbortSignal): Promise<SendSummary[]> {
  return apiRequest(`/history/events/${encodeURIComponent(eventId)}/scheduled`, {
    method: 'GET',
    schema: ScheduledSends,
    signal,
  }).then((answer) => answer.sends);
}

/** After a due time, how long the server may take to pick the send up (it looks every few seconds). */
export const RUN_GRACE_MS = 5_000;
/** Past its due time and still listed (the server is late): asked again this often. */
export const OVERDUE_POLL_MS = 15_000;
/** The longest wait between two asks while any is listed: others plan, move and cancel sends too. */
export const MAX_WAIT_MS = 5 * 60_000;

/** When to ask again, in ms from `now`: once the soonest due time has passed; never while nothing is listed. */
export function scheduledRefetchDelay(
  sends: readonly SendSummary[] | undefined,
  now: number,
): number | false {
  if (!sends || sends.length === 0) return false;
  const due = sends.map((send) => Date.parse(send.dueAt ?? '')).filter((at) => !Number.isNaN(at));
  if (due.length === 0) return OVERDUE_POLL_MS;
  const wait = Math.min(...due) + RUN_GRACE_MS - now;
  return wait <= 0 ? OVERDUE_POLL_MS : Math.min(wait, MAX_WAIT_MS);
}

export function scheduledSendsQueryOptions(eventId: string) {
  return queryOptions({
    queryKey: sendRecordKeys.scheduledSends(eventId),
    queryFn: ({ signal }) => listScheduledSends(eventId, signal),
    refetchInterval: (query) => scheduledRefetchDelay(query.state.data, Date.now()),
  });
}
