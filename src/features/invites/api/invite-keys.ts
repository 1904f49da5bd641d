import type { EventRsvpState } from '@/contract/spotnana';

/**
 * Query keys of the invites feature, general to specific (TkDodo's key factory).
 *
 * Every key starts with `['events', 'detail', eventId]`, the prefix the events feature uses for one event
 * (`eventKeys.detail(eventId)` in `src/features/events/api/event-keys.ts`). Features may not import each other,
 * so the prefix is repeated here by convention: invalidating it after a send refreshes the event itself (its
 * traveler and RSVP counts on the event page) and every traveler page of the picker in one call. The fourth
 * segment `'invites'` keeps these keys from colliding with anything the events feature caches for the event.
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
  all: (eventId: string) => [...inviteKeys.event(eventId), 'invites'] as const,
  travelers: (eventId: string) => [...inviteKeys.all(eventId), 'travelers'] as const,
  travelerPages: (eventId: string, filters: TravelerFilters) =>
    [...inviteKeys.travelers(eventId), 'pages', { search: filters.search, states: [...filters.states] }] as const,
  rsvpCounts: (eventId: string) => [...inviteKeys.travelers(eventId), 'rsvp-counts'] as const,
};
