// @vitest-environment node
/**
 * The flow once more on the real, database-backed stores (SQLite here; the stores' own tests cover PostgreSQL):
 * a session that reads back, a callback that cannot be replayed, a sign-out that ends the session.
 */
import { describe, expect, it } from 'vitest';
import { sqliteDialect, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { SEEDED_PEOPLE } from './embedded-provider/people.ts';
import { createPersonStandings } from './person-standing.ts';
import { DEFAULT_ROLE_MAPPING } from './roles.ts';
import { createSessionStore } from './session-store.ts';
import { consoleKey } from '../console-db/console-keys.ts';
import { createSealedSignInAttempts, SIGN_IN_ATTEMPTS_KEY_NAME } from './sign-in-attempts.ts';
import { Browser, startAuthTestServerWith } from './testing/auth-test-server.ts';

describe('sign-in on the console database', () => {
  const database = useTestDatabase(sqliteDialect);

  it('signs in, refuses the replayed callback, and signs out', async () => {
    const db = await database.open();
    const sessions = createSessionStore(db, {
      idleTimeoutMs: 30 * 60_000,
      absoluteLifetimeMs: 8 * 60 * 60_000,
    });
    const attempts = createSealedSignInAttempts(await consoleKey(db, SIGN_IN_ATTEMPTS_KEY_NAME));
    const server = await startAuthTestServerWith({ sessions, attempts });
    try {
      const [admin] = SEEDED_PEOPLE;
      const browser = new Browser();
      const { after, final } = await browser.signIn(
        server.url,
        admin?.email ?? '',
        admin?.password ?? '',
        '/events',
      );
      expect(final.url).toBe(`${server.url}/events`);
      const id = browser.jar.get(server.cookieName)?.value ?? '';
      expect(await sessions.read(id)).toMatchObject({ subject: admin?.subject, role: 'admin' });

      const callback = after.find((step) => step.url.startsWith(`${server.url}/auth/callback?`));
      expect((await new Browser().request(callback?.url ?? '')).status).toBe(400);

      const out = await browser.request(`${server.url}/auth/sign-out`, { method: 'POST' });
      expect(out.status).toBe(303);
      expect(await sessions.read(id)).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('records a sign-in refused for want of a console group in the person’s standing: nothing is sent as them', async () => {
    const db = await database.open();
    const sessions = createSessionStore(db, {
      idleTimeoutMs: 30 * 60_000,
      absoluteLifetimeMs: 8 * 60 * 60_000,
    });
    const attempts = createSealedSignInAttempts(await consoleKey(db, SIGN_IN_ATTEMPTS_KEY_NAME));
    // Viewers are not let in on this console, so Jonas (console-viewers) maps to nothing.
    const server = await startAuthTestServerWith(
      { sessions, attempts },
      { roles: { ...DEFAULT_ROLE_MAPPING, viewer: ['console-auditors'] } },
    );
    try {
      const jonas = SEEDED_PEOPLE.find((person) => person.email === 'jonas.becker@acme.example')!;
      const standings = createPersonStandings(db);
      // What an earlier sign-in said of him (he scheduled sends then).
      const earlier = Date.now() - 60_000;
      await standings.vouched(jonas, 'sender', earlier);
      const { final } = await new Browser().signIn(server.url, jonas.email, jonas.password);
      expect(final.status).toBe(403);
      const standing = await standings.get(jonas.subject);
      expect(standing).toMatchObject({ role: undefined, reason: 'no-group' });
      expect(standing!.checkedAt).toBeGreaterThan(earlier);
    } finally {
      await server.close();
    }
  });
});
