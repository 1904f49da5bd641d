import type { EventRsvpState } from '#contract';
import { sharedKeys } from '@/lib/query-keys';
import type { NamesScope } from './get-event-company';

/**
 * Query keys of the invites feature, general to specific (TkDodo's key factory):
 *
 *   ['events', 'detail', eventId]                                      inviteKeys.event(eventId)
 *   ['events', 'detail', eventId, 'travelers']                         inviteKeys.travelers(eventId)
 *   ['events', 'detail', eventId, 'travelers', 'pages', {companyId, search, states}]  the picker's pages
 *   ['events', 'detail', eventId, 'travelers', 'refs', {search, states, offset}]     one travelers-list page
 *   ['events', 'detail', eventId, 'company']                           the company of an event without one
 *   ['events', 'detail', eventId, 'sends']                             the event's History (recorded sends)
 *   ['events', 'detail', eventId, 'sends', 'recent', confirmationId]   recent invites of a send being confirmed
 *   ['sends', recordId]                                                one recorded send in full
 *   ['users', {companyId} or {eventId}, 'names', [userId, ...]]        names for the selection's chips
 *   ['users', 'profile', userId]                                       a person's profile
 *
 * `['events', 'detail', eventId]` is the shared root of everything about one event (`sharedKeys.event`), under
 * which the events feature keeps the event and its RSVP counts: invalidating it after a send refreshes the event,
 * its RSVP counts, every page of the picker and the History in one call.
 */
export interface TravelerFilters {
  /** The search term as sent (trimmed); empty for no search. */
  search: string;
  /** The RSVP states to show; empty for all. */
  states: readonly EventRsvpState[];
}

export const inviteKeys = {
  /** Everything cached about one event, by either feature: invalidate after anything that changes its travelers. */
  event: sharedKeys.event,
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
  /**
   * People, not travelers: outside any event when the company is known, since a name is the same in every event;
   * within the event when its company is still to be learned from a profile.
   */
  userNames: ({ companyId, eventId }: NamesScope, userIds: readonly string[]) =>
    ['users', companyId ? { companyId } : { eventId }, 'names', [...userIds]] as const,
  /** A person's profile: read for the company an event without `companyId` belongs to. */
  userProfile: (userId: string) => ['users', 'profile', userId] as const,
  /** The event's recorded sends: under the event, so the refresh after a send updates them too. */
  sends: (eventId: string) => [...inviteKeys.event(eventId), 'sends'] as const,
  /** Keyed by the confirmation, not by its (up to 10,000) ids: each confirmation asks once. */
  recentInvites: (eventId: string, confirmationId: string) =>
    [...inviteKeys.sends(eventId), 'recent', confirmationId] as const,
  /** One send in full: a record never moves to another event, so it needs no event in its key. */
  sendRecord: (recordId: string) => ['sends', recordId] as const,
  /** That company, learned once per event from its travelers' profiles. */
  eventCompany: (eventId: string) => [...inviteKeys.event(eventId), 'company'] as const,
};
