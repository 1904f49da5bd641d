/**
 * `POST /api/reminders/events/:eventId` with `{ type? }` (contract/send-history.ts): invites again, now, every
 * traveler of the event whose RSVP state is `INVITED` (invited, no answer yet).
 *
 * Behind the same guards as every `/api` write (cross-site refused, a session), then a sender's role, the event id's
 * shape, the limit on sends (a reminder is one send) and its body. Who to remind is read when it runs: the event's
 * `INVITED` travelers, a few pages of the travelers list at a time, deduplicated; an upstream failure or refusal
 * then comes back as the forwarder relays it, with nothing sent or recorded. Nobody left: a `skipped` record, and
 * nothing reaches invite/send. Otherwise the reminder is an invite/send naming them, dispatched to the very `/api`
 * app a browser's send reaches (role, route table, Idempotency-Key, in-flight dedupe and the send history all
 * apply), marked in its Bindings, which no request can set, so the history records it as `remind`.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { MAX_INVITE_USER_IDS, type EventType } from '#contract';
import { ReminderRequest, type ReminderResult } from '#contract/send-history';
import { requireRole } from '../auth/require-role.ts';
import { SPOTNANA_ID_PARAM, upstreamPath, type AllowedRoute } from '../forwarder/allowed-routes.ts';
import { checkRouteParams } from '../forwarder/route-params.ts';
import type { UpstreamClient } from '../forwarder/upstream-client.ts';
import { errorResponse } from '../http/errors.ts';
import { internalSendOf, type InternalSend, type ServerEnv } from '../http/server-env.ts';
import { checkJsonBody } from './checked-body.ts';
import { collectInvited, routeOf, tooMany } from './invited-travelers.ts';
import type { EventFactsCache } from './event-facts.ts';
import { beginOnRecord, IDEMPOTENCY_KEY, invalidKey, type SendHistory } from './record-sends.ts';
import { replayResponse } from './replay.ts';
import type { SendRequest } from './send-request.ts';

/** The route, as `/api` mounts it. */
export const REMINDER_PATH = '/reminders/events/:eventId';

/** The reminder's own row, as the guards read one (it is not forwarded: it is not in ALLOWED_ROUTES). */
const REMINDER_ROUTE: AllowedRoute = {
  method: 'POST',
  path: REMINDER_PATH,
  operationId: 'sendReminder',
  role: 'sender',
  action: 'send reminders',
  params: { eventId: SPOTNANA_ID_PARAM },
};
const SEND_ROUTE = routeOf('sendInvite');

/** Headers of the reminder that its invite/send carries, so the send passes `/api`'s guards as the browser's would. */
const PASSED_HEADERS = ['cookie', 'origin', 'sec-fetch-site', 'idempotency-key'];

export interface ReminderDeps {
  /** The `/api` app the reminder's invite/send is dispatched to, as a browser's send reaches it. */
  api: Hono<ServerEnv>;
  history: SendHistory;
  upstream: UpstreamClient;
  eventFacts?: EventFactsCache;
  /** The limit on sends: a reminder counts as one (its invite/send is not counted again: send-limit.ts). */
  sendLimit?: MiddlewareHandler<ServerEnv>;
}

/** Mounts the route on `/api`, after its write guard and session check, before the forwarder. */
export function mountReminders(deps: ReminderDeps): void {
  const { api, sendLimit } = deps;
  // Role before shape, shape before the limit, as for a send (app.ts); the body is checked after the limit, too.
  api.post(
    REMINDER_PATH,
    requireRole(REMINDER_ROUTE.role, REMINDER_ROUTE.action),
    checkRouteParams(REMINDER_ROUTE),
  );
  if (sendLimit !== undefined) api.post(REMINDER_PATH, sendLimit);
  api.post(REMINDER_PATH, (c) => remind(c, deps));
}

/**
 * First in `/api`: a request the server dispatched itself takes the outer request's id (its errors and upstream call
 * lead to the one log line), and hands back what it would have logged and measured, since only the outer is.
 */
export const internalSends: MiddlewareHandler<ServerEnv> = async (c, next) => {
  const internal = internalSendOf(c);
  if (internal === undefined) return next();
  if (internal.requestId !== undefined) c.set('requestId', internal.requestId);
  await next();
  internal.answered = {
    logDetail: c.get('logDetail'),
    errorCode: c.get('errorCode'),
    sendOutcome: c.get('sendOutcome'),
  };
};

async function remind(c: Context<ServerEnv>, deps: ReminderDeps): Promise<Response> {
  const header = c.req.header('idempotency-key');
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) return invalidKey(c);
  const checked = checkJsonBody(await c.req.text(), ReminderRequest);
  if (!checked.ok) return errorResponse(400, checked.errors, { debugIdentifier: c.get('requestId') });
  const { type } = checked.value;
  const eventId = c.req.param('eventId') ?? '';

  const collected = await collectInvited(c, deps.upstream, eventId, type);
  if (collected instanceof Response) return collected;
  if (collected.length > MAX_INVITE_USER_IDS) return tooMany(c, collected.length);
  if (collected.length === 0)
    return skip(c, deps, { eventId, action: 'remind', eventType: type ?? null, userIds: [] });
  return dispatch(c, deps.api, eventId, type, collected);
}

/** Nobody left to remind: on the record as `skipped`, nothing sent. */
async function skip(c: Context<ServerEnv>, deps: ReminderDeps, request: SendRequest): Promise<Response> {
  const { history, eventFacts } = deps;
  const begun = await beginOnRecord(c, history, request, eventFacts, (first) =>
    first.status === 'skipped' ? skipped(c) : replayResponse(first, c.get('requestId')),
  );
  if (begun instanceof Response) return begun;
  try {
    await history.records.complete(begun.record.id, { status: 'skipped', httpStatus: null, body: null });
  } catch (error) {
    // Nothing was sent either way; the record stays pending ("outcome unknown").
    c.set(
      'logDetail',
      `send record ${begun.record.id} not completed: ${error instanceof Error ? error.name : 'error'}`,
    );
  }
  return skipped(c);
}

/** The reminder as an invite/send of the `/api` app itself, with the marker that makes it a `remind` on the record. */
async function dispatch(
  c: Context<ServerEnv>,
  api: Hono<ServerEnv>,
  eventId: string,
  type: EventType | undefined,
  ids: readonly string[],
): Promise<Response> {
  // `api` is mounted at /api (app.route), so its own routes start after it: `/v2/events/:eventId/invite/send`.
  const url = new URL(c.req.url);
  url.pathname = upstreamPath(SEND_ROUTE, { eventId });
  url.search = '';
  const headers = new Headers({ 'content-type': 'application/json' });
  for (const name of PASSED_HEADERS) {
    const value = c.req.header(name);
    if (value !== undefined) headers.set(name, value);
  }
  const body = JSON.stringify({
    ...(type === undefined ? {} : { type }),
    userIds: ids.map((id) => ({ id })),
  });
  // A scheduled reminder that runs (history/schedule-runner.ts) passes on its person and its claimed record.
  const outer = internalSendOf(c);
  const internal: InternalSend = {
    action: 'remind',
    requestId: c.get('requestId'),
    ...(outer?.session && { session: outer.session }),
    ...(outer?.scheduledRun && { scheduledRun: outer.scheduledRun }),
  };
  const answer = await api.fetch(new Request(url, { method: 'POST', headers, body }), {
    ...c.env,
    internalSend: internal,
  });
  const { logDetail, errorCode, sendOutcome } = internal.answered ?? {};
  if (logDetail !== undefined) c.set('logDetail', logDetail);
  if (errorCode !== undefined) c.set('errorCode', errorCode);
  if (sendOutcome !== undefined) c.set('sendOutcome', sendOutcome);
  if (!answer.ok) return answer; // the envelope (or replay) a browser's send would have had
  return result(c, { status: 'accepted', travelerCount: ids.length });
}

function skipped(c: Context<ServerEnv>): Response {
  c.set('logDetail', 'reminder skipped: nobody still invited');
  return result(c, { status: 'skipped', travelerCount: 0 });
}

function result(c: Context<ServerEnv>, body: ReminderResult): Response {
  return c.json(body, 200, { 'cache-control': 'no-store' });
}
