/**
 * React Query keys for everything the console caches about events, from general to specific:
 *
 *   ['events']                                             eventKeys.all
 *   ['events', 'list']                                     eventKeys.lists()
 *   ['events', 'list', {listEventType, filters, ...}]      eventKeys.list(request)  (the request body)
 *   ['events', 'detail', eventId]                          eventKeys.detail(eventId)          (GET /v2/events/:id)
 *   ['events', 'detail', eventId, 'rsvp-counts']           eventKeys.rsvpCounts(eventId)
 *   ['events', 'detail', eventId, 'travelers', ...]        the travelers feature's pages (its own factory)
 *
 * Everything about one event lives under `eventKeys.detail(eventId)`, the shared root `sharedKeys.event`: the
 * travelers and send-history features root their keys there too, so the one invalidation after a send refreshes the event, its RSVP
 * counts and every traveler page (`src/app/event-query-keys.test.ts`).
 */
import type { ListEventsRequest } from '#contract';
import { sharedKeys } from '@/lib/query-keys';

export const eventKeys = {
  all: ['events'] as const,
  lists: () => [...eventKeys.all, 'list'] as const,
  list: (request: ListEventsRequest) => [...eventKeys.lists(), request] as const,
  detail: sharedKeys.event,
  rsvpCounts: (eventId: string) => [...eventKeys.detail(eventId), 'rsvp-counts'] as const,
};
