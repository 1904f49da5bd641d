// @vitest-environment node
/**
 * `POST /api/reminders/events/:eventId` on the server app with the send history, in front of the real sandbox (in
 * process): who is reminded is read when it runs, the reminder goes through the same guards and record as a send,
 * and whatever refuses it or fails leaves nothing sent and, before the send, nothing recorded.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '#contract/console-auth';
import { ReminderResult } from '#contract/send-history';
import { createSandbox, SANDBOX_CREDENTIALS, SEED_EVENT_IDS } from '../../sandbox/index.ts';
import { seededDatabase } from '../../sandbox/testing/harness.ts';
import { createTestAuth } from '../auth/testing/test-auth.ts';
import { testDialects, useTestDatabase } from '../console-db/testing/test-databases.ts';
import type { ConsoleDb } from '../console-db/open-console-database.ts';
import { createServerApp } from '../http/app.ts';
import type { RequestLogEntry } from '../http/request-log.ts';
import { memoryLimiters } from '../limits/limiter-factory.ts';
import { createLimits, type RequestLimits } from '../limits/limits.ts';
import { createMetrics, type ConsoleMetrics } from '../operations/metrics.ts';
import { createSendQueries } from './send-queries.ts';
import { createSendRecords } from './send-records.ts';

const METRICS_TOKEN = 'reminder-metrics-token-0123456789';

interface Envelope {
  debugIdentifier: string;
  errorMessages: {
    errorCode: string;
    message: string;
    errorParameters: { name: string; value?: string }[];
  }[];
}

/**
 * What the sandbox was asked, by operation: `travelers-list`, `invite/send`, `event` (reading the event itself); the
 * token endpoint left out.
 */
type Operation = string;

function setup(consoleDb: ConsoleDb, options: { limits?: RequestLimits; metrics?: ConsoleMetrics } = {}) {
  const db = seededDatabase();
  const sandbox = createSandbox({ db });
  const calls: Operation[] = [];
  /** Answers the n-th travelers-list call (from 1) instead of the sandbox, when set. */
  let travelersFailure: { nth: number; answer: () => Response } | undefined;
  const upstream = {
    async fetch(request: Request): Promise<Response> {
      const path = new URL(request.url).pathname;
      if (!path.endsWith('/oauth2-token')) {
        const operation = path.split('/').slice(4).join('/') || 'event';
        calls.push(operation);
        const nth = calls.filter((call) => call === 'travelers-list').length;
        if (operation === 'travelers-list' && travelersFailure?.nth === nth) return travelersFailure.answer();
      }
      return sandbox.fetch(request);
    },
  };
  const testAuth = createTestAuth();
  const log: RequestLogEntry[] = [];
  const app = createServerApp(
    {
      upstream: { kind: 'embedded-sandbox' },
      upstreamTimeoutMs: 5_000,
      bodyLimitBytes: 1024 * 1024,
      staticRoot: null,
    },
    {
      sandbox: { app: upstream, credentials: SANDBOX_CREDENTIALS },
      auth: testAuth.auth,
      log: (entry) => log.push(entry),
      limits: options.limits,
      metrics: options.metrics && { registry: options.metrics, token: METRICS_TOKEN },
      history: {
        records: createSendRecords(consoleDb, { staleInFlightMs: 60_000 }),
        queries: createSendQueries(consoleDb),
        instance: 'test-instance',
      },
    },
  );

  const remind = async (
    eventId: string,
    init: { role?: Role | null; body?: string; headers?: Record<string, string> } = {},
  ) => {
    const { role = 'sender', body = '{}', headers = {} } = init;
    const signedIn = role === null ? { 'content-type': 'application/json' } : await testAuth.signedIn(role);
    return app.request(`/api/reminders/events/${eventId}`, {
      method: 'POST',
      headers: { ...signedIn, ...headers },
      body,
    });
  };
  /** The sandbox's travelers of the event in a state, as its database holds them. */
  const inState = (eventId: string, state: string) =>
    (
      db
        .prepare('SELECT user_id FROM event_travelers WHERE event_id = ? AND rsvp_state = ?')
        .all(eventId, state) as { user_id: string }[]
    )
      .map((row) => row.user_id)
      .sort();
  const outbox = (eventId: string) =>
    (
      db.prepare(`SELECT user_id FROM outbox WHERE event_id = ? AND kind = 'INVITE'`).all(eventId) as {
        user_id: string;
      }[]
    )
      .map((row) => row.user_id)
      .sort();
  const rows = () => consoleDb.db.selectFrom('send_records').selectAll().orderBy('created_at').execute();
  return {
    app,
    calls,
    log,
    remind,
    inState,
    outbox,
    rows,
    failTravelersList: (nth: number, answer: () => Response) => (travelersFailure = { nth, answer }),
  };
}

const count = (calls: readonly Operation[], operation: Operation) =>
  calls.filter((call) => call === operation).length;

describe.each(testDialects)('reminders on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  it('reminds exactly the travelers still invited (paged), recorded as a remind, answered with their count', async () => {
    const h = setup(await database.open());
    const event = SEED_EVENT_IDS.largeSummit; // 900 invited: nine pages of the travelers list
    const invited = h.inState(event, 'INVITED');
    expect(invited).toHaveLength(900);
    expect(h.outbox(event)).toEqual([]);

    const response = await h.remind(event, {
      body: '{"type":"GENERIC"}',
      headers: { 'idempotency-key': 'k-1' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(ReminderResult.parse(await response.json())).toEqual({ status: 'accepted', travelerCount: 900 });

    expect(count(h.calls, 'travelers-list')).toBe(9);
    expect(count(h.calls, 'invite/send')).toBe(1);
    expect(h.outbox(event)).toEqual(invited);
    const [row, ...more] = await h.rows();
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      action: 'remind',
      status: 'accepted',
      http_status: 200,
      event_id: event,
      event_type: 'GENERIC',
      scope: 'list',
      traveler_count: 900,
      idempotency_key: 'k-1',
      person_name: 'A sender',
    });
    expect((JSON.parse(row!.traveler_ids) as string[]).sort()).toEqual(invited);
    // One log line, for the reminder, naming its one request id.
    expect(h.log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      `POST /api/reminders/events/${event} 200`,
    ]);

    // The same key again: the first answer, nothing more sent or recorded.
    const again = await h.remind(event, {
      body: '{"type":"GENERIC"}',
      headers: { 'idempotency-key': 'k-1' },
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'accepted', travelerCount: 900 });
    expect(count(h.calls, 'invite/send')).toBe(1);
    expect(await h.rows()).toHaveLength(1);
  });

  it('records a skipped reminder when nobody is still invited, and sends nothing', async () => {
    const h = setup(await database.open());
    const event = SEED_EVENT_IDS.programSession2; // 12 travelers, all ADDED
    expect(h.inState(event, 'INVITED')).toEqual([]);
    const added = h.inState(event, 'ADDED');

    const response = await h.remind(event);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'skipped', travelerCount: 0 });

    // The event's name for the record may be read in the background (event-facts.ts); nothing else is asked.
    expect(h.calls.filter((call) => call !== 'event')).toEqual(['travelers-list']);
    expect(h.outbox(event)).toEqual([]);
    expect(h.inState(event, 'ADDED')).toEqual(added);
    expect(await h.rows()).toEqual([
      expect.objectContaining({
        action: 'remind',
        status: 'skipped',
        http_status: null,
        event_id: event,
        event_type: null,
        scope: 'list',
        traveler_count: 0,
        traveler_ids: '[]',
        error_count: 0,
        completed_at: expect.any(Number),
      }),
    ]);
  });

  it('answers a refused send with its envelope, as the send form gets it, on the record as a refused remind', async () => {
    const h = setup(await database.open());
    const response = await h.remind(SEED_EVENT_IDS.cancelled); // 8 invited; the sandbox refuses invites to it
    expect(response.status).toBe(400);
    const body = (await response.json()) as Envelope;
    expect(body.errorMessages.map((entry) => entry.errorCode)).toEqual(['EVENT_CANCELLED']);
    expect(await h.rows()).toEqual([
      expect.objectContaining({ action: 'remind', status: 'refused', traveler_count: 8 }),
    ]);
  });

  it('refuses a viewer (403), no session (401), another site (403), before anything is read or recorded', async () => {
    const h = setup(await database.open());
    const event = SEED_EVENT_IDS.kickoff;
    const viewer = await h.remind(event, { role: 'viewer' });
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as Envelope).errorMessages[0]).toMatchObject({
      errorCode: 'ROLE_NOT_ALLOWED',
      message: expect.stringContaining('cannot send reminders'),
    });
    const nobody = await h.remind(event, { role: null, headers: { origin: 'http://localhost' } });
    expect(nobody.status).toBe(401);
    expect(((await nobody.json()) as Envelope).errorMessages[0]?.errorCode).toBe('SIGN_IN_REQUIRED');
    const crossSite = await h.remind(event, { headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as Envelope).errorMessages[0]?.errorCode).toBe(
      'CROSS_SITE_REQUEST_REFUSED',
    );
    expect(h.calls).toEqual([]);
    expect(await h.rows()).toEqual([]);
    expect(h.outbox(event)).toEqual([]);
  });

  it.each([
    ['a type outside the enum', '{"type":"MEETING"}', 'INVALID_PARAMETER', 'type'],
    ['a body that is not JSON', '{"type":', 'MALFORMED_JSON', undefined],
    ['a body that is not an object', '[]', 'INVALID_PARAMETER', undefined],
  ])('refuses %s: 400, nothing read, sent or recorded', async (_, body, errorCode, field) => {
    const h = setup(await database.open());
    const response = await h.remind(SEED_EVENT_IDS.kickoff, { body });
    expect(response.status).toBe(400);
    const [entry, ...more] = ((await response.json()) as Envelope).errorMessages;
    expect(more).toEqual([]);
    expect(entry?.errorCode).toBe(errorCode);
    if (field !== undefined) expect(entry?.errorParameters).toEqual([{ name: field, value: 'MEETING' }]);
    expect(h.calls).toEqual([]);
    expect(await h.rows()).toEqual([]);
  });

  it('refuses an event id outside its shape: 400 naming it, nothing read or recorded', async () => {
    const h = setup(await database.open());
    const response = await h.remind('not%20an%20id');
    expect(response.status).toBe(400);
    expect(((await response.json()) as Envelope).errorMessages[0]).toMatchObject({
      errorCode: 'INVALID_PARAMETER',
      errorParameters: [{ name: 'eventId', value: 'not an id' }],
    });
    expect(h.calls).toEqual([]);
    expect(await h.rows()).toEqual([]);
  });

  it('never reminds a traveler the list names in another state (one who answered while it was read)', async () => {
    const h = setup(await database.open());
    const traveler = (id: string, state: string) => ({
      userId: { id },
      eventUserRsvp: { userId: { id }, eventRsvpState: state },
    });
    h.failTravelersList(1, () =>
      Response.json({
        travelerEventInfos: [
          traveler('u-still-invited', 'INVITED'),
          traveler('u-accepted', 'INVITE_ACCEPTED'),
        ],
        paginationParams: { totalNumResults: 2 },
      }),
    );
    await h.remind(SEED_EVENT_IDS.kickoff);
    const [row] = await h.rows();
    expect(row?.action).toBe('remind');
    expect(JSON.parse(row!.traveler_ids)).toEqual(['u-still-invited']);
  });

  it('answers the upstream refusing the travelers list with its envelope, nothing sent or recorded', async () => {
    const h = setup(await database.open());
    const response = await h.remind(SEED_EVENT_IDS.otherCompany); // the sandbox client may not see it
    expect(response.status).toBe(403);
    expect(((await response.json()) as Envelope).errorMessages.length).toBeGreaterThan(0);
    expect(h.calls).toEqual(['travelers-list']);
    expect(await h.rows()).toEqual([]);
  });

  it.each([
    [
      'an answer that is not JSON',
      () => new Response('<h1>down</h1>', { status: 503, headers: { 'content-type': 'text/html' } }),
      503,
      'UPSTREAM_RESPONSE_NOT_JSON',
    ],
    [
      'no answer',
      () => {
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
      },
      502,
      'UPSTREAM_UNREACHABLE',
    ],
  ])(
    'answers %s while collecting (a later page) with the error, nothing sent or recorded',
    async (_, answer, status, errorCode) => {
      const h = setup(await database.open());
      h.failTravelersList(3, answer);
      const event = SEED_EVENT_IDS.largeSummit;
      const response = await h.remind(event);
      expect(response.status).toBe(status);
      expect(((await response.json()) as Envelope).errorMessages[0]?.errorCode).toBe(errorCode);
      expect(count(h.calls, 'invite/send')).toBe(0);
      expect(h.outbox(event)).toEqual([]);
      expect(await h.rows()).toEqual([]);
    },
  );

  it('counts a reminder as one send against the limit, its invite/send included', async () => {
    const limits = createLimits(memoryLimiters(), { sendsPer10Minutes: 1 });
    const h = setup(await database.open(), { limits });
    const first = await h.remind(SEED_EVENT_IDS.kickoff);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: 'accepted', travelerCount: 7 });
    const second = await h.remind(SEED_EVENT_IDS.programSession2);
    expect(second.status).toBe(429);
    expect(((await second.json()) as Envelope).errorMessages[0]?.errorCode).toBe('SEND_RATE_LIMITED');
    expect(count(h.calls, 'travelers-list')).toBe(1);
    expect(await h.rows()).toHaveLength(1);
  });

  it('is measured as the reminder: a remind send, its travelers, its route', async () => {
    const registry = createMetrics();
    const h = setup(await database.open(), { metrics: registry });
    expect((await h.remind(SEED_EVENT_IDS.kickoff)).status).toBe(200); // 7 invited
    expect((await h.remind(SEED_EVENT_IDS.programSession2)).status).toBe(200); // skipped: nothing sent
    const scrape = await h.app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const text = await scrape.text();
    expect(text).toContain('console_sends_total{action="remind",outcome="accepted"} 1');
    expect(text).not.toContain('action="send"');
    expect(text).toContain('console_travelers_invited_total 7');
    expect(text).toContain(
      'console_http_requests_total{route="/api/reminders/events/:eventId",method="POST",status="200"} 2',
    );
  });
});
