// @vitest-environment node
/**
 * As whom a scheduled send runs, with the console database's session store and the role re-check: when it is due
 * and its scheduler has a live session, the provider is asked about them then; a changed role, a refusal or a lost
 * group decides the send (and ends the session as any re-check would); a provider that does not answer leaves the
 * last word standing. With no session of theirs open, the console goes by what the provider said at their last
 * sign-in or re-check, unless an admin ended their sessions since (the Sessions page): then nothing is sent as them
 * until they sign in again.
 */
import { describe, expect, it } from 'vitest';
import { SEED_EVENT_IDS } from '../../sandbox/index.ts';
import { SendDetail, SendSummary } from '#contract/send-history';
import { OidcRefusedError, OidcUnavailableError } from '../auth/oidc-errors.ts';
import type { RecheckedClaims } from '../auth/oidc-recheck.ts';
import { withRoleRecheck } from '../auth/role-recheck.ts';
import { DEFAULT_ROLE_MAPPING } from '../auth/roles.ts';
import { createSessionStore } from '../auth/session-store.ts';
import { testDialects, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createScheduleApp, personNamed } from './testing/schedule-app.ts';

const MINUTE = 60_000;
const MARCUS = personNamed('Marcus Webb');

describe.each(testDialects)('a scheduled send’s person on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  async function setUp() {
    let at = Date.UTC(2030, 0, 7, 9);
    const now = () => at;
    const consoleDb = await database.open();
    /** What the provider answers the next re-check with. */
    let answer: () => Promise<RecheckedClaims> = async () => ({ roles: ['console-senders'], tokens: {} });
    let asked = 0;
    const sessions = withRoleRecheck(
      createSessionStore(consoleDb, {
        idleTimeoutMs: 60 * MINUTE,
        absoluteLifetimeMs: 12 * 60 * MINUTE,
        now,
      }),
      {
        provider: {
          recheck: () => {
            asked += 1;
            return answer();
          },
        },
        roles: DEFAULT_ROLE_MAPPING,
        intervalMs: 10 * MINUTE,
        now,
        log: () => {},
      },
    );
    const h = createScheduleApp(consoleDb, { now, sessions });
    const marcus = await h.as(MARCUS); // a sign-in: his standing says sender
    const plan = async () =>
      SendSummary.parse(
        await (
          await h.post(`/api/schedules/events/${SEED_EVENT_IDS.kickoff}`, marcus, {
            action: 'send',
            sendAt: new Date(at + MINUTE).toISOString(),
          })
        ).json(),
      );
    const sessionRows = () => consoleDb.db.selectFrom('sessions').select(['subject', 'role']).execute();
    return {
      ...h,
      plan,
      sessionRows,
      advance: (ms: number) => (at += ms),
      provider: (next: () => Promise<RecheckedClaims>) => (answer = next),
      asked: () => asked,
      now,
    };
  }

  it('asks the provider at the due time: now a viewer, it is not sent, and the session says viewer too', async () => {
    const h = await setUp();
    const planned = await h.plan();
    h.provider(async () => ({ roles: ['console-viewers'], tokens: {} }));
    h.advance(MINUTE);
    expect(await h.runner.runDue()).toEqual([
      { id: planned.id, status: 'skipped', lateMinutes: null, errorCode: 'SCHEDULER_NOT_ALLOWED' },
    ]);
    expect(h.asked()).toBe(1);
    expect(h.sends()).toBe(0);
    expect(await h.sessionRows()).toEqual([{ subject: MARCUS.subject, role: 'viewer' }]);
  });

  it.each([
    ['refuses him', () => Promise.reject(new OidcRefusedError('invalid_grant'))],
    ['puts him in no console group', async () => ({ roles: ['somewhere-else'], tokens: {} })],
  ])(
    'asks the provider at the due time: when it %s, it is not sent and his session ends',
    async (_, next) => {
      const h = await setUp();
      const planned = await h.plan();
      h.provider(next);
      h.advance(MINUTE);
      expect(await h.runner.runDue()).toEqual([
        { id: planned.id, status: 'skipped', lateMinutes: null, errorCode: 'SCHEDULER_ACCOUNT_GONE' },
      ]);
      expect(h.sends()).toBe(0);
      expect(await h.sessionRows()).toEqual([]);
    },
  );

  it('sends as the last word when the provider does not answer, or when he has no session open', async () => {
    const h = await setUp();
    const first = await h.plan();
    h.provider(() => Promise.reject(new OidcUnavailableError(new TypeError('fetch failed'))));
    h.advance(MINUTE);
    expect(await h.runner.runDue()).toEqual([{ id: first.id, status: 'accepted', lateMinutes: null }]);
    expect(h.asked()).toBe(1);

    const second = await h.plan();
    // His session ran out (idle): no admin action, so his last word, "sender", stands.
    h.advance(61 * MINUTE);
    expect(await h.runner.runDue()).toEqual([{ id: second.id, status: 'accepted', lateMinutes: 60 }]);
    expect(h.asked()).toBe(1);
    expect(h.sends()).toBe(2);
  });

  it('does not send as him once an admin ended his sessions: Not sent, SCHEDULER_SESSIONS_ENDED', async () => {
    const h = await setUp();
    const planned = await h.plan();
    const endedAt = new Date(h.now()).toISOString();
    const admin = await h.as(personNamed('Priya Raman'), 'admin');
    const end = await h.post('/api/sessions/end', admin, { subject: MARCUS.subject });
    expect(end.status).toBe(200);
    expect(await end.json()).toEqual({ ended: 1 });
    h.advance(MINUTE);
    expect(await h.runner.runDue()).toEqual([
      { id: planned.id, status: 'skipped', lateMinutes: null, errorCode: 'SCHEDULER_SESSIONS_ENDED' },
    ]);
    expect(h.asked()).toBe(0);
    expect(h.sends()).toBe(0);
    const detail = SendDetail.parse(await (await h.get(`/api/history/sends/${planned.id}`, admin)).json());
    expect(detail.errorResponse?.errorMessages?.[0]).toEqual({
      errorCode: 'SCHEDULER_SESSIONS_ENDED',
      message: `Not sent: an admin ended Marcus Webb's sessions on ${endedAt}, so nothing is sent as them until they sign in again.`,
      errorParameters: [
        { name: 'scheduledBy', value: 'Marcus Webb' },
        { name: 'sessionsEndedAt', value: endedAt },
      ],
    });
  });

  it('sends as him again once he signs in after an admin ended his sessions, before it is due', async () => {
    const h = await setUp();
    const admin = await h.as(personNamed('Priya Raman'), 'admin');
    const planned = await h.plan();
    expect((await h.post('/api/sessions/end', admin, { subject: MARCUS.subject })).status).toBe(200);
    h.advance(1_000);
    await h.as(MARCUS); // a sign-in: the provider's word on him, afresh
    h.advance(MINUTE);
    expect(await h.runner.runDue()).toEqual([{ id: planned.id, status: 'accepted', lateMinutes: null }]);
    expect(h.sends()).toBe(1);
  });
});
