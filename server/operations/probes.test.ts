// @vitest-environment node
/**
 * The probes: none calls Spotnana, `/healthz` reports from a background check made at most every 30 s and one
 * at a time (300 probes, one upstream call), `/readyz` follows the console database and the drain, and a
 * draining instance refuses `/api` writes with 503 SERVER_SHUTTING_DOWN before anything else sees them.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createServerApp } from '../http/app.ts';
import { createTestAuth } from '../auth/testing/test-auth.ts';
import { MIGRATION_TABLE } from '../console-db/migrate.ts';
import { testDialects, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createFakeUpstream, FAKE_CREDENTIALS } from '../forwarder/testing/fake-upstream.ts';
import { createDrain } from './drain.ts';
import { readiness } from './probes.ts';
import { createUpstreamHealth } from './upstream-health.ts';

function makeApp(drain = createDrain()) {
  const upstream = createFakeUpstream({ basePath: '' });
  const testAuth = createTestAuth();
  const app = createServerApp(
    {
      upstream: { kind: 'embedded-sandbox' },
      upstreamTimeoutMs: 2_000,
      bodyLimitBytes: 1 << 20,
      staticRoot: null,
    },
    {
      sandbox: { app: upstream.app, credentials: FAKE_CREDENTIALS },
      log: () => {},
      auth: testAuth.auth,
      drain,
    },
  );
  const upstreamCalls = () => upstream.state.requests.length;
  return { app, upstreamCalls, signedIn: testAuth.signedIn, drain };
}

describe('the probes', () => {
  it('/livez and /readyz answer without calling Spotnana', async () => {
    const { app, upstreamCalls } = makeApp();
    expect(await (await app.request('/livez')).json()).toEqual({ status: 'ok' });
    expect(await (await app.request('/readyz')).json()).toEqual({ status: 'ready' });
    expect(upstreamCalls()).toBe(0);
  });

  it('/healthz: 300 probes at once, then 300 more, cost one upstream call', async () => {
    const { app, upstreamCalls } = makeApp();
    const probe = async () =>
      (await app.request('/healthz')).json() as Promise<{ status: string; checkedAt: string }>;
    const first = await Promise.all(Array.from({ length: 300 }, probe));
    const second = await Promise.all(Array.from({ length: 300 }, probe));
    expect(upstreamCalls()).toBe(1);
    expect(new Set([...first, ...second].map((report) => report.checkedAt)).size).toBe(1);
    expect(first[0]).toMatchObject({ status: 'ok', upstream: { kind: 'embedded-sandbox', reachable: true } });
  });

  it('a draining instance is not ready and refuses /api writes with 503 SERVER_SHUTTING_DOWN; reads go on', async () => {
    const { app, upstreamCalls, signedIn, drain } = makeApp();
    const headers = await signedIn('sender');
    drain.start();
    const readyz = await app.request('/readyz');
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toEqual({ status: 'not ready', reason: 'shutting down' });
    expect((await app.request('/livez')).status).toBe(200);

    const send = await app.request('/api/v2/events/ev-1/invite/send', {
      method: 'POST',
      headers,
      body: '{"userIds":[{"id":"u-1"}]}',
    });
    expect(send.status).toBe(503);
    expect(send.headers.get('retry-after')).toBe('5');
    expect((await send.json()).errorMessages[0].errorCode).toBe('SERVER_SHUTTING_DOWN');
    expect(upstreamCalls()).toBe(0);

    const read = await app.request('/api/v2/events/ev-1', { headers });
    expect(read.status).toBe(200);
  });
});

describe('the background upstream check', () => {
  it('checks again only once 30 s have passed since the last check began, answering with the last report meanwhile', async () => {
    let now = 0;
    let checks = 0;
    let release: () => void = () => {};
    const health = createUpstreamHealth(
      () => {
        checks += 1;
        return new Promise((resolve) => {
          release = () =>
            resolve({
              status: checks === 1 ? 'ok' : 'degraded',
              upstream: { kind: 'remote', reachable: true, latencyMs: 1 },
            });
        });
      },
      { now: () => now },
    );
    const waiting = health.current();
    release();
    expect((await waiting).status).toBe('ok');
    now = 29_999;
    expect((await health.current()).status).toBe('ok');
    expect(checks).toBe(1);

    now = 30_000;
    // Due: a check starts behind the known report, which is what probes get until it ends.
    expect((await health.current()).status).toBe('ok');
    expect((await health.current()).status).toBe('ok');
    expect(checks).toBe(2);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await health.current()).status).toBe('degraded');
    expect(checks).toBe(2);
  });
});

describe.each(testDialects)('readiness on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  it('is ready on a migrated database, not while draining, nor with the last migration missing', async () => {
    const consoleDb = await database.open();
    let draining = false;
    const ready = readiness(consoleDb, () => draining);
    expect(await ready()).toEqual({ ready: true });
    draining = true;
    expect(await ready()).toEqual({ ready: false, reason: 'shutting down' });
    draining = false;

    // As if an older instance had migrated: this build's newest migration is not recorded.
    await sql`delete from ${sql.table(MIGRATION_TABLE)}`.execute(consoleDb.db);
    expect(await ready()).toEqual({ ready: false, reason: 'console database migrations pending' });

    await consoleDb.close();
    expect(await ready()).toEqual({ ready: false, reason: 'console database unavailable' });
  });
});
