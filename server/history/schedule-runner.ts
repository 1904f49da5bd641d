/**
 * Runs the scheduled sends that are due (Send later), on every instance: at start, then every
 * SCHEDULE_POLL_SECONDS; `runDue()` is one round, which tests call directly with their own clock.
 *
 * One round runs a few workers (WORKERS) side by side; each claims one due send at a time, right before running it
 * (scheduled-sends.ts: exactly one instance claims each; it is `pending` from then on, "outcome unknown" should this
 * instance die, and never run again), and claims the next once it has ended, until nothing is due (at most
 * MAX_RUNS_PER_ROUND a round). So a crash leaves at most WORKERS sends "outcome unknown" that had not gone out. Each:
 *
 * 1. Too late: due more than SCHEDULE_MAX_LATE_HOURS ago (every instance was down) → `skipped`, SCHEDULE_MISSED.
 *    Otherwise a send that goes out a minute or more after its time has that on the record (`late_minutes`, written
 *    when the send history takes the record: a run refused before that never says it was late).
 * 2. As whom: its scheduler. If they have a live session, the provider is asked about it now (role-recheck.ts: a
 *    refusal or a lost group ends it); then their standing (person-standing.ts) decides: an admin ended their
 *    sessions (Sessions page) since their last sign-in → `skipped`, SCHEDULER_SESSIONS_ENDED; none or no role →
 *    `skipped`, SCHEDULER_ACCOUNT_GONE; a role below sender → `skipped`, SCHEDULER_NOT_ALLOWED. With no session of
 *    theirs open and no admin action, the standing is what the provider said at their last sign-in (a refused one
 *    included) or re-check.
 * 3. Sent through the very `/api` app a browser's send takes (role, route table, send limit, body check, in-flight
 *    check, the send record, the forwarder), as a request the server makes itself: marked in Bindings, which no
 *    request can set, with the scheduler as its session and the claimed record to complete (record-sends.ts
 *    `adopt`). A reminder goes to `/reminders/events/:eventId`, which reads who is still invited now. If `/api`
 *    refuses it before the record is taken (403, 400, 429, 409...), the record is completed here as `refused` with
 *    that answer.
 *
 * One log line per run (no token, no email, no name), with what the inner request would have logged (its
 * `logDetail`, `errorCode`); `console_scheduled_runs_total` by outcome, and the send's outcome in the same metrics a
 * browser's send counts in (console_sends_total, console_travelers_invited_total, console_refusals_total). One debug
 * line per round, `scheduled sends: round`, with how many ran.
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { ErrorResponse } from '#contract';
import type { PersonStandings } from '../auth/person-standing.ts';
import { roleAllows } from '../auth/roles.ts';
import { upstreamPath } from '../forwarder/allowed-routes.ts';
import type { InternalSend, ScheduledRun, ServerEnv } from '../http/server-env.ts';
import { countAnswered } from '../operations/http-metrics.ts';
import type { ConsoleMetrics } from '../operations/metrics.ts';
import { errorName, logger } from '../operations/logger.ts';
import { routeOf } from './invited-travelers.ts';
import type { SendHistory } from './record-sends.ts';
import type { Claimed, ScheduledSends } from './scheduled-sends.ts';
import type { SendRecord } from './send-records.ts';

export interface ScheduleRunnerOptions {
  scheduled: ScheduledSends;
  history: SendHistory;
  standings: PersonStandings;
  /** Asks the provider now about the person's newest live session (role-recheck.ts), when there is a provider. */
  recheckPerson?: (subject: string) => Promise<void>;
  /** SCHEDULE_MAX_LATE_HOURS in ms: a send started later than this after its time is not sent. */
  maxLateMs: number;
  /** SCHEDULE_POLL_SECONDS in ms. */
  pollMs: number;
  now?: () => number;
  /** How many sends run side by side in a round (each claimed right before it runs); WORKERS by default. */
  workers?: number;
  /** The most sends one round runs (the rest wait for the next round, a poll later); MAX_RUNS_PER_ROUND by default. */
  maxPerRound?: number;
  metrics?: ConsoleMetrics;
}

export interface ScheduleRunner {
  /** The `/api` app the sends are dispatched to (app.ts gives it once built). */
  attach(api: Hono<ServerEnv>): void;
  /** One round: runs what is due now, claiming each right before it runs; resolves once every one has ended. */
  runDue(): Promise<RunReport[]>;
  /** A round now, then one every `pollMs`. */
  start(): void;
  /** No more rounds; resolves once the round under way (if any) has ended. */
  stop(): Promise<void>;
}

export interface RunReport {
  id: string;
  /** The record's status once run (`pending` if its completion could not be written). */
  status: string;
  lateMinutes: number | null;
  errorCode?: string;
}

/** Sends run side by side in a round: also the most a crash can leave "outcome unknown" without having sent. */
const WORKERS = 4;
const MAX_RUNS_PER_ROUND = 100;
const HOUR_MS = 60 * 60_000;
/** The host name of the requests the runner makes to `/api` (never resolved: the app answers them in process). */
const INTERNAL_ORIGIN = 'http://console.internal';

export function createScheduleRunner(options: ScheduleRunnerOptions): ScheduleRunner {
  const { scheduled, history, standings, maxLateMs, pollMs } = options;
  const now = options.now ?? Date.now;
  const workers = options.workers ?? WORKERS;
  const maxPerRound = options.maxPerRound ?? MAX_RUNS_PER_ROUND;
  let api: Hono<ServerEnv> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const rounds = new Set<Promise<unknown>>();

  async function runDue(): Promise<RunReport[]> {
    if (stopped || api === undefined) return [];
    const reports: RunReport[] = [];
    let started = 0;
    /** Claims one due send, runs it, and again, until nothing is due, the round's bound, or a stop. */
    const worker = async () => {
      while (!stopped && started < maxPerRound) {
        started += 1;
        const [claim] = await scheduled.claimDue(now(), 1, history.instance);
        if (claim === undefined) return;
        reports.push(await runOne(claim));
      }
    };
    const results = await Promise.allSettled(Array.from({ length: workers }, worker));
    logger.debug({ ran: reports.length }, 'scheduled sends: round');
    const failed = results.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    return reports;
  }

  async function runOne({ record, startedAt }: Claimed): Promise<RunReport> {
    const requestId = randomUUID();
    const dueAt = record.dueAt ?? startedAt;
    const late = startedAt - dueAt;
    const lateMinutes = late >= 60_000 ? Math.floor(late / 60_000) : null;
    /** What the inner request told its log line and metrics, once `/api` answered it. */
    const inner: { answered?: InternalSend['answered'] } = {};
    let report: RunReport;
    try {
      if (late > maxLateMs) {
        report = await notRun(record, requestId, lateMinutes, {
          errorCode: 'SCHEDULE_MISSED',
          message: `Not sent: it was due at ${iso(dueAt)}, and no console instance was running until ${iso(startedAt)}, more than ${maxLateMs / HOUR_MS} hours later (SCHEDULE_MAX_LATE_HOURS).`,
          errorParameters: [
            { name: 'dueAt', value: iso(dueAt) },
            { name: 'startedAt', value: iso(startedAt) },
          ],
        });
      } else {
        report = await runAsScheduler(record, requestId, lateMinutes, inner);
      }
    } catch (error) {
      // The record stays `pending` ("outcome unknown"): whatever happened, it is never run again.
      logger.error(
        { record: record.id, subject: record.person.subject, requestId, detail: errorName(error) },
        'scheduled send: run failed',
      );
      report = { id: record.id, status: 'pending', lateMinutes };
    }
    // `not_run`: the runner's own decision (too late, or its scheduler may no longer send).
    const notRunHere = report.status === 'skipped' && report.errorCode !== undefined;
    options.metrics?.scheduledRuns.inc({ outcome: notRunHere ? 'not_run' : report.status });
    const { answered } = inner;
    // As a browser's send would count: how it ended (console_sends_total, ...), or the guard that refused it.
    if (options.metrics !== undefined && answered !== undefined) {
      countAnswered(options.metrics, answered);
    }
    const errorCode = report.errorCode ?? answered?.errorCode;
    const logDetail = answered?.logDetail;
    logger.info(
      {
        record: record.id,
        subject: record.person.subject,
        action: record.action,
        requestId,
        status: report.status,
        ...(errorCode === undefined ? {} : { errorCode }),
        ...(logDetail === undefined ? {} : { detail: logDetail }),
        ...(lateMinutes === null ? {} : { lateMinutes }),
      },
      'scheduled send: ran',
    );
    return report;
  }

  async function runAsScheduler(
    record: SendRecord,
    requestId: string,
    lateMinutes: number | null,
    inner: { answered?: InternalSend['answered'] },
  ) {
    const { subject, name } = record.person;
    try {
      await options.recheckPerson?.(subject);
    } catch (error) {
      // The provider's word is then the one from their last sign-in or re-check.
      logger.warn({ subject, detail: errorName(error) }, 'scheduled send: role re-check failed');
    }
    const standing = await standings.get(subject);
    if (standing?.role === undefined && standing?.reason === 'sessions-ended') {
      const endedAt = iso(standing.checkedAt);
      return notRun(record, requestId, lateMinutes, {
        errorCode: 'SCHEDULER_SESSIONS_ENDED',
        message: `Not sent: an admin ended ${name}'s sessions on ${endedAt}, so nothing is sent as them until they sign in again.`,
        errorParameters: [
          { name: 'scheduledBy', value: name },
          { name: 'sessionsEndedAt', value: endedAt },
        ],
      });
    }
    if (standing?.role === undefined) {
      return notRun(record, requestId, lateMinutes, {
        errorCode: 'SCHEDULER_ACCOUNT_GONE',
        message: `Not sent: ${name}'s account is no longer valid at the identity provider, so nothing is sent as them.`,
        errorParameters: [{ name: 'scheduledBy', value: name }],
      });
    }
    if (!roleAllows(standing.role, 'sender')) {
      return notRun(record, requestId, lateMinutes, {
        errorCode: 'SCHEDULER_NOT_ALLOWED',
        message: `Not sent: ${name} no longer has the sender role (now ${standing.role}).`,
        errorParameters: [
          { name: 'scheduledBy', value: name },
          { name: 'role', value: standing.role },
        ],
      });
    }
    // How late it went is written when the send history takes the record (record-sends.ts): only if it goes out.
    const run: ScheduledRun = { recordId: record.id, adopted: false, lateMinutes };
    const internal: InternalSend = {
      requestId,
      scheduledRun: run,
      session: {
        subject,
        name: standing.name,
        email: standing.email,
        role: standing.role,
        expiresAt: now() + 60_000,
        roleCheckedAt: standing.checkedAt,
      },
    };
    let answer: Response;
    try {
      answer = await api!.fetch(requestFor(record), { internalSend: internal });
    } catch (error) {
      // Thrown inside `/api`: once the record was taken, the send history completed it (failed, internal).
      if (run.adopted) throw error;
      answer = Response.json(
        envelope(requestId, {
          errorCode: 'INTERNAL_ERROR',
          message: 'Not sent: the console server failed before sending it. The request id leads to the log.',
        }),
        { status: 500 },
      );
    } finally {
      inner.answered = internal.answered;
    }
    if (!run.adopted) {
      // Refused before the record was taken (role, route, limit, body, an identical send under way, ...):
      // nothing was sent, and the answer says why.
      const text = await answer.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text
      }
      await history.records.complete(record.id, { status: 'refused', httpStatus: answer.status, body });
      const code = (body as ErrorResponse | null)?.errorMessages?.[0]?.errorCode;
      return {
        id: record.id,
        status: 'refused',
        lateMinutes,
        ...(code === undefined ? {} : { errorCode: code }),
      };
    }
    await answer.arrayBuffer();
    const after = await history.records.get(record.id);
    return { id: record.id, status: after?.status ?? 'pending', lateMinutes };
  }

  async function notRun(
    record: SendRecord,
    requestId: string,
    lateMinutes: number | null,
    entry: ErrorEntryLike,
  ): Promise<RunReport> {
    await scheduled.notRun(record.id, envelope(requestId, entry));
    return { id: record.id, status: 'skipped', lateMinutes, errorCode: entry.errorCode };
  }

  function track<T>(round: Promise<T>): Promise<T> {
    rounds.add(round);
    void round.finally(() => rounds.delete(round)).catch(() => {});
    return round;
  }

  const poll = () => {
    track(runDue()).catch((error: unknown) =>
      logger.warn({ detail: errorName(error) }, 'scheduled sends: round failed'),
    );
  };

  return {
    attach(app) {
      api = app;
    },
    runDue: () => track(runDue()),
    start() {
      if (timer !== undefined || stopped) return;
      poll();
      timer = setInterval(poll, pollMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await Promise.allSettled([...rounds]);
    },
  };
}

interface ErrorEntryLike {
  errorCode: string;
  message: string;
  errorParameters?: { name: string; value: string }[];
}

/** The console's own error envelope, as a refusal it made would carry it. */
function envelope(debugIdentifier: string, entry: ErrorEntryLike) {
  return {
    debugIdentifier,
    errorMessages: [
      { errorCode: entry.errorCode, message: entry.message, errorParameters: entry.errorParameters ?? [] },
    ],
  };
}

/** The request a browser would have made for it, to the `/api` app (mounted at /api, so its own paths follow it). */
function requestFor(record: SendRecord): Request {
  const type = record.eventType === null ? {} : { type: record.eventType };
  const headers = {
    'content-type': 'application/json',
    // A derived key: the record's id makes it unique, and a second try of the same run would replay the first.
    'idempotency-key': `scheduled-${record.id}`,
  };
  if (record.action === 'remind') {
    const url = `${INTERNAL_ORIGIN}/reminders/events/${encodeURIComponent(record.eventId)}`;
    return new Request(url, { method: 'POST', headers, body: JSON.stringify(type) });
  }
  const path = upstreamPath(routeOf('sendInvite'), { eventId: record.eventId });
  const body = record.scope === 'all' ? type : { ...type, userIds: record.travelerIds.map((id) => ({ id })) };
  return new Request(`${INTERNAL_ORIGIN}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
