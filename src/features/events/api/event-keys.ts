/**
 * React Query keys for everything the console caches about events, from general to specific:
 *
 *   ['events']                                             eventKeys.all
 *   ['events', 'list']                                     eventKeys.lists()
 *   ['events', 'list', {listEventType, offset, limit}]     eventKeys.list(listEventType, page)
 *   ['events', 'detail', eventId]                          eventKeys.detail(eventId)          (GET /v2/events/:id)
 *   ['events', 'detail', eventId, 'rsvp-counts']           eventKeys.rsvpCounts(eventId)
 *   ['events', 'detail', eventId, 'travelers', ...]        the invites feature's traveler pages (its own factory)
 *
 * Everything about one event lives under `['events', 'detail', eventId]`, so after invites go out a single
 * `queryClient.invalidateQueries({ queryKey: ['events', 'detail', eventId] })` refreshes the event (its
 * traveler count), the RSVP counts in its header and every page of its traveler list at once.
 *
 * Features do not import each other, so the invites feature builds its keys on this same documented prefix
 * (`eventDetailKey(eventId)` below is the one place it is spelled out for this feature).
 */
import type { ListEventType } from '#contract';

export interface EventListPage {
  offset: number;
  limit: number;
}

/** `['events', 'detail', eventId]`: the prefix of every query about one event. */
export function eventDetailKey(eventId: string) {
  return ['events', 'detail', eventId] as const;
}

export const eventKeys = {
  all: ['events'] as const,
  lists: () => [...eventKeys.all, 'list'] as const,
  list: (listEventType: ListEventType, page: EventListPage) =>
    [...eventKeys.lists(), { listEventType, offset: page.offset, limit: page.limit }] as const,
  details: () => [...eventKeys.all, 'detail'] as const,
  detail: (eventId: string) => eventDetailKey(eventId),
  rsvpCounts: (eventId: string) => [...eventKeys.detail(eventId), 'rsvp-counts'] as const,
};
