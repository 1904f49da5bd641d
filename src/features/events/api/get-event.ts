import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { GetEventResponse, type Event } from '#contract';
import { apiRequest } from '@/lib/api-client';
import { eventKeys } from './event-keys';

/** The request is just the path parameter; checked so a stray slash never turns into another API path. */
const getEventRequest = z.object({ eventId: z.string().check(z.minLength(1)) });
type GetEventRequest = z.infer<typeof getEventRequest>;

/** `GET /v2/events/{eventId}`. 404 when the event is unknown, 403 when it belongs to another company. */
async function getEvent(request: GetEventRequest, signal?: AbortSignal): Promise<Event | undefined> {
  const { eventId } = getEventRequest.parse(request);
  const response = await apiRequest(`/v2/events/${encodeURIComponent(eventId)}`, {
    method: 'GET',
    schema: GetEventResponse,
    signal,
  });
  return response.event;
}

export function getEventQueryOptions(eventId: string) {
  return queryOptions({
    queryKey: eventKeys.detail(eventId),
    queryFn: ({ signal }) => getEvent({ eventId }, signal),
  });
}
