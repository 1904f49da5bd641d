// @vitest-environment node
/**
 * `/metrics`: served only to loopback or the holder of METRICS_TOKEN, and counting what an operator graphs and
 * alerts on (requests by route, upstream calls and token fetches, sends by outcome, refusals by kind, active
 * sessions, the process), with label values from closed sets only: no id, email or name ever appears.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { launchServer, type RunningServer } from '../launch.ts';
import { sqliteDialect, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createHistoryApp, EVENT } from '../history/testing/history-app.ts';
import { createMetrics } from './metrics.ts';

const TOKEN = 'metrics-test-token-0123456789';

describe('/metrics', () => {
  const database = useTestDatabase(sqliteDialect);

  async function setup() {
    const registry = createMetrics({ activeSessions: async () => 3 });
    const h = createHistoryApp(await database.open(), { metrics: { registry, token: TOKEN } });
    const scrape = async () => {
      const response = await h.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      return response.text();
    };
    return { ...h, scrape };
  }

  it('is not there for a request from elsewhere without the token, or with a wrong one', async () => {
    const { app } = await setup();
    expect((await app.request('/metrics')).status).toBe(404);
    const wrong = await app.request('/metrics', {
      headers: { authorization: 'Bearer metrics-test-token-0123456788' },
    });
    expect(wrong.status).toBe(404);
  });

  it('counts sends by outcome, travelers invited, upstream calls, token fetches and requests by route pattern', async () => {
    const { as, send, state, scrape } = await setup();
    const marcus = await as('Marcus Webb');
    expect((await send(marcus, { userIds: [{ id: 'u-1' }, { id: 'u-2' }] })).status).toBe(200);
    state.handler = () =>
      Response.json({ errorMessages: [{ errorCode: 'EVENT_CANCELLED' }] }, { status: 400 });
    expect((await send(marcus, { userIds: [{ id: 'u-3' }] })).status).toBe(400);
    expect((await send(marcus, { userIds: [{ id: 'u-4' }] }, undefined, 'test')).status).toBe(400);

    const text = await scrape();
    expect(text).toContain('console_sends_total{action="send",outcome="accepted"} 1');
    expect(text).toContain('console_sends_total{action="send",outcome="refused"} 1');
    expect(text).toContain('console_sends_total{action="test",outcome="refused"} 1');
    expect(text).toContain('console_travelers_invited_total 2');
    expect(text).toContain('console_upstream_requests_total{operation="sendInvite",status="200"} 1');
    expect(text).toContain('console_upstream_requests_total{operation="sendInvite",status="400"} 1');
    expect(text).toContain('console_upstream_token_fetches_total{status="200"} 1');
    expect(text).toContain(
      'console_http_requests_total{route="/api/v2/events/:eventId/invite/send",method="POST",status="200"} 1',
    );
    expect(text).toMatch(/console_upstream_request_duration_seconds_count\{operation="sendInvite"\} 2/);
    expect(text).toContain('console_active_sessions 3');
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    for (const personal of [EVENT, 'u-1', 'Marcus', 'acme.example']) expect(text).not.toContain(personal);
  });

  it('counts refusals by kind: session, role, cross-site, parameter', async () => {
    const { app, as, send, scrape } = await setup();
    const viewer = await as('Jonas Becker', 'viewer');
    const sender = await as('Marcus Webb');
    expect((await send(viewer, { userIds: [{ id: 'u-1' }] })).status).toBe(403);
    expect((await send({ ...sender, origin: 'https://evil.example' }, { userIds: [] })).status).toBe(403);
    expect((await send({ 'content-type': 'application/json', origin: sender.origin }, {})).status).toBe(401);
    const badId = await app.request('/api/v2/events/a%2Fb/invite/send', {
      method: 'POST',
      headers: sender,
      body: '{}',
    });
    expect(badId.status).toBe(400);

    const text = await scrape();
    for (const kind of ['role', 'cross-site', 'session', 'parameter']) {
      expect(text).toContain(`console_refusals_total{kind="${kind}"} 1`);
    }
    expect(text).not.toContain('a/b');
  });
});

/** `GET /metrics` from loopback with the Host header given (fetch would set its own). */
function statusWithHost(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/metrics', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('/metrics on a running server', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-metrics-'));
    const config = loadConfig({
      PORT: '0',
      CONSOLE_DB: join(dir, 'console.db'),
      SANDBOX_DB: join(dir, 'sandbox.db'),
    });
    server = await launchServer({ ...config, staticRoot: null }, { log: () => {} });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a scraper on this machine, but not one whose request came through a proxy', async () => {
    const direct = await fetch(`${server.url}/metrics`);
    expect(direct.status).toBe(200);
    expect(await direct.text()).toContain('console_active_sessions 0');
    const proxied = await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.status).toBe(404);
    // A proxy on this machine that adds no header still passes the public name (or its pages would loop).
    expect(await statusWithHost(server.port, 'invites.example.com')).toBe(404);
    expect(await statusWithHost(server.port, `127.0.0.1:${server.port}`)).toBe(200);
  });
});
