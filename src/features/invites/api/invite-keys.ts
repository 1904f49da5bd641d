import type { EventRsvpState } from '#contract';

/**
 * Query keys of the invites feature, general to specific (TkDodo's key factory):
 *
 *   ['events', 'detail', eventId]                                      inviteKeys.event(eventId)
 *   ['events', 'detail', eventId, 'travelers']                         inviteKeys.travelers(eventId)
 *   ['events', 'detail', eventId, 'travelers', 'pages', {companyId, search, states}]  the picker's pages
 *   ['events', 'detail', eventId, 'travelers', 'refs', {search, states, offset}]     one travelers-list page
 *   ['events', 'detail', eventId, 'rsvp-counts']                       RSVP counts, shared with the header
 *   ['users', companyId, 'names', [userId, ...]]                       names for the selection's chips
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
  /**
   * One travelers-list page as the API returns it (ids and states, no names). Needs no company, so the route's
   * loader can ask for the first page while the event itself is still loading; the picker's first page then
   * only has to resolve the names.
   */
  travelerRefs: (eventId: string, filters: TravelerFilters, offset: number) =>
    [
      ...inviteKeys.travelers(eventId),
      'refs',
      { search: filters.search, states: [...filters.states], offset },
    ] as const,
  rsvpCounts: (eventId: string) => [...inviteKeys.event(eventId), 'rsvp-counts'] as const,
  /** People, not travelers: outside any event, since a name is the same in every event. */
  userNames: (companyId: string | undefined, userIds: readonly string[]) =>
    ['users', companyId ?? null, 'names', [...userIds]] as const,
};
