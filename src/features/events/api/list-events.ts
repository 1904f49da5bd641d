import { queryOptions, keepPreviousData } from '@tanstack/react-query';
import { ListEventsRequest, ListEventsResponse, type ListEventType } from '#contract';
import { apiRequest } from '@/lib/api-client';
import { eventKeys, type EventListPage } from './event-keys';

/** The console's page size for the events list (the API allows up to 100). */
export const EVENTS_PAGE_SIZE = 25;

/** `POST /v2/events/list`: one page of the caller's company's events of one kind (upcoming, past, cancelled). */
function listEvents(request: ListEventsRequest, signal?: AbortSignal): Promise<ListEventsResponse> {
  return apiRequest('/v2/events/list', {
    body: ListEventsRequest.parse(request),
    schema: ListEventsResponse,
    signal,
  });
}

export function listEventsQueryOptions(
  listEventType: ListEventType,
  page: EventListPage = { offset: 0, limit: EVENTS_PAGE_SIZE },
) {
  return queryOptions({
    queryKey: eventKeys.list(listEventType, page),
    queryFn: ({ signal }) => listEvents({ listEventType, offset: page.offset, limit: page.limit }, signal),
    // Paging keeps the previous page on screen until the next one arrives, instead of flashing a skeleton.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2]?.listEventType === listEventType ? keepPreviousData(previous) : undefined,
  });
}
