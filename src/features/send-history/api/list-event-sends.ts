/**
 * `GET /api/history/events/{eventId}/sends`: the event's recorded sends, newest first, a page at a time. Each page
 * starts where the one before ended (its `nextBefore`), so a send recorded meanwhile never shows twice.
 */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { SendPage } from '#contract/send-history';
import { apiRequest } from '@/lib/api-client';
import { sendRecordKeys } from './send-record-keys';

export const EVENT_SENDS_PAGE_SIZE = 20;

export function listEventSends(
  eventId: string,
  before: string | undefined,
  signal?: AbortSignal,
): Promise<SendPage> {
  const query = new URLSearchParams({ limit: String(EVENT_SENDS_PAGE_SIZE), ...(before && { before }) });
  return apiRequest(`/history/events/${encodeURIComponent(eventId)}/sends?${query}`, {
    method: 'GET',
    schema: SendPage,
    signal,
  });
}

export function eventSendsQueryOptions(eventId: string) {
  return infiniteQueryOptions({
    queryKey: sendRecordKeys.eventSends(eventId),
    queryFn: ({ pageParam, signal }) => listEventSends(eventId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
