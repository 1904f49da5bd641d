/** `POST /v2/events/{eventId}/invite/send` and `POST /v2/events/{eventId}/invite/test`. */
import { Hono } from 'hono';
import { MAX_INVITE_USER_IDS, SendInviteRequest } from '#contract';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { errorResponse, param, type ErrorEntry } from '../../server/http/errors.ts';
import { accessEvent, typeMismatch, type EventRow, type EventStore } from '../store/event-store.ts';
import type { InviteStore } from '../store/invite-store.ts';
import { toOffsetIso } from '../time.ts';
import { checkTravelerIds } from './traveler-ids.ts';
import type { TravelerStore } from '../store/traveler-store.ts';
import { readJsonBody } from './validation.ts';

export function inviteRoutes(
  { now }: SandboxDeps,
  events: EventStore,
  travelers: TravelerStore,
  invites: InviteStore,
): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  // The whole request is checked first and every problem reported together; only a flawless request changes
  // anything, and then all of it in one transaction.
  app.post('/:eventId/invite/send', async (c) => {
    const access = accessEvent(events, c.req.param('eventId'), c.get('caller').companyId);
    if (!access.ok) return access.response;
    const body = await readJsonBody(c, SendInviteRequest);
    if (!body.ok) return body.response;
    const { event } = access;
    const { type, userIds } = body.data;

    const entries: ErrorEntry[] = [];
    const mismatch = typeMismatch(event, type);
    if (mismatch) entries.push(mismatch);
    const notOpen = notOpenForInvites(event);
    if (notOpen) entries.push(notOpen);
    let ids: string[] | null = null;
    if (userIds !== undefined && userIds.length === 0) {
      entries.push({
        errorCode: 'NO_TRAVELERS_SELECTED',
        message: 'Choose at least one traveler, or leave userIds out to invite every traveler.',
        errorParameters: [param('userIds', userIds)],
      });
    } else if (userIds !== undefined && userIds.length > MAX_INVITE_USER_IDS) {
      entries.push({
        errorCode: 'TOO_MANY_USER_IDS',
        message: `Name at most ${MAX_INVITE_USER_IDS.toLocaleString('en')} travelers in one request, or leave userIds out to invite every traveler.`,
        errorParameters: [param('userIds', `${userIds.length} ids`)],
      });
    } else if (userIds !== undefined) {
      const check = checkTravelerIds(travelers, event.id, userIds, { removedIsError: true });
      entries.push(...check.entries);
      ids = check.ids;
    }
    if (entries.length > 0) return errorResponse(400, entries);

    invites.send(event.id, ids, toOffsetIso(now()));
    return c.body(null, 200);
  });

  // A test invite goes to the caller (the API client's own user), not to any traveler; a draft can be
  // previewed this way, a cancelled event cannot.
  app.post('/:eventId/invite/test', (c) => {
    const caller = c.get('caller');
    const access = accessEvent(events, c.req.param('eventId'), caller.companyId);
    if (!access.ok) return access.response;
    if (access.event.status === 'CANCELLED') return errorResponse(400, [notOpenForInvites(access.event)!]);
    invites.sendTest(access.event.id, caller.userId, caller.email, toOffsetIso(now()));
    return c.body(null, 200);
  });
  return app;
}

function notOpenForInvites(event: EventRow): ErrorEntry | null {
  if (event.status === 'PUBLISH') return null;
  return {
    errorCode: event.status === 'DRAFT' ? 'EVENT_NOT_PUBLISHED' : 'EVENT_CANCELLED',
    message:
      event.status === 'DRAFT'
        ? 'The event is a draft. Publish it before sending invites.'
        : 'The event is cancelled. Invites cannot be sent.',
    errorParameters: [param('eventId', event.id)],
  };
}
