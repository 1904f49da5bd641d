import { queryOptions } from '@tanstack/react-query';
import { EventTravelersRequest, EventTravelersResponse, type EventRsvpState } from '#contract';
import { RSVP_STATES_IN_ORDER } from '@/components/labels';
import { apiRequest } from '@/lib/api-client';
import { eventKeys } from './event-keys';

export type RsvpCounts = Readonly<Record<EventRsvpState, number>>;

/** A count-only request: `limit: 0` returns no travelers, just `paginationParams.totalNumResults`. */
function rsvpCountRequest(state: EventRsvpState): EventTravelersRequest {
  return EventTravelersRequest.parse({
    offset: 0,
    limit: 0,
    filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: [state] }],
  });
}

async function countTravelers(eventId: string, state: EventRsvpState, signal?: AbortSignal): Promise<number> {
  const response = await apiRequest(`/v2/events/${encodeURIComponent(eventId)}/travelers-list`, {
    body: rsvpCountRequest(state),
    schema: EventTravelersResponse,
    signal,
  });
  return response.paginationParams?.totalNumResults ?? response.travelerEventInfos?.length ?? 0;
}

/**
 * How many travelers of the event are in each RSVP state. The API has no counts endpoint, so this asks
 * `POST /v2/events/{eventId}/travelers-list` once per state, all at once; one failure fails the whole count
 * (a header with four numbers and one hole would mislead).
 */
async function getRsvpCounts(eventId: string, signal?: AbortSignal): Promise<RsvpCounts> {
  const counts = await Promise.all(
    RSVP_STATES_IN_ORDER.map((state) => countTravelers(eventId, state, signal)),
  );
  return Object.fromEntries(RSVP_STATES_IN_ORDER.map((state, i) => [state, counts[i] ?? 0])) as RsvpCounts;
}

/**
 * The one query for the event's RSVP counts: the header shows them, and the event page hands them to the
 * traveler picker's filter chips, so both read one set of requests.
 */
export function getRsvpCountsQueryOptions(eventId: string) {
  return queryOptions({
    queryKey: eventKeys.rsvpCounts(eventId),
    queryFn: ({ signal }) => getRsvpCounts(eventId, signal),
  });
}
