/**
 * `POST /api/history/events/:eventId/recent-invites`: the confirmation's "some of these travelers were sent an
 * invite in the last 24 hours", and the sends still scheduled that will reach them. A POST because it carries up to 20,000 ids; `/api`'s write guard already made sure
 * it is a same-origin JSON request.
 */
import type { Context } from 'hono';
import { RecentInvitesRequest } from '#contract/send-history';
import { errorResponse } from '../http/errors.ts';
import type { ServerEnv } from '../http/server-env.ts';
import { checkJsonBody } from './checked-body.ts';
import { RECENT_WINDOW_MS, recentInvites } from './recent-invites.ts';
import type { SendQueries } from './send-queries.ts';

export function recentInvitesRoute(queries: SendQueries, now: () => number) {
  return async (c: Context<ServerEnv>) => {
    const body = checkJsonBody(await c.req.text(), RecentInvitesRequest);
    if (!body.ok) return errorResponse(400, body.errors, { debugIdentifier: c.get('requestId') });
    const sinceMs = now() - RECENT_WINDOW_MS;
    const eventId = c.req.param('eventId') ?? '';
    // A send still scheduled will cover its travelers whatever its due time: named after the recent ones, with its
    // dueAt, and counted in no travelerCount (it has not gone out).
    const [scheduled, recent] = await Promise.all([
      queries.scheduledInvites(eventId),
      queries.recentInvites(eventId, sinceMs),
    ]);
    const asked = body.value.userIds?.map((entry) => entry.id);
    return c.json(recentInvites(recent, asked, sinceMs, scheduled));
  };
}
