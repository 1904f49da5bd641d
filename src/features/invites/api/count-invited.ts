/** `POST /v2/events/{eventId}/travelers-list` with `limit: 0`: how many travelers are `INVITED` (no answer yet). */
import { queryOptions } from '@tanstack/react-query';
import { EventTravelersRequest, EventTravelersResponse } from '#contract';
import { apiRequest } from '@/lib/api-client';
import { eventPath } from '@/lib/event-path';
import { sharedKeys } from '@/lib/query-keys';

/** Null when the API gives no total: then nobody can say how many, not even that none are left. */
async function countInvited(eventId: string, signal?: AbortSignal): Promise<number | null> {
  const body: EventTravelersRequest = {
    offset: 0,
    limit: 0,
    filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: ['INVITED'] }],
  };
  const response = await apiRequest(eventPath(eventId, 'travelers-list'), {
    body: EventTravelersRequest.parse(body),
    schema: EventTravelersResponse,
    signal,
  });
  return response.paginationParams?.totalNumResults ?? null;
}

/** Under the event's key, so a send refreshes it; asked again whenever the reminder's confirmation opens. */
export function invitedCountQueryOptions(eventId: string) {
  return queryOptions({
    queryKey: [...sharedKeys.event(eventId), 'invited-count'] as const,
    queryFn: ({ signal }) => countInvited(eventId, signal),
    staleTime: 0,
  });
}
