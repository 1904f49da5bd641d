import type { EventRsvpState } from '#contract';
import { sharedKeys } from '@/lib/query-keys';

/**
 * Query keys of the travelers feature, general to specific (TkDodo's key factory):
 *
 *   ['events', 'detail', eventId, 'travelers']                         travelerKeys.all(eventId)
 *   ['events', 'detail', eventId, 'travelers', 'pages', {companyId, search, states}]  the picker's pages
 *   ['events', 'detail', eventId, 'travelers', 'refs', {search, states, offset}]     one travelers-list page
 *   ['events', 'detail', eventId, 'company']                           the company of an event without one
 *   ['users', {companyId} or {eventId}, 'names', [userId, ...]]        names for the selection's chips
 *   ['users', 'profile', userId]                                       a person's profile
 *
 * Under the event's shared root (`sharedKeys.event`): invalidating it after a send refreshes every page of the
 * picker along with the event, its RSVP counts and its History.
 */
export interface TravelerFilters {
  /** The search term as sent (trimmed); empty for no search. */
  search: string;
  /** The RSVP states to show; empty for all. */
  states: readonly EventRsvpState[];
}

/** The event whose travelers' names are wanted, and its company when the event's answer names one. */
export interface NamesScope {
  eventId: string;
  companyId?: string;
}

export const travelerKeys = {
  all: (eventId: string) => [...sharedKeys.event(eventId), 'travelers'] as const,
  /** `companyId` is in the key because the pages' names are resolved within that company. */
  pages: (eventId: string, companyId: string | undefined, filters: TravelerFilters) =>
    [
      ...travelerKeys.all(eventId),
      'pages',
      { companyId, search: filters.search, states: [...filters.states] },
    ] as const,
  /**
   * One travelers-list page as the API returns it (ids and states, no names). Needs no company, so the route's
   * loader can ask for the first page while the event itself is still loading; the picker's first page then
   * only has to resolve the names.
   */
  refs: (eventId: string, filters: TravelerFilters, offset: number) =>
    [
      ...travelerKeys.all(eventId),
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
  /** That company, learned once per event from its travelers' profiles. */
  eventCompany: (eventId: string) => [...sharedKeys.event(eventId), 'company'] as const,
};
