/** `GET /api/history/events/{eventId}/sends`: the event's recorded sends, newest first, a page at a time. */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { SendPage } from '#contract/send-history';
import { apiRequest } from '@/lib/api-client';
import { inviteKeys } from './invite-keys';

export const EVENT_SENDS_PAGE_SIZE = 20;

export function listEventSends(eventId: string, offset: number, signal?: AbortSignal): Promise<SendPage> {
  const query = new URLSearchParams({ offset: String(offset), limit: String(EVENT_SENDS_PAGE_SIZE) });
  return apiRequest(`/history/events/${encodeURIComponent(eventId)}/sends?${query}`, {
    method: 'GET',
    schema: SendPage,
    signal,
  });
}

export function eventSendsQueryOptions(eventId: string) {
  return infiniteQueryOptions({
    queryKey: inviteKeys.sends(eventId),
    queryFn: ({ pageParam, signal }) => listEventSends(eventId, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.offset + last.sends.length;
      return last.sends.length > 0 && next < last.total ? next : undefined;
    },
  });
}
