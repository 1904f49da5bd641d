import type { EventRsvpState } from '@/contract/spotnana';

/**
 * Query keys of the invites feature, general to specific (TkDodo's key factory):
 *
 *   ['events', 'detail', eventId]                                      inviteKeys.event(eventId)
 *   ['events', 'detail', eventId, 'travelers']                         inviteKeys.travelers(eventId)
 *   ['events', 'detail', eventId, 'travelers', 'pages', {companyId, search, states}]  the picker's pages
 *   ['events', 'detail', eventId, 'rsvp-counts']                       RSVP counts, shared with the header
 *
 * `['events', 'detail', eventId]` is the prefix the events feature uses for one event (`eventKeys.detail` in
 * `src/features/events/api/event-keys.ts`, which documents that `'travelers'` under it belongs to this feature).
 * Features may not import each other, so the prefix is repeated here by that documented convention: invalidating
 * it after a send refreshes the event (its traveler count and the RSVP counts in its header) and every page of
 * the picker in one call.
 *
 * `rsvpCounts` is deliberately the very key of the event header's counts (`eventKeys.rsvpCounts`), fetched with
 * the same requests into the same shape (`Record<EventRsvpState, number>`), so the header and the picker's RSVP
 * filter share one set of requests. Change both together.
 */
export interface TravelerFilters {
  /** The search term as sent (trimmed); empty for no search. */
  search: string;
  /** The RSVP states to show; empty for all. */
  states: readonly EventRsvpState[];
}

export const inviteKeys = {
  /** Everything cached about one event, by either feature: invalidate after anything that changes its travelers. */
  event: (eventId: string) => ['events', 'detail', eventId] as const,
  travelers: (eventId: string) => [...inviteKeys.event(eventId), 'travelers'] as const,
  /** `companyId` is in the key because the pages' names are resolved within that company. */
  travelerPages: (eventId: string, companyId: string | undefined, filters: TravelerFilters) =>
    [
      ...inviteKeys.travelers(eventId),
      'pages',
      { companyId, search: filters.search, states: [...filters.states] },
    ] as const,
  rsvpCounts: (eventId: string) => [...inviteKeys.event(eventId), 'rsvp-counts'] as const,
};
