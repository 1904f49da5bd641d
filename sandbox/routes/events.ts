/** `POST /v2/events/list` and `GET /v2/events/{eventId}`. */
import { Hono } from 'hono';
import { ListEventsRequest, type GetEventResponse, type ListEventsResponse } from '#contract';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { accessEvent, toApiEvent, type EventStore } from '../store/event-store.ts';
import { errorResponse } from '../../server/http/errors.ts';
import { readListOptions } from './event-list-options.ts';
import { readJsonBody } from './validation.ts';

/** The description's defaults for `offset` and `limit`. */
const DEFAULT_LIMIT = 10;

export function eventRoutes({ now }: SandboxDeps, events: EventStore): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.post('/list', async (c) => {
    const body = await readJsonBody(c, ListEventsRequest);
    if (!body.ok) return body.response;
    const read = readListOptions(body.data);
    if (!read.ok) return errorResponse(400, read.entries);
    const { listEventType = 'UPCOMING', offset = 0, limit = DEFAULT_LIMIT } = body.data;
    const nowMs = now().getTime();
    const { rows, total } = events.list({
      ...read.options,
      kind: listEventType,
      company: c.get('caller').companyId,
      now: nowMs,
      offset,
      limit,
    });
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
