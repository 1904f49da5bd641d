import { queryOptions, keepPreviousData } from '@tanstack/react-query';
import {
  ListEventsRequest,
  ListEventsResponse,
  type EventFilter,
  type EventParentFilter,
  type EventType,
  type ListEventType,
  type SearchEventSortOptions,
} from '#contract';
import { apiRequest } from '@/lib/api-client';
import { listEventTypeOf, type EventsSort, type EventsView } from '../utils/events-view';
import { eventKeys } from './event-keys';

/** The console's page size for the events list (the API allows up to 100). */
export const EVENTS_PAGE_SIZE = 25;

/** One page of one kind of events, narrowed and ordered as the manager asked. */
export interface EventsListQuery {
  listEventType: ListEventType;
  offset: number;
  limit: number;
  /** Part of the name; '' for any. */
  search?: string;
  type?: EventType;
  /** A program's id: its sessions and trips only. */
  parent?: string;
  sort?: EventsSort;
}

/** `POST /v2/events/list`: one page of the caller's company's events of one kind (upcoming, past, cancelled). */
function listEvents(request: ListEventsRequest, signal?: AbortSignal): Promise<ListEventsResponse> {
  return apiRequest('/v2/events/list', {
    body: ListEventsRequest.parse(request),
    schema: ListEventsResponse,
    signal,
  });
}

/** The request body: the filters the manager set, and the order always stated (start date or name). */
function listEventsRequest(query: EventsListQuery): ListEventsRequest {
  const { listEventType, offset, limit, search, type, parent, sort = 'start' } = query;
  const filters: EventFilter[] = [];
  if (search) filters.push({ eventNameFilter: search });
  if (type) filters.push({ eventTypeFilter: { types: [type] } });
  if (parent) filters.push({ eventParentFilter: { parentEventId: parent } });
  // Past events read most recent first; every other list soonest first.
  const byStart: SearchEventSortOptions = {
    sortField: 'START_DATE',
    sortOrder: listEventType === 'PAST_OR_COMPLETED' ? 'DESC' : 'ASC',
  };
  const sortOptions =
    sort === 'name' ? [{ sortField: 'EVENT_NAME', sortOrder: 'ASC' } as const, byStart] : [byStart];
  return { listEventType, offset, limit, ...(filters.length > 0 ? { filters } : {}), sortOptions };
}

/** The program a request lists the sessions of, if any. */
function parentOf(request: ListEventsRequest): string | undefined {
  for (const filter of request.filters ?? []) {
    if ('eventParentFilter' in filter) return (filter as EventParentFilter).eventParentFilter.parentEventId;
  }
  return undefined;
}

export function listEventsQueryOptions(query: EventsListQuery) {
  const request = listEventsRequest(query);
  return queryOptions({
    queryKey: eventKeys.list(request),
    queryFn: ({ signal }) => listEvents(request, signal),
    // Paging, searching and sorting keep the previous list on screen (marked busy) until the next one arrives,
    // instead of flashing a skeleton; another tab, or another program's sessions, is another list.
    placeholderData: (previous, previousQuery) => {
      const shown = previousQuery?.queryKey[2];
      const sameList =
        shown !== undefined &&
        shown.listEventType === request.listEventType &&
        parentOf(shown) === parentOf(request);
      return sameList ? keepPreviousData(previous) : undefined;
    },
  });
}

/** The page of the events list a view (the URL) shows: what the route's loader prefetches and the list reads. */
export function eventsViewQueryOptions({ tab, page, search, type, sort, parent }: EventsView) {
  return listEventsQueryOptions({
    listEventType: listEventTypeOf(tab),
    offset: page * EVENTS_PAGE_SIZE,
    limit: EVENTS_PAGE_SIZE,
    search,
    type,
    sort,
    parent,
  });
}
