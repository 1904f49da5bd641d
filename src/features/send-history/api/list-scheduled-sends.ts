/**
 * `GET /api/history/events/{eventId}/scheduled`: the event's sends still waiting for their time (Send later), the
 * soonest first. Once one runs, is cancelled or is not run, it leaves this list for the ordinary History.
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

export function scheduledSendsQueryOptions(eventId: string) {
  return queryOptions({
    queryKey: sendRecordKeys.scheduledSends(eventId),
    queryFn: ({ signal }) => listScheduledSends(eventId, signal),
  });
}
