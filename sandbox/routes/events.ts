/** `POST /v2/events/list` and `GET /v2/events/{eventId}`. */
import { Hono } from 'hono';
import { ListEventsRequest, type GetEventResponse, type ListEventsResponse } from '#contract';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { accessEvent, toApiEvent, type EventStore } from '../store/event-store.ts';
import { readJsonBody } from './validation.ts';

/** The description's defaults for `offset` and `limit`. */
const DEFAULT_LIMIT = 10;

export function eventRoutes({ now }: SandboxDeps, events: EventStore): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.post('/list', async (c) => {
    const body = await readJsonBody(c, ListEventsRequest);
    if (!body.ok) return body.response;
    // Filters and sort options of the description are accepted but not applied: the console uses neither.
    const { listEventType = 'UPCOMING', offset = 0, limit = DEFAULT_LIMIT } = body.data;
    const nowMs = now().getTime();
    const { rows, total } = events.list(listEventType, c.get('caller').companyId, nowMs, offset, limit);
    const response: ListEventsResponse = {
      events: rows.map((row) => toApiEvent(row, nowMs)),
      paginationParams: { totalNumResults: total },
    };
    return c.json(response);
  });

  app.get('/:eventId', (c) => {
    const access = accessEvent(events, c.req.param('eventId'), c.get('caller').companyId);
    if (!access.ok) return access.response;
    const response: GetEventResponse = { event: toApiEvent(access.event, now().getTime()) };
    return c.json(response);
  });
  return app;
}
