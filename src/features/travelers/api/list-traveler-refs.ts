/**
 * `POST /v2/events/{eventId}/travelers-list`, one page: user ids and RSVP states. The API carries no names; the
 * picker's pages add them (`list-travelers.ts`), "Select all" and "Paste a list" need none.
 */
import { queryOptions } from '@tanstack/react-query';
import {
  EventTravelersRequest,
  EventTravelersResponse,
  type EventRsvpState,
  type EventTravelerFilter,
} from '#contract';
import { apiRequest } from '@/lib/api-client';
import { eventPath } from '@/lib/event-path';
import { travelerKeys, type TravelerFilters } from './traveler-keys';

/** The API's largest page. */
export const TRAVELERS_PAGE_SIZE = 100;

export const NO_FILTERS: TravelerFilters = { search: '', states: [] };

/** A traveler as travelers-list knows them: no name, no email. */
export interface TravelerRef {
  userId: string;
  rsvpState?: EventRsvpState;
  /** ISO 8601 instant of the last invitation. */
  invitedAt?: string;
}

export interface TravelersPage<T> {
  travelers: T[];
  offset: number;
  /** Travelers matching the filters in the whole event. */
  total: number;
}

function travelersRequest(filters: TravelerFilters, offset: number, limit: number): EventTravelersRequest {
  const apiFilters: EventTravelerFilter[] = [];
  if (filters.search) apiFilters.push({ type: 'TRAVELER_SEARCH_FILTER', searchTerm: filters.search });
  if (filters.states.length > 0) {
    apiFilters.push({ type: 'INVITATION_STATUS_FILTER', rsvpStates: [...filters.states] });
  }
  return EventTravelersRequest.parse({ offset, limit, filters: apiFilters });
}

export async function listTravelerRefs(
  args: { eventId: string; filters: TravelerFilters; offset: number },
  signal?: AbortSignal,
): Promise<TravelersPage<TravelerRef>> {
  const response = await apiRequest(eventPath(args.eventId, 'travelers-list'), {
    body: travelersRequest(args.filters, args.offset, TRAVELERS_PAGE_SIZE),
    schema: EventTravelersResponse,
    signal,
  });
  const travelers: TravelerRef[] = [];
  for (const info of response.travelerEventInfos ?? []) {
    const userId = info.userId?.id;
    if (!userId) continue;
    travelers.push({
      userId,
      rsvpState: info.eventUserRsvp?.eventRsvpState,
      invitedAt: info.eventUserRsvp?.invitedAt?.iso8601,
    });
  }
  return {
    offset: args.offset,
    total: response.paginationParams?.totalNumResults ?? args.offset + travelers.length,
    travelers,
  };
}

/**
 * A page of travelers-list in the cache, briefly: long enough for the picker to take over the first page the
 * route's loader asked for, short enough that a refetch of the picker asks the API again.
 */
export function travelerRefsQueryOptions(eventId: string, filters: TravelerFilters, offset: number) {
  return queryOptions({
    queryKey: travelerKeys.refs(eventId, filters, offset),
    queryFn: ({ signal }) => listTravelerRefs({ eventId, filters, offset }, signal),
    staleTime: 2_000,
    gcTime: 10_000,
    // The picker's query around it retries; retrying here as well would multiply the attempts.
    retry: false,
  });
}
