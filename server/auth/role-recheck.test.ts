// @vitest-environment node
/**
 * Roles follow the provider: a person signs in through the embedded provider (real HTTP, the real code flow, the
 * console database), then an administrator moves them between groups in the provider's directory. The console's
 * clock is the test's; `GET /auth/session` is any request of theirs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteDialect, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { newConsoleKey } from '../console-db/console-keys.ts';
import { SEEDED_PEOPLE, type SeededPerson } from './embedded-provider/people.ts';
import { createOidcClient, embeddedOidcSettings, type OidcClient } from './oidc-client.ts';
import { withRoleRecheck, type RoleRecheckLogEntry } from './role-recheck.ts';
import { createSessionStore } from './session-store.ts';
import { createSealedSignInAttempts } from './sign-in-attempts.ts';
import { Browser, startAuthTestServerWith, type AuthTestServer } from './testing/auth-test-server.ts';

const MINUTE = 60_000;
const RECHECK = 10 * MINUTE;
const BACKOFF = 30_000;
const MARCUS = SEEDED_PEOPLE.find((person) => person.groups.includes('console-senders'));
if (MARCUS === undefined) throw new Error('a seeded sender is expected');

const database = useTestDatabase(sqliteDialect);
const servers: AuthTestServer<ReturnType<typeof withRoleRecheck>>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A console whose sessions are re-checked, Marcus (a sender, groups changeable) and a clock the test moves. */
async function setUp() {
  let at = Date.UTC(2030, 0, 1, 9);
  const now = () => at;
  const person: SeededPerson = { ...MARCUS!, groups: ['console-senders'] };
  const consoleDb = await database.open();
  const store = createSessionStore(consoleDb, {
    idleTimeoutMs: 60 * MINUTE,
    absoluteLifetimeMs: 12 * 60 * MINUTE,
    now,
  });
  const log: RoleRecheckLogEntry[] = [];
  // The provider's address is known once the server listens, after the store is made.
  const provider: { client?: OidcClient } = {};
  let rechecks = 0;
  const sessions = withRoleRecheck(store, {
    provider: {
      recheck: (subject, tokens) => {
        rechecks += 1;
        return provider.client!.recheck(subject, tokens);
      },
    },
    roles: { admin: ['console-admins'], sender: ['console-senders'], viewer: ['console-viewers'] },
    intervalMs: RECHECK,
    backoffMs: BACKOFF,
    now,
    log: (entry) => log.push(entry),
  });
  const server = await startAuthTestServerWith(
    { sessions, attempts: createSealedSignInAttempts(newConsoleKey()) },
    { people: [person] },
  );
  servers.push(server);
  provider.client = createOidcClient(embeddedOidcSettings(server.provider), { discoveryRetryDelaysMs: [] });

  const browser = new Browser();
  await browser.signIn(server.url, person.email, person.password);
  const row = async () => consoleDb.db.selectFrom('sessions').selectAll().executeTakeFirst();
  const session = () => browser.request(`${server.url}/auth/session`);
  const role = async () => {
    const visit = await session();
    return visit.status === 200 ? (JSON.parse(visit.body) as { role: string }).role : visit.status;
  };
  return {
    server,
    sessions,
    person,
    browser,
    log,
    row,
    session,
    role,
    rechecks: () => rechecks,
    advance: (ms: number) => void (at += ms),
  };
}

/** Nothing the provider gave is in a body a browser read or in a log line. */
function expectNoTokenLeaked(browser: Browser, log: RoleRecheckLogEntry[], tokens: (string | null)[]) {
  const everything = [...browser.bodies, ...log.map((entry) => JSON.stringify(entry))].join('\n');
  for (const token of tokens) if (token) expect(everything).not.toContain(token);
}

describe('the role re-check', () => {
  it('reads the groups again after ROLE_RECHECK_MINUTES, not before: the new role takes effect and is stored', async () => {
    const t = await setUp();
    const atSignIn = await t.row();
    expect(atSignIn?.refresh_token).toEqual(expect.any(String));
    expect(await t.role()).toBe('sender');

    t.person.groups = ['console-admins'];
    t.advance(RECHECK - 1);
    expect(await t.role()).toBe('sender');
    expect(t.rechecks()).toBe(0);
    t.advance(1);
    expect(await t.role()).toBe('admin');
    const after = await t.row();
    expect(after?.role).toBe('admin');
    // The provider rotates its refresh tokens: the new one is kept, or the next check would be refused.
    expect(after?.refresh_token).toEqual(expect.any(String));
    expect(after?.refresh_token).not.toBe(atSignIn?.refresh_token);

    t.person.groups = ['console-viewers'];
    t.advance(RECHECK);
    expect(await t.role()).toBe('viewer');
    expect(t.rechecks()).toBe(2);
    expect(t.log.map((entry) => entry.msg)).toEqual([
      'role re-check: sender is now admin',
      'role re-check: admin is now viewer',
    ]);
    expectNoTokenLeaked(t.browser, t.log, [
      atSignIn!.refresh_token,
      atSignIn!.access_token,
      after!.refresh_token,
      after!.access_token,
    ]);
  });

  it('ends the session of a person in no mapped group any more: their next request gets 401 SIGN_IN_REQUIRED', async () => {
    const t = await setUp();
    t.person.groups = ['marketing'];
    t.advance(RECHECK);
    const visit = await t.session();
    expect(visit.status).toBe(401);
    expect(JSON.parse(visit.body)).toMatchObject({ errorMessages: [{ errorCode: 'SIGN_IN_REQUIRED' }] });
    expect(await t.row()).toBeUndefined();
  });

  it('keeps the role while the provider is down, and asks again after a short backoff', async () => {
    const t = await setUp();
    t.person.groups = ['console-viewers'];
    t.server.providerOutage.down = true;
    t.advance(RECHECK);
    expect(await t.role()).toBe('sender');
    expect(t.log).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'role re-check: provider unavailable; role kept',
        detail: expect.stringMatching(/^OidcUnavailableError < TypeError/),
      }),
    ]);
    expect(await t.row()).toMatchObject({ role: 'sender' });

    // Not on every request meanwhile: once the backoff is over.
    t.server.providerOutage.down = false;
    t.advance(BACKOFF - 1);
    expect(await t.role()).toBe('sender');
    expect(t.rechecks()).toBe(1);
    t.advance(1);
    expect(await t.role()).toBe('viewer');
    expect(t.rechecks()).toBe(2);
  });

  it('asks the provider once for twenty requests of one session at the same time', async () => {
    const t = await setUp();
    t.person.groups = ['console-admins'];
    t.advance(RECHECK);
    const visits = await Promise.all(Array.from({ length: 20 }, () => t.session()));
    expect(visits.map((visit) => JSON.parse(visit.body).role)).toEqual(Array(20).fill('admin'));
    expect(t.rechecks()).toBe(1);
  });

  it('asks the provider once when several scheduled sends of one person come due together, and keeps the session', async () => {
    const t = await setUp();
    t.advance(MINUTE);
    // Two refresh grants with one rotating token would be a replay: the provider refuses it and ends the session.
    await Promise.all(Array.from({ length: 4 }, () => t.sessions.recheckPerson(t.person.subject)));
    expect(t.rechecks()).toBe(1);
    // Asked again just after, on another instance say: the answer of a moment ago stands.
    await t.sessions.recheckPerson(t.person.subject);
    expect(t.rechecks()).toBe(1);
    expect(await t.role()).toBe('sender');
    t.advance(MINUTE);
    await t.sessions.recheckPerson(t.person.subject);
    expect(t.rechecks()).toBe(2);
    expect(await t.role()).toBe('sender');
  });

  it('reads userinfo with the access token when there is no refresh token, and ends a session with no token at all', async () => {
    const t = await setUp();
    const db = (await database.open()).db;
    await db.updateTable('sessions').set({ refresh_token: null }).execute();
    t.person.groups = ['console-admins'];
    t.advance(RECHECK);
    expect(await t.role()).toBe('admin');

    await db.updateTable('sessions').set({ access_token: null }).execute();
    t.advance(RECHECK);
    expect(await t.role()).toBe(401);
  });

  it('ends the session when the provider refuses its refresh token (revoked, expired, unknown)', async () => {
    const t = await setUp();
    const db = (await database.open()).db;
    await db.updateTable('sessions').set({ refresh_token: 'revoked-at-the-provider' }).execute();
    t.advance(RECHECK);
    expect(await t.role()).toBe(401);
    expect(await t.row()).toBeUndefined();
    expect(t.log).toEqual([
      expect.objectContaining({ msg: 'role re-check: the provider refused; session ended' }),
    ]);
  });
});
