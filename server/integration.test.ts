// @vitest-environment node
/**
 * The server with the real embedded sandbox: in process, and as two running instances where the second uses the
 * first one's `/sandbox` as its "real tenant" over loopback HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse, ListEventsResponse } from '#contract';
import { createServerApp } from './http/app.ts';
import { embeddedIssuerEnv, signInOverHttp, type SignedInSession } from './auth/testing/sign-in-over-http.ts';
import { createTestAuth } from './auth/testing/test-auth.ts';
import { loadConfig } from './config.ts';
import { launchServer, type RunningServer } from './launch.ts';
import type { RequestLogEntry } from './http/request-log.ts';
import {
  createSandbox,
  openSandboxDatabase,
  SANDBOX_CREDENTIALS,
  SEED_COMPANY_ID,
  type SandboxDatabase,
} from '../sandbox/index.ts';

interface SandboxCall {
  path: string;
  status: number;
}

/** Lists upcoming events as a signed-in manager on the console's page. */
const listAs = (session: { headers: Record<string, string> }): RequestInit => ({
  method: 'POST',
  headers: session.headers,
  body: JSON.stringify({ listEventType: 'UPCOMING' }),
});

const testAuth = createTestAuth();
let listUpcoming: RequestInit;
let dir: string;
let db: SandboxDatabase;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-integration-'));
  db = openSandboxDatabase(join(dir, 'sandbox.db'));
  listUpcoming = listAs({ headers: await testAuth.signedIn('viewer') });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the server app with the embedded sandbox', () => {
  const app = () =>
    createServerApp(
      {
        upstream: { kind: 'embedded-sandbox' },
        upstreamTimeoutMs: 5_000,
        bodyLimitBytes: 2 * 1024 * 1024,
        staticRoot: null,
      },
      {
        sandbox: { app: createSandbox({ db }), credentials: SANDBOX_CREDENTIALS },
        log: () => {},
        auth: testAuth.auth,
      },
    );

  /** A server and sandbox on test clocks; the sandbox's calls are recorded through a wrapper around its app. */
  const clockedApp = (
    sandboxNow: () => number,
    calls: SandboxCall[],
    consoleNow: () => number = sandboxNow,
  ) => {
    const sandbox = createSandbox({ db, now: () => new Date(sandboxNow()), tokenTtlSeconds: 60 });
    const recorded = {
      fetch: async (request: Request) => {
        const response = await sandbox.fetch(request);
        calls.push({ path: new URL(request.url).pathname, status: response.status });
        return response;
      },
    };
    return createServerApp(
      {
        upstream: { kind: 'embedded-sandbox' },
        upstreamTimeoutMs: 5_000,
        bodyLimitBytes: 1024,
        staticRoot: null,
      },
      {
        sandbox: { app: recorded, credentials: SANDBOX_CREDENTIALS },
        log: () => {},
        now: consoleNow,
        auth: testAuth.auth,
      },
    );
  };
  const sandboxCalls = (calls: SandboxCall[]) =>
    calls.map((call) => (call.status === 200 ? call.path : `${call.path} ${call.status}`));

  it('lists the seeded company events through /api', async () => {
    const response = await app().request('/api/v2/events/list', listUpcoming);
    expect(response.status).toBe(200);
    const body = ListEventsResponse.parse(await response.json());
    expect(body.events?.length).toBeGreaterThan(0);
    for (const event of body.events ?? [])
      expect(event.companyId?.id ?? SEED_COMPANY_ID).toBe(SEED_COMPANY_ID);
  });

  it('answers /sandbox without a bearer with 401 in the envelope', async () => {
    const response = await app().request('/sandbox/v2/events/list', listUpcoming);
    expect(response.status).toBe(401);
    expect(ErrorResponse.parse(await response.json()).errorMessages?.length).toBeGreaterThan(0);
  });

  it('passes a sandbox 400 envelope through /api unchanged', async () => {
    const server = app();
    const direct = await server.request('/api/v2/events/list', { ...listUpcoming, body: '{"limit": "ten"}' });
    expect(direct.status).toBe(400);
    const body = ErrorResponse.parse(await direct.json());
    expect(body.errorMessages?.[0]?.errorCode).toEqual(expect.any(String));
  });

  it('refreshes the token before the sandbox expires it', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const tokenLog: SandboxCall[] = [];
    const server = clockedApp(() => clock, tokenLog);
    expect((await server.request('/api/v2/events/list', listUpcoming)).status).toBe(200);
    clock += 57_000; // within the last 10% of the 60 s lifetime
    expect((await server.request('/api/v2/events/list', listUpcoming)).status).toBe(200);
    expect(sandboxCalls(tokenLog)).toEqual([
      '/v2/auth/oauth2-token',
      '/v2/events/list',
      '/v2/auth/oauth2-token',
      '/v2/events/list',
    ]);
  });

  it('fetches a new token and retries once when the sandbox rejects the cached one', async () => {
    let sandboxClock = Date.parse('2030-01-01T00:00:00Z');
    const calls: SandboxCall[] = [];
    // The console's clock stands still, so only the sandbox knows the token has expired.
    const server = clockedApp(
      () => sandboxClock,
      calls,
      () => 0,
    );
    expect((await server.request('/api/v2/events/list', listUpcoming)).status).toBe(200);
    sandboxClock += 120_000;
    expect((await server.request('/api/v2/events/list', listUpcoming)).status).toBe(200);
    expect(sandboxCalls(calls)).toEqual([
      '/v2/auth/oauth2-token',
      '/v2/events/list',
      '/v2/events/list 401',
      '/v2/auth/oauth2-token',
      '/v2/events/list',
    ]);
  });

  it('reports itself healthy', async () => {
    const response = await app().request('/healthz');
    expect(await response.json()).toMatchObject({
      status: 'ok',
      upstream: { kind: 'embedded-sandbox', reachable: true, status: 200 },
    });
  });
});

describe('two instances: B uses A’s sandbox as its Spotnana tenant', () => {
  const logsA: RequestLogEntry[] = [];
  const logsB: RequestLogEntry[] = [];
  let a: RunningServer;
  let b: RunningServer;
  let badB: RunningServer;
  /** A viewer signed in on each instance; B and badB sign in through A's embedded provider. */
  let onA: SignedInSession;
  let onB: SignedInSession;
  let onBadB: SignedInSession;

  beforeAll(async () => {
    const common = { PORT: '0', HOST: '127.0.0.1', UPSTREAM_TIMEOUT_MS: '5000' };
    a = await launchServer(
      {
        ...loadConfig({ ...common, SANDBOX_DB: join(dir, 'sandbox.db'), CONSOLE_DB: join(dir, 'a.db') }),
        staticRoot: null,
      },
      { log: (e) => logsA.push(e) },
    );
    const remote = {
      ...common,
      ...embeddedIssuerEnv(`${a.url}/oidc`),
      SPOTNANA_BASE_URL: `${a.url}/sandbox`,
      SPOTNANA_CLIENT_ID: SANDBOX_CREDENTIALS.clientId,
    };
    b = await launchServer(
      {
        ...loadConfig({
          ...remote,
          SPOTNANA_CLIENT_SECRET: SANDBOX_CREDENTIALS.clientSecret,
          CONSOLE_DB: join(dir, 'b.db'),
        }),
        staticRoot: null,
      },
      { log: (e) => logsB.push(e) },
    );
    badB = await launchServer(
      {
        ...loadConfig({
          ...remote,
          SPOTNANA_CLIENT_SECRET: 'not-the-secret',
          CONSOLE_DB: join(dir, 'bad.db'),
        }),
        staticRoot: null,
      },
      { log: () => {} },
    );
    [onA, onB, onBadB] = await Promise.all([
      signInOverHttp(a.url, 'viewer'),
      signInOverHttp(b.url, 'viewer'),
      signInOverHttp(badB.url, 'viewer'),
    ]);
  });
  afterAll(async () => {
    await Promise.all([b?.close(), badB?.close()]);
    await a?.close();
  });

  it('answers B’s /api/v2/events/list with A’s events, fetching the token once', async () => {
    const fromA = await (await fetch(`${a.url}/api/v2/events/list`, listAs(onA))).json();
    const tokenCallsBefore = logsA.filter((e) => e.path === '/sandbox/v2/auth/oauth2-token').length;
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(`${b.url}/api/v2/events/list`, listAs(onB));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(fromA);
    }
    const tokenCalls =
      logsA.filter((e) => e.path === '/sandbox/v2/auth/oauth2-token').length - tokenCallsBefore;
    expect(tokenCalls).toBe(1);
    expect(logsA.filter((e) => e.path === '/sandbox/v2/events/list' && e.status === 200)).toHaveLength(3);
  });

  it('carries B’s request id into A’s log, as the client’s id beside A’s own', async () => {
    const response = await fetch(`${b.url}/api/v2/events/list`, listAs(onB));
    const id = response.headers.get('x-request-id');
    expect(logsB.at(-1)?.requestId).toBe(id);
    const onA = logsA.filter((e) => e.clientRequestId === id);
    expect(onA.map((e) => e.path)).toContain('/sandbox/v2/events/list');
    expect(onA.every((e) => e.requestId !== id)).toBe(true);
  });

  it('shows a bad secret as a credentials problem', async () => {
    const response = await fetch(`${badB.url}/api/v2/events/list`, listAs(onBadB));
    expect(response.status).toBe(401);
    expect(ErrorResponse.parse(await response.json()).errorMessages?.[0]?.errorCode).toBe(
      'UPSTREAM_CREDENTIALS_REJECTED',
    );
    expect(await (await fetch(`${badB.url}/healthz`)).json()).toMatchObject({
      status: 'degraded',
      upstream: { kind: 'remote', reachable: true, status: 401, errorCode: 'UPSTREAM_CREDENTIALS_REJECTED' },
    });
  });

  it('serves no sandbox of its own when pointed at a remote upstream', async () => {
    expect((await fetch(`${b.url}/sandbox/v2/events/list`, listAs(onB))).status).toBe(404);
  });

  it('maps A going away to 502 on B', async () => {
    await a.close();
    const response = await fetch(`${b.url}/api/v2/events/list`, listAs(onB));
    expect(response.status).toBe(502);
    expect(ErrorResponse.parse(await response.json()).errorMessages?.[0]?.errorCode).toBe(
      'UPSTREAM_UNREACHABLE',
    );
  });
});
