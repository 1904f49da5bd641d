// @vitest-environment node
/**
 * The audit lines, read from what the server prints: a sign-in, a failed one with its reason, a sign-out, a
 * refused role, a send refused by the limit, and sessions ended by idle time, lifetime and an admin. Each names
 * the subject (never an email or a name) with the role, and the request id where the app names requests.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEEDED_PEOPLE } from '../auth/embedded-provider/people.ts';
import { createSessionStore } from '../auth/session-store.ts';
import { Browser, startAuthTestServer } from '../auth/testing/auth-test-server.ts';
import { sqliteDialect, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createHistoryApp } from '../history/testing/history-app.ts';
import { memoryLimiters } from '../limits/limiter-factory.ts';
import { createLimits } from '../limits/limits.ts';
import { logger } from './logger.ts';

let printed: string[] = [];
let level: string;
beforeEach(() => {
  printed = [];
  level = logger.level;
  logger.level = 'info';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  logger.level = level;
});

const auditLines = () =>
  printed
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"msg":"audit"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const [PRIYA, MARCUS] = SEEDED_PEOPLE;

describe('audit lines of signing in and out', () => {
  it('a sign-in, a wrong sign-in attempt and a sign-out, with subject, role and request id', async () => {
    const server = await startAuthTestServer();
    try {
      const browser = new Browser();
      const { final } = await browser.signIn(server.url, MARCUS!.email, MARCUS!.password);
      expect(final.status).toBeLessThan(400);
      await browser.request(`${server.url}/auth/sign-out`, { method: 'POST' });
      await new Browser().request(`${server.url}/auth/callback?code=x&state=y`);

      expect(auditLines()).toEqual([
        expect.objectContaining({
          level: 'info',
          audit: 'sign-in',
          subject: MARCUS!.subject,
          role: 'sender',
        }),
        expect.objectContaining({ audit: 'sign-out', subject: MARCUS!.subject, role: 'sender' }),
        expect.objectContaining({ audit: 'sign-in-failed', reason: 'no-attempt' }),
      ]);
      const text = printed.join('');
      for (const personal of [MARCUS!.email, MARCUS!.name, MARCUS!.password])
        expect(text).not.toContain(personal);
    } finally {
      await server.close();
    }
  });
});

describe('audit lines of refusals and ended sessions', () => {
  const database = useTestDatabase(sqliteDialect);

  it('a role refused and a send refused by the limit', async () => {
    const limits = createLimits(memoryLimiters(), { sendsPer10Minutes: 1 });
    const h = createHistoryApp(await database.open(), { limits });
    const viewer = await h.as('Jonas Becker', 'viewer');
    const sender = await h.as('Marcus Webb');
    expect((await h.send(viewer, { userIds: [{ id: 'u-1' }] })).status).toBe(403);
    expect((await h.send(sender, { userIds: [{ id: 'u-1' }] })).status).toBe(200);
    expect((await h.send(sender, { userIds: [{ id: 'u-2' }] })).status).toBe(429);

    expect(auditLines()).toEqual([
      expect.objectContaining({ audit: 'role-refused', subject: 'sub-jonas-becker', role: 'viewer' }),
      expect.objectContaining({
        audit: 'limit-refused',
        subject: 'sub-marcus-webb',
        role: 'sender',
        reason: 'sends',
      }),
    ]);
    for (const line of auditLines()) expect(line.requestId).toEqual(expect.any(String));
    expect(printed.join('')).not.toContain('acme.example');
  });

  it('sessions ended by idle time (on use), by their lifetime (on purge) and by an admin', async () => {
    let now = 1_000_000;
    const sessions = createSessionStore(await database.open(), {
      idleTimeoutMs: 60_000,
      absoluteLifetimeMs: 600_000,
      now: () => now,
    });
    const person = (subject: string) => ({
      subject,
      name: 'Some One',
      email: `${subject}@acme.example`,
      role: 'sender' as const,
    });
    const idle = await sessions.create(person('sub-idle'));
    await sessions.create(person('sub-long'));
    now += 61_000;
    expect(await sessions.read(idle)).toBeUndefined();
    expect(await sessions.read(idle)).toBeUndefined();
    now += 600_000;
    expect(await sessions.purgeExpired()).toBe(1);

    expect(auditLines()).toEqual([
      expect.objectContaining({
        audit: 'session-ended',
        subject: 'sub-idle',
        role: 'sender',
        reason: 'idle',
      }),
      expect.objectContaining({
        audit: 'session-ended',
        subject: 'sub-long',
        role: 'sender',
        reason: 'lifetime',
      }),
    ]);
  });

  it('an admin ending someone’s sessions names both', async () => {
    const h = createHistoryApp(await database.open());
    const admin = await h.as({ subject: PRIYA!.subject, name: PRIYA!.name, email: PRIYA!.email }, 'admin');
    await h.as('Marcus Webb');
    const response = await h.app.request('/api/sessions/end', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ subject: 'sub-marcus-webb' }),
    });
    expect(response.status).toBe(200);
    expect(auditLines()).toEqual([
      expect.objectContaining({
        audit: 'session-ended',
        subject: 'sub-marcus-webb',
        reason: 'admin',
        by: PRIYA!.subject,
      }),
    ]);
  });
});
