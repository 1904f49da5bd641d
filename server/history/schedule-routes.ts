/**
 * Send later, its writes on `/api` (contract/send-history.ts), behind `/api`'s cross-site write guard and session
 * check (app.ts), each answer `cache-control: no-store`, each error in Spotnana's envelope naming its field:
 *
 * - `POST /api/schedules/events/:eventId` `{ action, sendAt, type?, userIds? }` → 201 the scheduled send (a
 *   SendSummary, status `scheduled`). A sender's or admin's; the event id checked as for a send; `sendAt` after now
 *   (400 SEND_AT_IN_PAST) and at most SCHEDULE_MAX_AHEAD_DAYS ahead (400 SEND_AT_TOO_FAR); a `send` body as
 *   well-formed as a send's (WellFormedSendInviteRequest), a `remind` one without `userIds` (who to remind is read
 *   when it runs). An Idempotency-Key makes a retried request (same person, same send as a send's fingerprint
 *   compares them, same `sendAt` instant) give the first one's schedule (200); the key with another request is 422
 *   IDEMPOTENCY_KEY_REUSED, as for a send.
 * - `POST /api/schedules/:id/reschedule` `{ sendAt }` → 200 the send, moved; `POST /api/schedules/:id/cancel` →
 *   200 the send, `cancelled` (again 200 for one already cancelled: another tab's, or a retry). Only its scheduler
 *   or an admin (403 SCHEDULED_SEND_NOT_YOURS), only while it is still `scheduled` (409 SCHEDULED_SEND_STARTED with
 *   its `status`: the check and the change are one UPDATE).
 * - The console database failing answers 503 SEND_HISTORY_UNAVAILABLE: nothing was scheduled or changed.
 *
 * When it runs (schedule-runner.ts) it passes the same checks again, as a send of its scheduler.
 */
import type { Context, Hono } from 'hono';
import { WellFormedSendInviteRequest } from '#contract';
import {
  RescheduleRequest,
  SCHEDULE_MAX_AHEAD_DAYS,
  ScheduleRequest,
  type SendSummary,
} from '#contract/send-history';
import type { PersonStandings } from '../auth/person-standing.ts';
import { requireRole } from '../auth/require-role.ts';
import { SPOTNANA_ID_PARAM, type AllowedRoute } from '../forwarder/allowed-routes.ts';
import { checkRouteParams } from '../forwarder/route-params.ts';
import { consoleError, errorResponse, param } from '../http/errors.ts';
import type { ServerEnv } from '../http/server-env.ts';
import { errorName, logger } from '../operations/logger.ts';
import { checkJsonBody } from './checked-body.ts';
import type { EventFactsCache } from './event-facts.ts';
import { IDEMPOTENCY_KEY, invalidKey, type SendHistory } from './record-sends.ts';
import type { SendRecord } from './send-records.ts';
import { fingerprint, type SendRequest } from './send-request.ts';
import type { ScheduledSends } from './scheduled-sends.ts';
import { toSummary } from './send-views.ts';

export const SCHEDULE_PATH = '/schedules/events/:eventId';
const RESCHEDULE_PATH = '/schedules/:id/reschedule';
const CANCEL_PATH = '/schedules/:id/cancel';

/** The scheduling route's own row, as the guards read one (it is not forwarded). */
const SCHEDULE_ROUTE: AllowedRoute = {
  method: 'POST',
  path: SCHEDULE_PATH,
  operationId: 'scheduleSend',
  role: 'sender',
  action: 'schedule sends',
  params: { eventId: SPOTNANA_ID_PARAM },
};

/** A send record's id (a UUID); anything else is no scheduled send. */
const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;
const DAY_MS = 24 * 60 * 60_000;

export interface ScheduleRouteDeps {
  api: Hono<ServerEnv>;
  history: SendHistory;
  scheduled: ScheduledSends;
  standings: PersonStandings;
  eventFacts?: EventFactsCache;
  now: () => number;
}

export function mountSchedules(deps: ScheduleRouteDeps): void {
  const { api } = deps;
  api.post(
    SCHEDULE_PATH,
    requireRole(SCHEDULE_ROUTE.role, SCHEDULE_ROUTE.action),
    checkRouteParams(SCHEDULE_ROUTE),
    (c) => schedule(c, deps),
  );
  const change = requireRole('sender', 'change scheduled sends');
  api.post(RESCHEDULE_PATH, change, (c) => reschedule(c, deps));
  api.post(CANCEL_PATH, change, (c) => cancel(c, deps));
}

async function schedule(c: Context<ServerEnv>, deps: ScheduleRouteDeps): Promise<Response> {
  const session = c.get('session');
  if (session === undefined) throw new Error('a schedule is made after requireSession');
  const header = c.req.header('idempotency-key');
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) return invalidKey(c);
  const text = await c.req.text();
  const checked = checkJsonBody(text, ScheduleRequest);
  if (!checked.ok) return badRequest(c, checked.errors);
  const { action, sendAt, type, userIds } = checked.value;
  const dueAt = checkSendAt(c, sendAt, deps.now());
  if (dueAt instanceof Response) return dueAt;
  if (action === 'send') {
    // The same check as a send's body, so a schedule that would be refused at once is refused now.
    const sendBody = checkJsonBody(
      JSON.stringify({ ...(type && { type }), ...(userIds && { userIds }) }),
      WellFormedSendInviteRequest,
    );
    if (!sendBody.ok) return badRequest(c, sendBody.errors);
  } else if (userIds !== undefined) {
    return badRequest(c, [
      {
        errorCode: 'INVALID_PARAMETER',
        message:
          'A scheduled reminder names no travelers: it goes to those still invited (no answer yet) when it runs.',
        errorParameters: [param('userIds')],
      },
    ]);
  }
  const eventId = c.req.param('eventId') ?? '';
  const request: SendRequest = {
    eventId,
    action,
    eventType: type ?? null,
    userIds: action === 'remind' ? [] : userIds?.map((entry) => entry.id),
  };
  const facts = deps.eventFacts?.current(eventId);
  let result;
  try {
    // What the provider said of them when their session's role was last read: a send of theirs runs on it, unless
    // a newer word comes (their sign-in, a re-check, an admin ending their sessions).
    await deps.standings.vouched(session, session.role, session.roleCheckedAt);
    result = await deps.scheduled.schedule({
      request,
      person: session,
      instance: deps.history.instance,
      dueAt,
      idempotencyKey: header ?? null,
      eventName: facts?.name ?? null,
      eventTravelerCount: facts?.travelerCount ?? null,
    });
  } catch (error) {
    c.set('logDetail', `send history unavailable: ${errorName(error)}`);
    return consoleError(c, 503, {
      errorCode: 'SEND_HISTORY_UNAVAILABLE',
      message: 'The console could not record this scheduled send. Nothing was scheduled; try again.',
    });
  }
  if (result.kind === 'duplicate-key') {
    if (!sameSchedule(result.record, session.subject, request, dueAt)) {
      return consoleError(c, 422, {
        errorCode: 'IDEMPOTENCY_KEY_REUSED',
        message: 'This Idempotency-Key was already used for a different request. Nothing was scheduled.',
      });
    }
    return answer(c, deps, result.record, 200);
  }
  logger.info(
    { subject: session.subject, record: result.record.id, action, dueAt: new Date(dueAt).toISOString() },
    'scheduled send: planned',
  );
  return answer(c, deps, result.record, 201);
}

async function reschedule(c: Context<ServerEnv>, deps: ScheduleRouteDeps): Promise<Response> {
  const found = await ownScheduled(c, deps);
  if (found instanceof Response) return found;
  const checked = checkJsonBody(await c.req.text(), RescheduleRequest);
  if (!checked.ok) return badRequest(c, checked.errors);
  const dueAt = checkSendAt(c, checked.value.sendAt, deps.now());
  if (dueAt instanceof Response) return dueAt;
  let result;
  try {
    result = await deps.scheduled.reschedule(found.id, dueAt);
  } catch (error) {
    return unavailable(c, error);
  }
  return changed(c, deps, result);
}

async function cancel(c: Context<ServerEnv>, deps: ScheduleRouteDeps): Promise<Response> {
  const found = await ownScheduled(c, deps);
  if (found instanceof Response) return found;
  const session = c.get('session')!;
  let result;
  try {
    result = await deps.scheduled.cancel(found.id, session);
  } catch (error) {
    return unavailable(c, error);
  }
  // Already cancelled (another tab, a retry after a lost answer): done, as asked.
  if (result.kind === 'started' && result.record.status === 'cancelled') {
    c.set('logDetail', 'scheduled send already cancelled');
    return answer(c, deps, result.record, 200);
  }
  return changed(c, deps, result);
}

/**
 * The retry of the request that used this key first: the same person, the same send (a send's fingerprint: event,
 * action, type, travelers; a reminder's travelers are read when it runs, so not theirs) and the same instant.
 */
function sameSchedule(first: SendRecord, subject: string, request: SendRequest, dueAt: number): boolean {
  if (first.dueAt === null || first.person.subject !== subject || first.dueAt !== dueAt) return false;
  if (first.action !== request.action) return false;
  if (request.action === 'remind') {
    return first.eventId === request.eventId && first.eventType === request.eventType;
  }
  return first.requestFingerprint === fingerprint(request);
}

function unavailable(c: Context<ServerEnv>, error: unknown): Response {
  c.set('logDetail', `send history unavailable: ${errorName(error)}`);
  return consoleError(c, 503, {
    errorCode: 'SEND_HISTORY_UNAVAILABLE',
    message: 'The console could not reach its database. Nothing was changed; try again.',
  });
}

/** The scheduled send the path names, if the person may change it: its scheduler, or an admin. */
async function ownScheduled(c: Context<ServerEnv>, deps: ScheduleRouteDeps): Promise<SendRecord | Response> {
  const id = c.req.param('id') ?? '';
  let record: SendRecord | undefined;
  try {
    record = RECORD_ID.test(id) ? await deps.scheduled.get(id) : undefined;
  } catch (error) {
    return unavailable(c, error);
  }
  if (record === undefined || record.dueAt === null) return notFound(c, id);
  const session = c.get('session')!;
  if (record.person.subject !== session.subject && session.role !== 'admin') {
    c.set('logDetail', 'scheduled send of another person');
    return consoleError(c, 403, {
      errorCode: 'SCHEDULED_SEND_NOT_YOURS',
      message: `Only ${record.person.name}, who scheduled this send, or an administrator can change it. Nothing was changed.`,
      errorParameters: [param('id', id)],
    });
  }
  return record;
}

async function changed(
  c: Context<ServerEnv>,
  deps: ScheduleRouteDeps,
  result: Awaited<ReturnType<ScheduledSends['cancel']>>,
): Promise<Response> {
  if (result.kind === 'not-found') return notFound(c, c.req.param('id') ?? '');
  if (result.kind === 'started') return started(c, result.record);
  return answer(c, deps, result.record, 200);
}

/** `sendAt` as epoch ms, after now and within SCHEDULE_MAX_AHEAD_DAYS; or the 400 naming it. */
function checkSendAt(c: Context<ServerEnv>, sendAt: string, now: number): number | Response {
  const dueAt = Date.parse(sendAt);
  if (Number.isNaN(dueAt)) {
    return badRequest(c, [
      {
        errorCode: 'INVALID_PARAMETER',
        message: 'sendAt must be an ISO 8601 instant with its offset, e.g. 2026-05-01T09:00:00+02:00.',
        errorParameters: [param('sendAt', sendAt)],
      },
    ]);
  }
  if (dueAt <= now) {
    return badRequest(c, [
      {
        errorCode: 'SEND_AT_IN_PAST',
        message: 'The send time has passed. Pick a time from now on.',
        errorParameters: [param('sendAt', sendAt)],
      },
    ]);
  }
  if (dueAt > now + SCHEDULE_MAX_AHEAD_DAYS * DAY_MS) {
    return badRequest(c, [
      {
        errorCode: 'SEND_AT_TOO_FAR',
        message: `A send can be planned at most ${SCHEDULE_MAX_AHEAD_DAYS} days ahead. Pick an earlier time.`,
        errorParameters: [param('sendAt', sendAt)],
      },
    ]);
  }
  return dueAt;
}

async function answer(
  c: Context<ServerEnv>,
  deps: ScheduleRouteDeps,
  record: SendRecord,
  status: 200 | 201,
): Promise<Response> {
  const row = await deps.history.queries.get(record.id);
  if (row === undefined) return notFound(c, record.id);
  // Only a sender or an admin gets here: they may see the recipients.
  const summary: SendSummary = toSummary(row, false);
  return c.json(summary, status, { 'cache-control': 'no-store' });
}

function started(c: Context<ServerEnv>, record: SendRecord): Response {
  const what =
    record.status === 'cancelled'
      ? 'It was cancelled'
      : record.status === 'pending'
        ? 'It has started'
        : 'It has already run';
  c.set('logDetail', `scheduled send no longer scheduled: ${record.status}`);
  return consoleError(c, 409, {
    errorCode: 'SCHEDULED_SEND_STARTED',
    message: `${what}, so it can no longer be changed or cancelled. Nothing was changed; its History entry says how it went.`,
    errorParameters: [param('id', record.id), param('status', record.status)],
  });
}

function notFound(c: Context<ServerEnv>, id: string): Response {
  return consoleError(c, 404, {
    errorCode: 'SCHEDULED_SEND_NOT_FOUND',
    message: 'No scheduled send has this id.',
    errorParameters: [param('id', id)],
  });
}

function badRequest(c: Context<ServerEnv>, errors: Parameters<typeof errorResponse>[1]): Response {
  return errorResponse(400, errors, { debugIdentifier: c.get('requestId') });
}
