// @vitest-environment node
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ErrorResponse } from '#contract';
import { createServerApp, type ServerConfig, type ServerDeps } from './app.ts';
import { createTestAuth, type SignedInHeaders } from '../auth/testing/test-auth.ts';
import type { RequestLogEntry } from './request-log.ts';
import { createFakeUpstream, FAKE_CREDENTIALS } from '../forwarder/testing/fake-upstream.ts';
import { logger } from '../operations/logger.ts';

let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>Invites Console</title><div id="root"></div>',
  );
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js'), 'console.log("app")');
  // What the build's compression plugin writes beside each text file (contents only need to differ here).
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js.br'), 'brotli bytes');
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js.gz'), 'gzip bytes');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  mkdirSync(join(dist, '.vite'));
  writeFileSync(join(dist, '.vite', 'manifest.json'), '{"index.html":{"file":"assets/index-Ab12Cd34.js"}}');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const testAuth = createTestAuth();
/** A signed-in sender on the console's page: these tests are about everything after the guards (auth.test.ts). */
let sender: SignedInHeaders;
beforeAll(async () => {
  sender = await testAuth.signedIn('sender');
});

/** `app.request` with the sender's cookie and Origin added unless the test set its own. */
function signedIn(app: ReturnType<typeof createServerApp>) {
  return {
    request(path: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      for (const name of ['cookie', 'origin'] as const) {
        if (!headers.has(name)) headers.set(name, sender[name]);
      }
      return app.request(path, { ...init, headers });
    },
  };
}

function makeApp(config: Partial<ServerConfig> = {}, deps: Partial<ServerDeps> = {}) {
  const sandbox = createFakeUpstream({ basePath: '' });
  const logs: RequestLogEntry[] = [];
  const app = createServerApp(
    {
      upstream: { kind: 'embedded-sandbox' },
      upstreamTimeoutMs: 2_000,
      bodyLimitBytes: 2 * 1024 * 1024,
      staticRoot: dist,
      ...config,
    },
    {
      sandbox: { app: sandbox.app, credentials: FAKE_CREDENTIALS },
      log: (entry) => logs.push(entry),
      auth: testAuth.auth,
      ...deps,
    },
  );
  return { app: signedIn(app), sandbox, logs };
}

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const listEvents = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ listEventType: 'UPCOMING' }),
};

async function errorCodeOf(response: Response) {
  const body = ErrorResponse.parse(await response.json());
  return body.errorMessages?.[0]?.errorCode;
}

describe('the API through the server', () => {
  it('answers /api with the embedded upstream', async () => {
    const { app } = makeApp();
    const response = await app.request('/api/v2/events/list', listEvents);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ events: [{ id: 'ev-1' }] });
  });

  it('serves the embedded upstream itself at /sandbox, with its own bearer check', async () => {
    const { app } = makeApp();
    const response = await app.request('/sandbox/v2/events/list', listEvents);
    expect(response.status).toBe(401);
    expect(await errorCodeOf(response)).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown /api path with a 404 envelope, never the page', async () => {
    const { app } = makeApp();
    for (const path of ['/api', '/api/', '/api/nothing', '/api/v2/auth/oauth2-token']) {
      const response = await app.request(path, { headers: html });
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
    }
  });

  it('turns a crash into a 500 envelope', async () => {
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => {});
    const { app } = makeApp(
      {},
      {
        sandbox: {
          app: {
            fetch: () => {
              throw new Error('boom with "request data"');
            },
          },
          credentials: FAKE_CREDENTIALS,
        },
      },
    );
    const response = await app.request('/sandbox/v2/events/list', listEvents);
    expect(response.status).toBe(500);
    expect(await errorCodeOf(response)).toBe('INTERNAL_ERROR');
    // Logged with where it happened, not with its message (which may quote request data).
    expect(logged).toHaveBeenCalledOnce();
    expect(JSON.stringify(logged.mock.calls)).not.toContain('request data');
  });
});

describe('security headers', () => {
  const expectSecurityHeaders = (response: Response, what: string) => {
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp, what).toContain("default-src 'self'");
    expect(csp, what).toMatch(/script-src 'self'(;|$)/);
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toContain("object-src 'none'");
    expect(csp, what).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
    expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  };

  it('are on pages, assets, API answers and every kind of error', async () => {
    const { app, sandbox } = makeApp({ bodyLimitBytes: 100 });
    const cases: [string, Response | Promise<Response>][] = [
      ['page', app.request('/', { headers: html })],
      ['deep link', app.request('/events/abc', { headers: html })],
      ['asset', app.request('/assets/index-Ab12Cd34.js')],
      ['api 200', app.request('/api/v2/events/list', listEvents)],
      ['api 403', app.request('/api/v2/events/forbidden')],
      ['api 404', app.request('/api/nope')],
      ['413', app.request('/api/v2/events/list', { ...listEvents, body: 'x'.repeat(200) })],
      ['missing asset', app.request('/assets/missing.js')],
      ['sandbox 401', app.request('/sandbox/v2/events/list', listEvents)],
      ['healthz', app.request('/healthz')],
    ];
    for (const [what, pending] of cases) expectSecurityHeaders(await pending, what);
    sandbox.state.tokenStatus = 503;
    expectSecurityHeaders(await app.request('/api/v2/events/ev-2'), '502');
  });

  it('include HSTS when the public URL is https, and not over plain http', async () => {
    const plain = await makeApp().app.request('/healthz');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const https = createTestAuth('https://console.example.com');
    const { app } = makeApp({}, { auth: https.auth });
    for (const path of ['/healthz', '/assets/index-Ab12Cd34.js', '/api/nope']) {
      const response = await app.request(path);
      expect(response.headers.get('strict-transport-security'), path).toBe(
        'max-age=31536000; includeSubDomains',
      );
    }
  });
});

describe('body size limit', () => {
  it('refuses a body over the limit with 413 in the envelope, with or without Content-Length', async () => {
    const { app, sandbox } = makeApp({ bodyLimitBytes: 1024 });
    const big = JSON.stringify({ userIds: Array.from({ length: 100 }, (_, i) => ({ id: `user-${i}` })) });
    const declared = await app.request('/api/v2/events/ev-1/invite/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(await errorCodeOf(declared)).toBe('PAYLOAD_TOO_LARGE');
    const streamed = await app.request('/api/v2/events/ev-1/invite/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(streamed.status).toBe(413);
    expect(sandbox.state.requests).toEqual([]);
  });

  it('lets a body within the limit through', async () => {
    const { app } = makeApp({ bodyLimitBytes: 1024 });
    const response = await app.request('/api/v2/events/ev-1/invite/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userIds: [{ id: 'u-1' }] }),
    });
    expect(response.status).toBe(200);
  });
});

describe('/healthz', () => {
  it('reports a working upstream', async () => {
    const { app } = makeApp();
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      upstream: { kind: 'embedded-sandbox', reachable: true, status: 200, latencyMs: expect.any(Number) },
      checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('reuses the cached token rather than signing in per probe', async () => {
    const { app, sandbox } = makeApp();
    for (let i = 0; i < 3; i += 1) await app.request('/healthz');
    await app.request('/api/v2/events/list', listEvents);
    expect(sandbox.state.tokenCalls).toBe(1);
  });

  it('still answers 200 when the upstream is unreachable, and says so', async () => {
    const { app } = makeApp(
      { upstream: { kind: 'remote', baseUrl: 'http://upstream.test', credentials: FAKE_CREDENTIALS } },
      { fetch: () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })) },
    );
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'degraded',
      upstream: {
        kind: 'remote',
        reachable: false,
        latencyMs: expect.any(Number),
        errorCode: 'UPSTREAM_UNREACHABLE',
      },
      checkedAt: expect.any(String),
    });
  });

  it('reports rejected credentials as reachable but degraded', async () => {
    const upstream = createFakeUpstream();
    const { app } = makeApp(
      {
        upstream: {
          kind: 'remote',
          baseUrl: 'http://upstream.test/spotnana',
          credentials: { ...FAKE_CREDENTIALS, clientSecret: 'wrong' },
        },
      },
      { fetch: upstream.fetch },
    );
    expect(await (await app.request('/healthz')).json()).toMatchObject({
      status: 'degraded',
      upstream: { reachable: true, status: 401, errorCode: 'UPSTREAM_CREDENTIALS_REJECTED' },
    });
  });
});

describe('static files', () => {
  it('serves index.html at / without long caching', async () => {
    const { app } = makeApp();
    const response = await app.request('/', { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('Invites Console');
  });

  it('serves the page at / and /index.html to any client, HEAD included', async () => {
    const { app } = makeApp();
    for (const path of ['/', '/index.html']) {
      const get = await app.request(path, { headers: { accept: '*/*' } });
      expect(get.status, path).toBe(200);
      expect(await get.text(), path).toContain('Invites Console');
      const head = await app.request(path, { method: 'HEAD' });
      expect(head.status, path).toBe(200);
      expect(head.headers.get('content-type'), path).toMatch(/^text\/html/);
    }
  });

  it('caches hashed assets for a year', async () => {
    const { app } = makeApp();
    const response = await app.request('/assets/index-Ab12Cd34.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('sends the brotli or gzip copy of a file to a browser that accepts it, the file itself otherwise', async () => {
    const { app } = makeApp();
    const asset = '/assets/index-Ab12Cd34.js';
    const brotli = await app.request(asset, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(brotli.headers.get('content-type')).toMatch(/javascript/);
    expect(await brotli.text()).toBe('brotli bytes');
    const gzip = await app.request(asset, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const plain = await app.request(asset);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log("app")');
  });

  it('revalidates other files', async () => {
    const { app } = makeApp();
    const response = await app.request('/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a deep link with the page, for the client-side router', async () => {
    const { app } = makeApp();
    const response = await app.request('/events/3f1c2a9e-0000-4000-8000-000000000001', { headers: html });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('does not answer a missing asset or a non-HTML request with the page', async () => {
    const { app } = makeApp();
    const asset = await app.request('/assets/index-gone.js', { headers: html });
    expect(asset.status).toBe(404);
    const json = await app.request('/events/abc', { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    expect(await errorCodeOf(json)).toBe('NOT_FOUND');
  });

  it('serves no hidden file: the build manifest stays on the server', async () => {
    const { app } = makeApp();
    for (const headers of [{}, html]) {
      for (const path of [
        '/.vite/manifest.json',
        '/%2evite/manifest.json',
        '/assets/../.vite/manifest.json',
      ]) {
        const response = await app.request(path, { headers });
        expect(response.status, path).toBe(404);
        expect(await response.text(), path).not.toContain('index-Ab12Cd34');
      }
    }
  });

  it('refuses paths that climb out of dist', async () => {
    const { app } = makeApp();
    for (const path of [
      '/..%2fpackage.json',
      '/assets/..%2F..%2Fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
    }
  });

  it('says the console is not built when there is no index.html', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'console-empty-'));
    try {
      const { app } = makeApp({ staticRoot: empty });
      const response = await app.request('/', { headers: html });
      expect(response.status).toBe(404);
      expect(await errorCodeOf(response)).toBe('CONSOLE_NOT_BUILT');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('serves no files at all without a static root (the dev server serves them)', async () => {
    const { app } = makeApp({ staticRoot: null });
    expect((await app.request('/', { headers: html })).status).toBe(404);
    expect((await app.request('/api/v2/events/list', listEvents)).status).toBe(200);
  });
});

describe('request log', () => {
  it('writes one line per request with method, path, status, duration and request id', async () => {
    const { app, logs } = makeApp();
    const response = await app.request('/api/v2/events/list?secret=abc', listEvents);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toEqual({
      time: expect.any(String),
      level: 'info',
      msg: 'request',
      method: 'POST',
      path: '/api/v2/events/list',
      status: 200,
      durationMs: expect.any(Number),
      requestId: response.headers.get('x-request-id'),
      // The signed-in person's opaque subject id: who did it, and nothing else about them.
      subject: 'test-sender',
    });
  });

  it('ties a server-made error to its log line through the debugIdentifier', async () => {
    const { app, logs, sandbox } = makeApp();
    sandbox.state.tokenStatus = 503;
    const response = await app.request('/api/v2/events/list', listEvents);
    const body = ErrorResponse.parse(await response.json());
    expect(body.debugIdentifier).toBe(response.headers.get('x-request-id'));
    expect(logs[0]).toMatchObject({
      level: 'error',
      status: 502,
      requestId: body.debugIdentifier,
      detail: expect.stringMatching(/token endpoint/),
    });
  });

  it('makes its own request id whatever the client sends, keeping a short printable one as clientRequestId', async () => {
    const { app, logs, sandbox } = makeApp();
    sandbox.state.tokenStatus = 503;
    const response = await app.request('/api/v2/events/list', {
      ...listEvents,
      headers: { ...listEvents.headers, 'x-request-id': 'abc-123' },
    });
    const serverId = response.headers.get('x-request-id');
    expect(serverId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ErrorResponse.parse(await response.json()).debugIdentifier).toBe(serverId);
    expect(logs[0]).toMatchObject({ requestId: serverId, clientRequestId: 'abc-123' });

    sandbox.state.tokenStatus = undefined;
    await app.request('/api/v2/events/list', listEvents);
    expect(sandbox.state.requests.at(-1)!.headers['x-request-id']).toBe(logs[1]!.requestId);

    for (const unprintable of ['x'.repeat(65), 'two words', 'caf\u00e9']) {
      await app.request('/api/v2/events/list', {
        ...listEvents,
        headers: { ...listEvents.headers, 'x-request-id': unprintable },
      });
      expect(logs.at(-1)).not.toHaveProperty('clientRequestId');
    }
  });

  it('never logs a token, a secret or a body', async () => {
    const { app, logs, sandbox } = makeApp();
    await app.request('/api/v2/events/list', listEvents);
    await app.request('/api/v2/events/echo', { headers: { authorization: 'Bearer browser-token-xyz' } });
    await app.request('/sandbox/v2/auth/oauth2-token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${FAKE_CREDENTIALS.clientId}&client_secret=${FAKE_CREDENTIALS.clientSecret}`,
    });
    expect(logs).toHaveLength(3);
    const text = logs.map((entry) => JSON.stringify(entry)).join('\n');
    for (const secret of [
      ...sandbox.state.issued,
      FAKE_CREDENTIALS.clientSecret,
      'browser-token-xyz',
      'UPCOMING',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
