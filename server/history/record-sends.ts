/**
 * `/api` invite/send and invite/test, after the role guard and before the forwarder: a send body that is not
 * well-formed (contract's WellFormedSendInviteRequest) gets 400 naming the field, with nothing recorded or sent; the
 * send is on the record before it leaves (or it does not leave: 503), a reused Idempotency-Key gets the first
 * attempt's answer without reaching Spotnana, an identical send in flight gets 409, and the upstream's answer
 * completes the record.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { WellFormedSendInviteRequest } from '#contract';
import type { SendAction } from '#contract/send-history';
import { consoleError, errorResponse } from '../http/errors.ts';
import { internalSendOf, type ServerEnv } from '../http/server-env.ts';
import { checkJsonBody } from './checked-body.ts';
import type { EventFactsCache } from './event-facts.ts';
import { replayResponse } from './replay.ts';
import { fingerprint, readSendRequest, type SendRequest } from './send-request.ts';
import type { SendQueries } from './send-queries.ts';
import type { SendOutcomeLabel } from '../operations/metrics.ts';
import type { BeginResult, LateEventFacts, SendOutcome, SendRecord, SendRecords } from './send-records.ts';

export interface SendHistory {
  records: SendRecords;
  /** The read side, served at `/api/history` (history-routes.ts). */
  queries: SendQueries;
  /** This console instance, as records name it (host:pid). */
  instance: string;
}

/** Visible ASCII, as the IETF draft's keys are; long enough for any UUID or ULID. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function recordSends(
  action: SendAction,
  history: SendHistory,
  eventFacts?: EventFactsCache,
): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (session === undefined) return next(); // requireSession runs first; nothing to record without a person
    const header = c.req.header('idempotency-key');
    if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) return invalidKey(c);
    const bytes = await c.req.arrayBuffer(); // cached: the forwarder sends these same bytes
    const text = new TextDecoder().decode(bytes);
    if (action === 'send') {
      const checked = checkJsonBody(text, WellFormedSendInviteRequest);
      if (!checked.ok) return errorResponse(400, checked.errors, { debugIdentifier: c.get('requestId') });
    }
    // A reminder's invite/send (history/reminder-route.ts) is on the record as one; the marker comes only from the
    // server (Bindings), never from anything the browser sends.
    const internal = internalSendOf(c);
    const recorded = action === 'send' ? (internal?.action ?? action) : action;
    const request = readSendRequest(c.req.param('eventId') ?? '', recorded, text);

    const begun = await beginOnRecord(c, history, request, eventFacts);
    if (begun instanceof Response) return begun;
    const { record } = begun;
    const complete = (outcome: SendOutcome) =>
      completeQuietly(c, history, record.id, outcome, lateFacts(record, eventFacts));
    try {
      await next();
    } catch (error) {
      await complete({ status: 'failed', httpStatus: null, failure: 'internal', body: null });
      throw error;
    }
    const outcome = await outcomeOf(c);
    await complete(outcome);
    const travelers = request.userIds?.length ?? eventFacts?.known(request.eventId)?.travelerCount ?? 0;
    c.set('sendOutcome', { action: recorded, outcome: outcomeLabel(outcome), travelers });
  };
}

/**
 * Puts a send on the record before it leaves, or gives the answer instead: the history is down (503), the key was
 * used for another send (422) or for this one (its first answer, `replay`), or an identical send is in flight (409).
 */
export async function beginOnRecord(
  c: Context<ServerEnv>,
  history: SendHistory,
  request: SendRequest,
  eventFacts: EventFactsCache | undefined,
  replay: (first: SendRecord) => Response = (first) => replayResponse(first, c.get('requestId')),
): Promise<{ record: SendRecord } | Response> {
  const session = c.get('session');
  if (session === undefined) throw new Error('a send is recorded after requireSession');
  // Never waits (a miss reads the event in the background, for the completion): the send's path gains no
  // upstream call. Without the facts the record says null.
  const facts = eventFacts?.current(request.eventId);
  // A scheduled send that runs (history/schedule-runner.ts) completes the record the runner claimed for it: the
  // marker comes only from the server (Bindings).
  const scheduledRun = internalSendOf(c)?.scheduledRun;
  let begun: BeginResult;
  try {
    const send = {
      request,
      person: session,
      instance: history.instance,
      idempotencyKey: c.req.header('idempotency-key') ?? randomUUID(),
      eventName: facts?.name ?? null,
      eventTravelerCount: facts?.travelerCount ?? null,
    };
    if (scheduledRun === undefined) begun = await history.records.begin(send);
    else {
      begun = await history.records.adopt(scheduledRun.recordId, send, scheduledRun.lateMinutes ?? null);
      if (begun.kind === 'started') scheduledRun.adopted = true;
    }
  } catch (error) {
    c.set('logDetail', `send history unavailable: ${error instanceof Error ? error.name : 'error'}`);
    return historyUnavailable(c);
  }
  if (begun.kind === 'duplicate-key') {
    const same =
      begun.record.requestFingerprint === fingerprint(request) &&
      begun.record.person.subject === session.subject;
    return same ? replay(begun.record) : keyReused(c);
  }
  if (begun.kind === 'in-flight') return inFlight(c, begun.record.person.name, begun.record.createdAt);
  return { record: begun.record };
}

/** Failures in which the send provably never reached Spotnana's send operation. */
const NOT_SENT = new Set(['unreachable', 'credentials-rejected', 'token-rate-limited', 'token-failed']);

/** The metrics' word for an outcome: a failure is `unknown` unless nothing can have been sent. */
function outcomeLabel(outcome: SendOutcome): SendOutcomeLabel {
  switch (outcome.status) {
    case 'accepted':
    case 'refused':
      return outcome.status;
    case 'skipped':
      return 'not_sent';
    case 'failed':
      return NOT_SENT.has(outcome.failure) ? 'not_sent' : 'unknown';
  }
}

/**
 * The facts a record began without, if this instance has them now (its background read answered while the send
 * was out, or the page loaded the event): never waited for. Only the nulls are filled (send-records.ts).
 */
function lateFacts(record: SendRecord, eventFacts: EventFactsCache | undefined): LateEventFacts {
  const countMissing = record.action === 'send' && record.scope === 'all' && record.travelerCount === null;
  if (eventFacts === undefined || (record.eventName !== null && !countMissing)) return {};
  const facts = eventFacts.known(record.eventId);
  if (facts === undefined) return {};
  return {
    eventName: record.eventName === null ? facts.name : undefined,
    eventTravelerCount: countMissing ? facts.travelerCount : undefined,
  };
}

async function outcomeOf(c: Context<ServerEnv>): Promise<SendOutcome> {
  const status = c.res.status;
  const text = await c.res.clone().text();
  let body: unknown = text === '' ? null : text;
  try {
    if (text !== '') body = JSON.parse(text);
  } catch {
    // Not JSON: kept as the text it was.
  }
  const failure = c.get('upstreamFailure');
  if (failure !== undefined || status >= 500) {
    return { status: 'failed', httpStatus: status, failure: failure ?? `http-${status}`, body };
  }
  return { status: status >= 200 && status < 300 ? 'accepted' : 'refused', httpStatus: status, body };
}

/** The send has happened: a record that cannot be completed stays pending ("outcome unknown"), the answer goes. */
async function completeQuietly(
  c: Context<ServerEnv>,
  history: SendHistory,
  id: string,
  outcome: SendOutcome,
  late: LateEventFacts,
) {
  try {
    await history.records.complete(id, outcome, late);
  } catch (error) {
    c.set('logDetail', `send record ${id} not completed: ${error instanceof Error ? error.name : 'error'}`);
  }
}

function historyUnavailable(c: Context<ServerEnv>): Response {
  return consoleError(c, 503, {
    errorCode: 'SEND_HISTORY_UNAVAILABLE',
    message: 'The console could not record this send, so it did not send it. Nothing was sent; try again.',
  });
}

function inFlight(c: Context<ServerEnv>, startedBy: string, startedAtMs: number): Response {
  const startedAt = new Date(startedAtMs).toISOString();
  return consoleError(c, 409, {
    errorCode: 'IDENTICAL_SEND_IN_FLIGHT',
    message: `${startedBy} started this same send at ${startedAt} and it has not finished. Nothing more was sent.`,
    errorParameters: [
      { name: 'startedBy', value: startedBy },
      { name: 'startedAt', value: startedAt },
    ],
  });
}

export function invalidKey(c: Context<ServerEnv>): Response {
  return consoleError(c, 400, {
    errorCode: 'INVALID_IDEMPOTENCY_KEY',
    message: 'The Idempotency-Key header must be 1 to 200 visible ASCII characters. Nothing was sent.',
  });
}

function keyReused(c: Context<ServerEnv>): Response {
  return consoleError(c, 422, {
    errorCode: 'IDEMPOTENCY_KEY_REUSED',
    message: 'This Idempotency-Key was already used for a different send. Nothing was sent.',
  });
}
