/**
 * Test support: the server app with Send later wired in (its routes, the runner given the app's `/api`), on a real
 * console database, in front of the real sandbox (in process, seeded), with a clock the test moves. The runner is
 * not started: tests call `runDue()` themselves.
 */
import type { Role } from '#contract/console-auth';
import { createSandbox, SANDBOX_CREDENTIALS } from '../../../sandbox/index.ts';
import { seededDatabase } from '../../../sandbox/testing/harness.ts';
import { createPersonStandings } from '../../auth/person-standing.ts';
import type { SessionStore } from '../../auth/session-store.ts';
import { sessionCookieSettings } from '../../auth/session-cookie.ts';
import { createTestAuth, type SignedInHeaders } from '../../auth/testing/test-auth.ts';
import type { ConsoleDb } from '../../console-db/open-console-database.ts';
import { createServerApp } from '../../http/app.ts';
import type { RequestLimits } from '../../limits/limits.ts';
import { createScheduleRunner } from '../schedule-runner.ts';
import { createScheduledSends, type ScheduledSendsTesting } from '../scheduled-sends.ts';
import type { ConsoleMetrics } from '../../operations/metrics.ts';
import { createSendQueries } from '../send-queries.ts';
import { createSendRecords } from '../send-records.ts';

export interface ScheduleAppOptions {
  /** The clock of the routes, the records and the runner. */
  now: () => number;
  maxLateMs?: number;
  limits?: RequestLimits;
  /** The session store (and its person re-check) instead of the in-memory one. */
  sessions?: SessionStore & { recheckPerson?(subject: string): Promise<void> };
  /** Another instance's sandbox database is its own; two instances may share one to count what reached it. */
  sandboxDb?: ReturnType<typeof seededDatabase>;
  instance?: string;
  /** How many sends a round of the runner runs side by side. */
  workers?: number;
  /** The runner's and the app's metrics (a registry of the test's own). */
  metrics?: ConsoleMetrics;
  /** The store's test hooks (scheduled-sends.ts). */
  scheduledTesting?: ScheduledSendsTesting;
}

export interface Person {
  subject: string;
  name: string;
  email: string;
}

export function personNamed(name: string): Person {
  const subject = `sub-${name.toLowerCase().replace(/\W+/g, '-')}`;
  return { subject, name, email: `${subject}@acme.example` };
}

export function createScheduleApp(consoleDb: ConsoleDb, options: ScheduleAppOptions) {
  const { now } = options;
  const db = options.sandboxDb ?? seededDatabase();
  const sandbox = createSandbox({ db });
  /** What reached the sandbox, by operation (`invite/send`, `travelers-list`, ...); the token endpoint left out. */
  const calls: string[] = [];
  const upstream = {
    async fetch(request: Request): Promise<Response> {
      const path = new URL(request.url).pathname;
      if (!path.endsWith('/oauth2-token')) calls.push(path.split('/').slice(4).join('/') || 'event');
      return sandbox.fetch(request);
    },
  };
  const testAuth = createTestAuth();
  const sessions = options.sessions ?? testAuth.sessions;
  const history = {
    records: createSendRecords(consoleDb, { staleInFlightMs: 60_000, now }),
    queries: createSendQueries(consoleDb),
    instance: options.instance ?? 'test-instance',
  };
  const scheduled = createScheduledSends(consoleDb, now, options.scheduledTesting);
  const standings = createPersonStandings(consoleDb);
  const runner = createScheduleRunner({
    scheduled,
    history,
    standings,
    recheckPerson:
      options.sessions?.recheckPerson && ((subject) => options.sessions!.recheckPerson!(subject)),
    maxLateMs: options.maxLateMs ?? 24 * 60 * 60_000,
    pollMs: 60_000,
    now,
    workers: options.workers,
    metrics: options.metrics,
  });
  const app = createServerApp(
    {
      upstream: { kind: 'embedded-sandbox' },
      upstreamTimeoutMs: 5_000,
      bodyLimitBytes: 1024 * 1024,
      staticRoot: null,
    },
    {
      sandbox: { app: upstream, credentials: SANDBOX_CREDENTIALS },
      auth: { ...testAuth.auth, sessions },
      log: () => {},
      limits: options.limits,
      ...(options.metrics && { metrics: { registry: options.metrics } }),
      history,
      schedules: { scheduled, standings, runner, now },
    },
  );
  const cookieName = sessionCookieSettings(testAuth.auth.publicUrl).name;

  /** Headers of a signed-in person's same-origin JSON request. */
  async function as(who: string | Person, role: Role = 'sender'): Promise<SignedInHeaders> {
    const person = typeof who === 'string' ? personNamed(who) : who;
    const id = await sessions.create({ ...person, role });
    return {
      cookie: `${cookieName}=${id}`,
      origin: testAuth.auth.publicUrl,
      'content-type': 'application/json',
    };
  }

  const post = (path: string, headers: Record<string, string>, body?: unknown) =>
    app.request(path, {
      method: 'POST',
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const get = (path: string, headers: Record<string, string>) => app.request(path, { headers });

  /** The sandbox's travelers of the event in a state. */
  const inState = (eventId: string, state: string) =>
    (
      db
        .prepare('SELECT user_id FROM event_travelers WHERE event_id = ? AND rsvp_state = ? ORDER BY user_id')
        .all(eventId, state) as { user_id: string }[]
    ).map((row) => row.user_id);
  const setState = (eventId: string, userIds: readonly string[], state: string) => {
    const update = db.prepare('UPDATE event_travelers SET rsvp_state = ? WHERE event_id = ? AND user_id = ?');
    for (const id of userIds) update.run(state, eventId, id);
  };
  /** Who was sent an invite e-mail for the event, one entry per e-mail. */
  const outbox = (eventId: string) =>
    (
      db
        .prepare(`SELECT user_id FROM outbox WHERE event_id = ? AND kind = 'INVITE' ORDER BY user_id`)
        .all(eventId) as { user_id: string }[]
    ).map((row) => row.user_id);
  const rows = () => consoleDb.db.selectFrom('send_records').selectAll().orderBy('created_at').execute();
  const row = (id: string) =>
    consoleDb.db.selectFrom('send_records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const sends = () => calls.filter((call) => call === 'invite/send').length;

  return {
    app,
    calls,
    sends,
    runner,
    scheduled,
    standings,
    history,
    sandboxDb: db,
    sessions,
    as,
    post,
    get,
    inState,
    setState,
    outbox,
    rows,
    row,
  };
}
