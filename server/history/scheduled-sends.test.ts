// @vitest-environment node
/**
 * Send later on the server app, with the real sandbox in process and a clock the test moves: a scheduled send goes
 * out once, at its time, through the same `/api` path as a browser's send, as the person who scheduled it; a
 * cancelled one never goes, a moved one goes at its new time only; a scheduler who lost the sender role or whose
 * account is gone sends nothing, and the record says why; a scheduled reminder reaches exactly the travelers still
 * INVITED when it runs. SQLite and PostgreSQL alike.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEED_EVENT_IDS } from '../../sandbox/index.ts';
import { ScheduledSends, SendDetail, SendPage, SendSummary } from '#contract/send-history';
import { sqliteDialect, testDialects, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { logger } from '../operations/logger.ts';
import { createMetrics } from '../operations/metrics.ts';
import { memoryLimiters } from '../limits/limiter-factory.ts';
import { createLimits } from '../limits/limits.ts';
import { createScheduleApp, personNamed } from './testing/schedule-app.ts';

const EVENT = SEED_EVENT_IDS.kickoff; // 25 travelers: 10 ADDED, 7 INVITED, 4 accepted, 2 declined, 2 removed
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Envelope {
  debugIdentifier?: string;
  errorMessages: {
    errorCode: string;
    message: string;
    errorParameters: { name: string; value?: string }[];
  }[];
}

function clock() {
  let at = Date.UTC(2030, 0, 7, 9);
  return {
    now: () => at,
    advance: (ms: number) => (at += ms),
    iso: (offsetMs = 0) => new Date(at + offsetMs).toISOString(),
  };
}

const MARCUS = personNamed('Marcus Webb');

describe.each(testDialects)('scheduled sends on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  async function setUp(options: Partial<Parameters<typeof createScheduleApp>[1]> = {}) {
    const time = clock();
    const h = createScheduleApp(await database.open(), { now: time.now, ...options });
    const marcus = await h.as(MARCUS);
    const schedule = async (
      body: unknown,
      headers: Record<string, string> = marcus,
      eventId: string = EVENT,
    ) => h.post(`/api/schedules/events/${eventId}`, headers, body);
    return { ...h, time, marcus, schedule };
  }

  it('sends one scheduled 2 s ahead once: nothing before its time, one invite/send after, nothing more again', async () => {
    const h = await setUp();
    const ids = h.inState(EVENT, 'ADDED').slice(0, 3);
    const response = await h.schedule({
      action: 'send',
      sendAt: h.time.iso(2_000),
      type: 'GENERIC',
      userIds: ids.map((id) => ({ id })),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const planned = SendSummary.parse(await response.json());
    expect(planned).toMatchObject({
      status: 'scheduled',
      action: 'send',
      scope: 'list',
      travelerCount: 3,
      dueAt: h.time.iso(2_000),
      lateMinutes: null,
      person: { name: 'Marcus Webb' },
      createdAt: h.time.iso(),
    });

    expect(await h.runner.runDue()).toEqual([]);
    h.time.advance(1_999);
    expect(await h.runner.runDue()).toEqual([]);
    expect(h.sends()).toBe(0);

    h.time.advance(1);
    const [run, ...more] = await h.runner.runDue();
    expect(more).toEqual([]);
    expect(run).toEqual({ id: planned.id, status: 'accepted', lateMinutes: null });
    expect(h.sends()).toBe(1);
    expect(h.outbox(EVENT)).toEqual([...ids].sort());

    expect(await h.runner.runDue()).toEqual([]);
    h.time.advance(HOUR);
    expect(await h.runner.runDue()).toEqual([]);
    expect(h.sends()).toBe(1);

    const rows = await h.rows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: planned.id,
      status: 'accepted',
      http_status: 200,
      created_at: Date.parse(planned.dueAt!), // moved to when it started
      scheduled_at: Date.parse(planned.createdAt),
      due_at: Date.parse(planned.dueAt!),
      late_minutes: null,
      idempotency_key: `scheduled-${planned.id}`,
      subject: MARCUS.subject,
      scope: 'list',
      traveler_count: 3,
    });
    const detail = SendDetail.parse(await (await h.get(`/api/history/sends/${planned.id}`, h.marcus)).json());
    expect(detail).toMatchObject({
      status: 'accepted',
      scheduledAt: planned.createdAt,
      dueAt: planned.dueAt,
      cancelledBy: null,
      travelerIds: ids,
    });
  });

  it('sends one to every traveler as a send to all, late by whole minutes when it starts late', async () => {
    const h = await setUp();
    const planned = SendSummary.parse(
      await (await h.schedule({ action: 'send', sendAt: h.time.iso(MINUTE) })).json(),
    );
    expect(planned).toMatchObject({ scope: 'all', status: 'scheduled' });
    h.time.advance(MINUTE + 3 * MINUTE + 59_000);
    expect(await h.runner.runDue()).toEqual([{ id: planned.id, status: 'accepted', lateMinutes: 3 }]);
    expect(h.sends()).toBe(1);
    expect(await h.row(planned.id)).toMatchObject({ scope: 'all', late_minutes: 3 });
    const page = SendPage.parse(await (await h.get(`/api/history/events/${EVENT}/sends`, h.marcus)).json());
    expect(page.sends[0]).toMatchObject({ id: planned.id, lateMinutes: 3, status: 'accepted' });
  });

  it('never sends a cancelled one; moves one to its new time only; 409 once it has started', async () => {
    const h = await setUp();
    const cancelled = SendSummary.parse(
      await (await h.schedule({ action: 'send', sendAt: h.time.iso(MINUTE) })).json(),
    );
    const moved = SendSummary.parse(
      await (
        await h.schedule({
          action: 'send',
          sendAt: h.time.iso(MINUTE),
          userIds: [{ id: h.inState(EVENT, 'ADDED')[0]! }],
        })
      ).json(),
    );

    h.time.advance(10_000);
    const cancel = await h.post(`/api/schedules/${cancelled.id}/cancel`, h.marcus);
    expect(cancel.status).toBe(200);
    expect(SendSummary.parse(await cancel.json())).toMatchObject({
      status: 'cancelled',
      createdAt: h.time.iso(),
    });
    const reschedule = await h.post(`/api/schedules/${moved.id}/reschedule`, h.marcus, {
      sendAt: h.time.iso(HOUR),
    });
    expect(reschedule.status).toBe(200);
    expect(SendSummary.parse(await reschedule.json())).toMatchObject({
      status: 'scheduled',
      dueAt: h.time.iso(HOUR),
    });
    const detail = SendDetail.parse(
      await (await h.get(`/api/history/sends/${cancelled.id}`, h.marcus)).json(),
    );
    expect(detail).toMatchObject({
      status: 'cancelled',
      cancelledBy: { subject: MARCUS.subject, name: 'Marcus Webb' },
      cancelledAt: h.time.iso(),
    });

    h.time.advance(MINUTE); // the old time of both
    expect(await h.runner.runDue()).toEqual([]);
    expect(h.sends()).toBe(0);
    h.time.advance(HOUR);
    expect(await h.runner.runDue()).toEqual([{ id: moved.id, status: 'accepted', lateMinutes: 1 }]);
    expect(h.sends()).toBe(1);
    h.time.advance(24 * HOUR);
    expect(await h.runner.runDue()).toEqual([]);
    expect(h.sends()).toBe(1);

    for (const [id, action, status] of [
      [moved.id, 'cancel', 'accepted'],
      [moved.id, 'reschedule', 'accepted'],
      [cancelled.id, 'reschedule', 'cancelled'],
    ] as const) {
      const late = await h.post(`/api/schedules/${id}/${action}`, h.marcus, { sendAt: h.time.iso(HOUR) });
      expect(late.status).toBe(409);
      const body = (await late.json()) as Envelope;
      expect(body.errorMessages[0]).toMatchObject({
        errorCode: 'SCHEDULED_SEND_STARTED',
        errorParameters: [
          { name: 'id', value: id },
          { name: 'status', value: status },
        ],
      });
    }
    // Cancelled again (another tab, a retry after a lost answer): done, as it was.
    const again = await h.post(`/api/schedules/${cancelled.id}/cancel`, h.marcus);
    expect(again.status).toBe(200);
    expect(SendSummary.parse(await again.json())).toMatchObject({ id: cancelled.id, status: 'cancelled' });
    expect((await h.row(cancelled.id)).status).toBe('cancelled');
  });

  it('lets only its scheduler or an admin change it (403 otherwise), and answers 404 for no scheduled send', async () => {
    const h = await setUp();
    const planned = SendSummary.parse(
      await (await h.schedule({ action: 'send', sendAt: h.time.iso(HOUR) })).json(),
    );
    const sofia = await h.as('Sofía Álvarez');
    const refused = await h.post(`/api/schedules/${planned.id}/cancel`, sofia);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Envelope).errorMessages[0]?.errorCode).toBe('SCHEDULED_SEND_NOT_YOURS');
    const viewer = await h.post(`/api/schedules/${planned.id}/cancel`, await h.as('Jonas Becker', 'viewer'));
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as Envelope).errorMessages[0]?.errorCode).toBe('ROLE_NOT_ALLOWED');
    expect((await h.row(planned.id)).status).toBe('scheduled');

    const admin = await h.as('Priya Raman', 'admin');
    const moved = await h.post(`/api/schedules/${planned.id}/reschedule`, admin, {
      sendAt: h.time.iso(2 * HOUR),
    });
    expect(moved.status).toBe(200);
    const cancelled = await h.post(`/api/schedules/${planned.id}/cancel`, admin);
    expect(SendSummary.parse(await cancelled.json())).toMatchObject({ status: 'cancelled' });
    expect(
      SendDetail.parse(await (await h.get(`/api/history/sends/${planned.id}`, admin)).json()),
    ).toMatchObject({
      person: { name: 'Marcus Webb' },
      cancelledBy: { name: 'Priya Raman' },
    });

    // Another site's page, and no session at all, change nothing either.
    const later = SendSummary.parse(
      await (await h.schedule({ action: 'send', sendAt: h.time.iso(HOUR) })).json(),
    );
    const evil = { ...h.marcus, origin: 'https://evil.example' };
    const { cookie: _cookie, ...signedOut } = h.marcus;
    for (const [action, body] of [
      ['cancel', undefined],
      ['reschedule', { sendAt: h.time.iso(3 * HOUR) }],
    ] as const) {
      const crossSite = await h.post(`/api/schedules/${later.id}/${action}`, evil, body);
      expect(crossSite.status).toBe(403);
      expect(((await crossSite.json()) as Envelope).errorMessages[0]?.errorCode).toBe(
        'CROSS_SITE_REQUEST_REFUSED',
      );
      const noSession = await h.post(`/api/schedules/${later.id}/${action}`, signedOut, body);
      expect(noSession.status).toBe(401);
    }
    expect(
      SendSummary.parse(await (await h.get(`/api/history/sends/${later.id}`, h.marcus)).json()),
    ).toMatchObject({ status: 'scheduled', dueAt: h.time.iso(HOUR) });
    expect((await h.get(`/api/history/events/${EVENT}/scheduled`, {})).status).toBe(401);

    for (const id of ['no-such-id', '..%2F..']) {
      const missing = await h.post(`/api/schedules/${id}/cancel`, h.marcus);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as Envelope).errorMessages[0]?.errorCode).toBe(
        'SCHEDULED_SEND_NOT_FOUND',
      );
    }
  });

  it('does not send as a scheduler who lost the sender role, or whose account is gone: skipped, saying why', async () => {
    const h = await setUp();
    const demoted = SendSummary.parse(
      await (await h.schedule({ action: 'send', sendAt: h.time.iso(MINUTE) })).json(),
    );
    const sofiaPerson = personNamed('Sofía Álvarez');
    const sofia = await h.as(sofiaPerson);
    const gone = SendSummary.parse(
      await (await h.schedule({ action: 'send', sendAt: h.time.iso(MINUTE), type: 'GENERIC' }, sofia)).json(),
    );
    // Later, the provider says Marcus is a viewer now, and refuses Sofía (at a sign-in, a re-check).
    h.time.advance(30_000);
    await h.standings.vouched(MARCUS, 'viewer', h.time.now());
    await h.standings.lost(sofiaPerson.subject, 'provider-refused', h.time.now());

    h.time.advance(MINUTE);
    const runs = await h.runner.runDue();
    expect(runs).toEqual(
      expect.arrayContaining([
        { id: demoted.id, status: 'skipped', lateMinutes: null, errorCode: 'SCHEDULER_NOT_ALLOWED' },
        { id: gone.id, status: 'skipped', lateMinutes: null, errorCode: 'SCHEDULER_ACCOUNT_GONE' },
      ]),
    );
    expect(h.sends()).toBe(0);
    const admin = await h.as('Priya Raman', 'admin');
    const why = async (id: string) =>
      SendDetail.parse(await (await h.get(`/api/history/sends/${id}`, admin)).json()).errorResponse
        ?.errorMessages?.[0];
    expect(await why(demoted.id)).toMatchObject({
      errorCode: 'SCHEDULER_NOT_ALLOWED',
      message: 'Not sent: Marcus Webb no longer has the sender role (now viewer).',
    });
    expect(await why(gone.id)).toMatchObject({
      errorCode: 'SCHEDULER_ACCOUNT_GONE',
      message:
        "Not sent: Sofía Álvarez's account is no longer valid at the identity provider, so nothing is sent as them.",
    });
    const page = SendPage.parse(await (await h.get('/api/history/sends?outcome=not-sent', admin)).json());
    expect(page.sends.map((send) => send.id).sort()).toEqual([demoted.id, gone.id].sort());
    expect(page.sends[0]).toMatchObject({ status: 'skipped', errorCount: 1 });
  });

  it('does not send one more than SCHEDULE_MAX_LATE_HOURS late: skipped, SCHEDULE_MISSED', async () => {
    const h = await setUp({ maxLateMs: 2 * HOUR });
    const planned = SendSummary.parse(
      await (await h.schedule({ action: 'send', sendAt: h.time.iso(MINUTE) })).json(),
    );
    h.time.advance(MINUTE + 2 * HOUR + 1);
    expect(await h.runner.runDue()).toEqual([
      { id: planned.id, status: 'skipped', lateMinutes: 120, errorCode: 'SCHEDULE_MISSED' },
    ]);
    expect(h.sends()).toBe(0);
    const detail = SendDetail.parse(await (await h.get(`/api/history/sends/${planned.id}`, h.marcus)).json());
    expect(detail.errorResponse?.errorMessages?.[0]?.message).toMatch(
      /^Not sent: it was due at .*, and no console instance was running until .*, more than 2 hours later \(SCHEDULE_MAX_LATE_HOURS\)\.$/,
    );
  });

  it('records a run that /api refuses before sending (the send limit) as refused, with its answer', async () => {
    const limits = createLimits(memoryLimiters(), { sendsPer10Minutes: 1 });
    const h = await setUp({ limits });
    const first = SendSummary.parse(
      await (await h.schedule({ action: 'send', sendAt: h.time.iso(MINUTE) })).json(),
    );
    const second = SendSummary.parse(
      await (await h.schedule({ action: 'send', sendAt: h.time.iso(2 * MINUTE), type: 'GENERIC' })).json(),
    );
    h.time.advance(MINUTE);
    expect(await h.runner.runDue()).toEqual([{ id: first.id, status: 'accepted', lateMinutes: null }]);
    // It starts 5 minutes late, and is refused: it never went out, so it is not "sent 5 minutes late".
    h.time.advance(MINUTE + 5 * MINUTE);
    expect(await h.runner.runDue()).toEqual([
      { id: second.id, status: 'refused', lateMinutes: 5, errorCode: 'SEND_RATE_LIMITED' },
    ]);
    expect(h.sends()).toBe(1);
    expect(await h.row(second.id)).toMatchObject({
      status: 'refused',
      http_status: 429,
      error_count: 1,
      late_minutes: null,
    });
  });

  it('claims each due send right before it runs, a few at a time: a crash leaves at most that many unsent', async () => {
    const h = await setUp({ workers: 2 });
    const added = h.inState(EVENT, 'ADDED').slice(0, 5);
    const planned: string[] = [];
    for (const id of added) {
      const response = await h.schedule({ action: 'send', sendAt: h.time.iso(MINUTE), userIds: [{ id }] });
      planned.push(SendSummary.parse(await response.json()).id);
    }
    const claimDue = h.scheduled.claimDue.bind(h.scheduled);
    const limits: number[] = [];
    const underWay: number[] = [];
    h.scheduled.claimDue = async (at, limit, instance) => {
      limits.push(limit);
      // Claimed and not ended yet, as this claim starts: only the other worker's, at most.
      underWay.push((await h.rows()).filter((row) => row.status === 'pending').length);
      return claimDue(at, limit, instance);
    };
    h.time.advance(MINUTE);
    const runs = await h.runner.runDue();
    expect(runs.map((run) => run.id).sort()).toEqual([...planned].sort());
    expect(runs.every((run) => run.status === 'accepted')).toBe(true);
    expect(limits.every((limit) => limit === 1)).toBe(true);
    expect(Math.max(...underWay)).toBeLessThanOrEqual(1);
    // Five claims that ran, and one per worker that found nothing more due.
    expect(limits).toHaveLength(7);
    expect(h.sends()).toBe(5);
  });

  it('measures and logs a run as a browser’s send: its outcome, its travelers, the inner request’s detail', async () => {
    const info = vi.spyOn(logger, 'info');
    const metrics = createMetrics();
    const limits = createLimits(memoryLimiters(), { sendsPer10Minutes: 1 });
    const h = await setUp({ metrics, limits });
    const ids = h.inState(EVENT, 'ADDED').slice(0, 3);
    const sent = SendSummary.parse(
      await (
        await h.schedule({ action: 'send', sendAt: h.time.iso(MINUTE), userIds: ids.map((id) => ({ id })) })
      ).json(),
    );
    const limited = SendSummary.parse(
      await (await h.schedule({ action: 'send', sendAt: h.time.iso(2 * MINUTE), type: 'GENERIC' })).json(),
    );
    h.time.advance(MINUTE);
    await h.runner.runDue();
    h.time.advance(MINUTE);
    await h.runner.runDue();

    const text = await metrics.registry.metrics();
    expect(text).toContain('console_sends_total{action="send",outcome="accepted"} 1');
    expect(text).toContain('console_travelers_invited_total 3');
    expect(text).toContain('console_refusals_total{kind="limit"} 1');
    expect(text).toContain('console_scheduled_runs_total{outcome="accepted"} 1');
    expect(text).toContain('console_scheduled_runs_total{outcome="refused"} 1');
    const ran = info.mock.calls
      .filter(([, msg]) => msg === 'scheduled send: ran')
      .map(([fields]) => fields as Record<string, unknown>);
    expect(ran).toEqual([
      expect.objectContaining({ record: sent.id, status: 'accepted' }),
      expect.objectContaining({
        record: limited.id,
        status: 'refused',
        errorCode: 'SEND_RATE_LIMITED',
        detail: 'send limit reached: 1 in 10 minutes',
      }),
    ]);
    expect(ran[0]).not.toHaveProperty('errorCode');
  });

  it('reminds exactly the travelers still INVITED when it runs, and records them', async () => {
    const h = await setUp();
    const invited = h.inState(EVENT, 'INVITED');
    const added = h.inState(EVENT, 'ADDED');
    const planned = SendSummary.parse(
      await (await h.schedule({ action: 'remind', sendAt: h.time.iso(HOUR), type: 'GENERIC' })).json(),
    );
    expect(planned).toMatchObject({
      action: 'remind',
      scope: 'list',
      travelerCount: null,
      status: 'scheduled',
    });

    // Between planning and running: two answer, one more is invited (by someone else).
    h.setState(EVENT, invited.slice(0, 2), 'INVITE_ACCEPTED');
    h.setState(EVENT, added.slice(0, 1), 'INVITED');
    const expected = h.inState(EVENT, 'INVITED');
    expect(expected).toHaveLength(6);

    h.time.advance(HOUR);
    expect(await h.runner.runDue()).toEqual([{ id: planned.id, status: 'accepted', lateMinutes: null }]);
    expect(h.sends()).toBe(1);
    expect(h.outbox(EVENT)).toEqual(expected);
    const row = await h.row(planned.id);
    expect(row).toMatchObject({ action: 'remind', status: 'accepted', scope: 'list', traveler_count: 6 });
    expect((JSON.parse(row.traveler_ids) as string[]).sort()).toEqual(expected);
  });

  it('records a scheduled reminder that finds nobody still invited as skipped, and sends nothing', async () => {
    const h = await setUp();
    const planned = SendSummary.parse(
      await (await h.schedule({ action: 'remind', sendAt: h.time.iso(HOUR) })).json(),
    );
    h.setState(EVENT, h.inState(EVENT, 'INVITED'), 'INVITE_DECLINED');
    h.time.advance(HOUR);
    expect(await h.runner.runDue()).toEqual([{ id: planned.id, status: 'skipped', lateMinutes: null }]);
    expect(h.sends()).toBe(0);
    expect(await h.row(planned.id)).toMatchObject({
      status: 'skipped',
      traveler_count: 0,
      traveler_ids: '[]',
    });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('claiming on SQLite', () => {
  const database = useTestDatabase(sqliteDialect);

  it('does not claim a send moved later between the select of the due ones and the claiming update', async () => {
    const time = clock();
    let between: (ids: readonly string[]) => Promise<void> = async () => {};
    const h = createScheduleApp(await database.open(), {
      now: time.now,
      workers: 1,
      scheduledTesting: { afterDueSelected: (ids) => between(ids) },
    });
    const marcus = await h.as(MARCUS);
    const planned = SendSummary.parse(
      await (
        await h.post(`/api/schedules/events/${EVENT}`, marcus, { action: 'send', sendAt: time.iso(MINUTE) })
      ).json(),
    );
    time.advance(MINUTE);
    const seen: string[][] = [];
    between = async (ids) => {
      seen.push([...ids]);
      // The manager moves it an hour later, while the runner is between its two steps.
      const moved = await h.post(`/api/schedules/${planned.id}/reschedule`, marcus, {
        sendAt: time.iso(HOUR),
      });
      expect(moved.status).toBe(200);
    };
    expect(await h.runner.runDue()).toEqual([]);
    expect(seen[0]).toEqual([planned.id]);
    expect(h.sends()).toBe(0);
    expect(await h.row(planned.id)).toMatchObject({ status: 'scheduled', due_at: time.now() + HOUR });

    between = async () => {};
    time.advance(HOUR);
    expect(await h.runner.runDue()).toEqual([{ id: planned.id, status: 'accepted', lateMinutes: null }]);
    expect(h.sends()).toBe(1);
  });
});

describe.each(testDialects)('the scheduling routes on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  async function setUp() {
    const time = clock();
    const h = createScheduleApp(await database.open(), { now: time.now });
    const marcus = await h.as(MARCUS);
    const schedule = (body: unknown, headers: Record<string, string> = marcus, eventId: string = EVENT) =>
      h.post(`/api/schedules/events/${eventId}`, headers, body);
    return { ...h, time, marcus, schedule };
  }

  const firstError = async (response: Response) => ((await response.json()) as Envelope).errorMessages[0];

  it('refuses a time that has passed or is too far ahead, naming sendAt', async () => {
    const h = await setUp();
    for (const sendAt of [h.time.iso(), h.time.iso(-MINUTE)]) {
      const response = await h.schedule({ action: 'send', sendAt });
      expect(response.status).toBe(400);
      expect(await firstError(response)).toEqual({
        errorCode: 'SEND_AT_IN_PAST',
        message: 'The send time has passed. Pick a time from now on.',
        errorParameters: [{ name: 'sendAt', value: sendAt }],
      });
    }
    const far = h.time.iso(367 * 24 * HOUR);
    const tooFar = await h.schedule({ action: 'send', sendAt: far });
    expect(tooFar.status).toBe(400);
    expect(await firstError(tooFar)).toMatchObject({
      errorCode: 'SEND_AT_TOO_FAR',
      errorParameters: [{ name: 'sendAt', value: far }],
    });
    const garbled = await h.schedule({ action: 'send', sendAt: 'tomorrow' });
    expect(garbled.status).toBe(400);
    expect(await firstError(garbled)).toMatchObject({
      errorCode: 'INVALID_PARAMETER',
      errorParameters: [{ name: 'sendAt', value: 'tomorrow' }],
    });
    // With an offset, as the browser sends the manager's local time.
    const local = new Date(h.time.now() + HOUR).toISOString().replace('Z', '+00:00');
    expect((await h.schedule({ action: 'send', sendAt: local })).status).toBe(201);
    expect(await h.rows()).toHaveLength(1);
  });

  it('checks the body as a send’s, the role, the event id and the site, recording nothing it refuses', async () => {
    const h = await setUp();
    const sendAt = h.time.iso(HOUR);
    const badId = await h.schedule({ action: 'send', sendAt, userIds: [{ id: 'ok' }, { id: 'not ok!' }] });
    expect(badId.status).toBe(400);
    expect(await firstError(badId)).toMatchObject({
      errorCode: 'INVALID_PARAMETER',
      errorParameters: [{ name: 'userIds[1].id', value: 'not ok!' }],
    });
    const badType = await h.schedule({ action: 'send', sendAt, type: 'PARTY' });
    expect(badType.status).toBe(400);
    expect((await firstError(badType))?.errorParameters[0]?.name).toBe('type');
    const remindWithIds = await h.schedule({ action: 'remind', sendAt, userIds: [{ id: 'u-1' }] });
    expect(remindWithIds.status).toBe(400);
    expect((await firstError(remindWithIds))?.errorParameters).toEqual([{ name: 'userIds' }]);
    const malformed = await h.schedule('{"action":');
    expect(malformed.status).toBe(400);
    expect((await firstError(malformed))?.errorCode).toBe('MALFORMED_JSON');

    const viewer = await h.schedule({ action: 'send', sendAt }, await h.as('Jonas Becker', 'viewer'));
    expect(viewer.status).toBe(403);
    expect((await firstError(viewer))?.errorCode).toBe('ROLE_NOT_ALLOWED');
    const crossSite = await h.schedule(
      { action: 'send', sendAt },
      { ...h.marcus, origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect((await firstError(crossSite))?.errorCode).toBe('CROSS_SITE_REQUEST_REFUSED');
    const form = await h.schedule({ action: 'send', sendAt }, { ...h.marcus, 'content-type': 'text/plain' });
    expect(form.status).toBe(403);
    expect((await firstError(form))?.errorCode).toBe('JSON_REQUIRED');
    const noSession = await h.schedule(
      { action: 'send', sendAt },
      { origin: h.marcus.origin, 'content-type': 'application/json' },
    );
    expect(noSession.status).toBe(401);
    const badEvent = await h.schedule({ action: 'send', sendAt }, h.marcus, 'no%2F..%2Fv3');
    expect(badEvent.status).toBe(400);
    expect((await firstError(badEvent))?.errorParameters[0]?.name).toBe('eventId');
    expect(await h.rows()).toEqual([]);
  });

  it('gives a retried request (same Idempotency-Key) the first schedule', async () => {
    const h = await setUp();
    const headers = { ...h.marcus, 'idempotency-key': 'plan-1' };
    const body = { action: 'send', sendAt: h.time.iso(HOUR), userIds: [{ id: 'u-1' }, { id: 'u-2' }] };
    const first = await h.schedule(body, headers);
    expect(first.status).toBe(201);
    // The same instant written with another offset, the same travelers in another order: the same request.
    const again = await h.schedule(
      {
        ...body,
        sendAt: new Date(h.time.now() + HOUR).toISOString().replace('Z', '+00:00'),
        userIds: [{ id: 'u-2' }, { id: 'u-1' }],
      },
      headers,
    );
    expect(again.status).toBe(200);
    expect(SendSummary.parse(await again.json()).id).toBe(SendSummary.parse(await first.json()).id);
    expect(await h.rows()).toHaveLength(1);
  });

  it('refuses the Idempotency-Key with another request: 422 IDEMPOTENCY_KEY_REUSED, nothing scheduled', async () => {
    const h = await setUp();
    const headers = { ...h.marcus, 'idempotency-key': 'plan-2' };
    const body = { action: 'send', sendAt: h.time.iso(HOUR), userIds: [{ id: 'u-1' }] };
    expect((await h.schedule(body, headers)).status).toBe(201);
    const reminder = { action: 'remind', sendAt: h.time.iso(HOUR) };
    expect((await h.schedule(reminder, { ...h.marcus, 'idempotency-key': 'plan-3' })).status).toBe(201);
    for (const [other, key] of [
      [{ ...body, sendAt: h.time.iso(2 * HOUR) }, 'plan-2'],
      [{ ...body, userIds: [{ id: 'u-2' }] }, 'plan-2'],
      [{ ...body, type: 'GENERIC' }, 'plan-2'],
      [{ action: 'send', sendAt: body.sendAt }, 'plan-2'],
      [{ action: 'remind', sendAt: body.sendAt }, 'plan-2'],
      [{ ...reminder, sendAt: h.time.iso(2 * HOUR) }, 'plan-3'],
      [{ ...reminder, type: 'GENERIC' }, 'plan-3'],
    ] as const) {
      const reused = await h.schedule(other, { ...h.marcus, 'idempotency-key': key });
      expect(reused.status).toBe(422);
      expect(await firstError(reused)).toMatchObject({ errorCode: 'IDEMPOTENCY_KEY_REUSED' });
    }
    const retriedReminder = await h.schedule(reminder, { ...h.marcus, 'idempotency-key': 'plan-3' });
    expect(retriedReminder.status).toBe(200);
    // Another person with the key: not theirs.
    const sofia = await h.as('Sofía Álvarez');
    const theirs = await h.schedule(body, { ...sofia, 'idempotency-key': 'plan-2' });
    expect(theirs.status).toBe(422);
    expect(await h.rows()).toHaveLength(2);
  });

  it('answers 503 SEND_HISTORY_UNAVAILABLE when the database fails: nothing scheduled or changed', async () => {
    const h = await setUp();
    const planned = SendSummary.parse(
      await (await h.schedule({ action: 'send', sendAt: h.time.iso(HOUR) })).json(),
    );
    const down = async () => {
      throw new Error('connection lost');
    };
    const { get, reschedule, cancel } = h.scheduled;
    const { vouched } = h.standings;
    const attempts = [
      () => (h.standings.vouched = down),
      () => ((h.standings.vouched = vouched), (h.scheduled.get = down)),
      () => ((h.scheduled.get = get), (h.scheduled.reschedule = down)),
      () => ((h.scheduled.reschedule = reschedule), (h.scheduled.cancel = down)),
    ];
    const requests = [
      () => h.schedule({ action: 'send', sendAt: h.time.iso(2 * HOUR) }),
      () => h.post(`/api/schedules/${planned.id}/cancel`, h.marcus),
      () => h.post(`/api/schedules/${planned.id}/reschedule`, h.marcus, { sendAt: h.time.iso(2 * HOUR) }),
      () => h.post(`/api/schedules/${planned.id}/cancel`, h.marcus),
    ];
    for (const [i, fail] of attempts.entries()) {
      fail();
      const response = await requests[i]!();
      expect(response.status).toBe(503);
      expect(await firstError(response)).toMatchObject({ errorCode: 'SEND_HISTORY_UNAVAILABLE' });
    }
    h.scheduled.cancel = cancel;
    expect(await h.rows()).toHaveLength(1);
    expect(await h.row(planned.id)).toMatchObject({
      status: 'scheduled',
      due_at: Date.parse(planned.dueAt!),
    });
  });

  it('lists scheduled sends apart from the History, in the Activity and its filter, the recent-invites check and the CSV', async () => {
    const h = await setUp();
    const ids = h.inState(EVENT, 'ADDED').slice(0, 2);
    // An ordinary send made now, and two scheduled ones (the later one first).
    const sent = await h.post(`/api/v2/events/${EVENT}/invite/send`, h.marcus, { userIds: [{ id: ids[0] }] });
    expect(sent.status).toBe(200);
    const later = SendSummary.parse(
      await (
        await h.schedule({ action: 'send', sendAt: h.time.iso(2 * HOUR), userIds: ids.map((id) => ({ id })) })
      ).json(),
    );
    const sooner = SendSummary.parse(
      await (await h.schedule({ action: 'remind', sendAt: h.time.iso(HOUR) })).json(),
    );

    const viewer = await h.as('Jonas Becker', 'viewer');
    const scheduled = ScheduledSends.parse(
      await (await h.get(`/api/history/events/${EVENT}/scheduled`, viewer)).json(),
    );
    expect(scheduled.sends.map((send) => [send.id, send.dueAt])).toEqual([
      [sooner.id, sooner.dueAt],
      [later.id, later.dueAt],
    ]);
    const history = SendPage.parse(await (await h.get(`/api/history/events/${EVENT}/sends`, viewer)).json());
    expect(history.sends.map((send) => send.status)).toEqual(['accepted']);
    expect(history.total).toBe(1);

    const activity = SendPage.parse(await (await h.get('/api/history/sends', h.marcus)).json());
    expect(activity.total).toBe(3);
    const onlyScheduled = SendPage.parse(
      await (await h.get('/api/history/sends?outcome=scheduled', h.marcus)).json(),
    );
    expect(onlyScheduled.sends.map((send) => send.id).sort()).toEqual([sooner.id, later.id].sort());

    const recent = await h.post(`/api/history/events/${EVENT}/recent-invites`, h.marcus, {
      userIds: ids.map((id) => ({ id })),
    });
    expect(recent.status).toBe(200);
    const { sends, travelerCount } = (await recent.json()) as {
      travelerCount: number;
      sends: { id: string; status: string; dueAt: string | null; matchedCount: number }[];
    };
    // The send made, then those scheduled, soonest first, with their time: the reminder (who it reaches is read
    // when it runs) and the send. Only the send made counts as "sent in the last 24 hours".
    expect(sends).toEqual([
      expect.objectContaining({ status: 'accepted', dueAt: null, matchedCount: 1, action: 'send' }),
      expect.objectContaining({
        id: sooner.id,
        status: 'scheduled',
        dueAt: sooner.dueAt,
        matchedCount: 0,
        action: 'remind',
      }),
      expect.objectContaining({
        id: later.id,
        status: 'scheduled',
        dueAt: later.dueAt,
        matchedCount: 2,
        action: 'send',
      }),
    ]);
    expect(travelerCount).toBe(1);

    await h.post(`/api/schedules/${later.id}/cancel`, h.marcus);
    const csv = await (await h.get('/api/history/sends.csv', h.marcus)).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/,Traveler ids,Due at \(UTC\),Minutes late$/);
    expect(lines.find((line) => line.includes(later.id))).toMatch(
      new RegExp(`,Cancelled,.*,${later.id},${ids.join(' ')},${later.dueAt!.replace(/\./g, '\\.')},$`),
    );
    expect(lines.find((line) => line.includes(sooner.id))).toContain(',Scheduled,');
  });
});
