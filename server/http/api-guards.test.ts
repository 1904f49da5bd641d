// @vitest-environment node
/**
 * The guards on the server app, in process: every `/api` route wants a session (401 SIGN_IN_REQUIRED), the
 * route's role (403 ROLE_NOT_ALLOWED) and, for writes, a same-origin JSON request (403). Whatever is refused never
 * reaches the upstream: the fake upstream's request count proves it. Pages without a session go to sign-in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse } from '#contract';
import { createServerApp } from './app.ts';
import { createTestAuth, type SignedInHeaders } from '../auth/testing/test-auth.ts';
import { ALLOWED_ROUTES } from '../forwarder/allowed-routes.ts';
import { createFakeUpstream, FAKE_CREDENTIALS } from '../forwarder/testing/fake-upstream.ts';

let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'console-guards-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Invites Console</title>');
  writeFileSync(join(dist, 'app.js'), 'console.log("app")');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function makeApp(issuer?: string) {
  const upstream = createFakeUpstream({ basePath: '' });
  const testAuth = createTestAuth();
  const auth =
    issuer === undefined ? testAuth.auth : { ...testAuth.auth, oidc: { ...testAuth.auth.oidc, issuer } };
  const app = createServerApp(
    {
      upstream: { kind: 'embedded-sandbox' },
      upstreamTimeoutMs: 2_000,
      bodyLimitBytes: 1 << 20,
      staticRoot: dist,
    },
    { sandbox: { app: upstream.app, credentials: FAKE_CREDENTIALS }, log: () => {}, auth },
  );
  /** Requests that reached the upstream's operations (the token endpoint aside). */
  const reached = () => upstream.state.requests.length;
  return { app, reached, signedIn: testAuth.signedIn };
}

const errorCode = async (response: Response) =>
  ErrorResponse.parse(await response.json()).errorMessages?.[0]?.errorCode;

/** Every allowed route with ids filled in and a body its upstream accepts. */
const ROUTES = ALLOWED_ROUTES.map((route) => ({
  ...route,
  url: `/api${route.path.replace(/:\w+/g, 'ev-1')}`,
  body: route.method === 'POST' ? '{"userIds":[{"id":"u-1"}]}' : undefined,
}));

describe('a session on every /api route', () => {
  it.each(ROUTES.map((r) => [r.operationId, r] as const))(
    '%s without one: 401 SIGN_IN_REQUIRED',
    async (_, route) => {
      const { app, reached, signedIn } = makeApp();
      const { origin } = await signedIn('admin');
      const headers = { origin, 'content-type': 'application/json' };
      for (const cookie of [undefined, 'console_session_80=unknown', 'console_session_80=']) {
        const response = await app.request(route.url, {
          method: route.method,
          headers: cookie === undefined ? headers : { ...headers, cookie },
          body: route.body,
        });
        expect(response.status, cookie).toBe(401);
        const body = ErrorResponse.parse(await response.json());
        expect(body.errorMessages?.[0]).toMatchObject({
          errorCode: 'SIGN_IN_REQUIRED',
          message: expect.stringMatching(/^Sign in to continue\./),
        });
      }
      expect(reached()).toBe(0);
    },
  );

  it('answers an unknown /api path without a session with 401 too (nothing about routes is told)', async () => {
    const { app } = makeApp();
    expect((await app.request('/api/v2/api-users')).status).toBe(401);
  });

  it('ends with sign-out: the same cookie is refused once the session is destroyed', async () => {
    const { app, signedIn } = makeApp();
    const headers = await signedIn('viewer');
    expect((await app.request('/api/v2/events/ev-1', { headers })).status).toBe(200);
    const out = await app.request('/auth/sign-out', {
      method: 'POST',
      headers: { ...headers, accept: 'application/json' },
    });
    expect(out.status).toBe(200);
    expect((await app.request('/api/v2/events/ev-1', { headers })).status).toBe(401);
  });
});

describe('the role of every /api route', () => {
  const reads = ROUTES.filter((r) => r.role === 'viewer');
  const sends = ROUTES.filter((r) => r.role === 'sender');

  it('lets a viewer read: events list, event, travelers list, users list, user profile', async () => {
    expect(reads.map((r) => r.operationId)).toEqual([
      'listEvents',
      'getEvent',
      'listEventTravelers',
      'listUsersV3',
      'getUserInfo',
    ]);
    const { app, signedIn } = makeApp();
    const headers = await signedIn('viewer');
    for (const route of reads) {
      const response = await app.request(route.url, { method: route.method, headers, body: route.body });
      expect(response.status, route.operationId).not.toBe(403);
      expect(response.status, route.operationId).not.toBe(401);
    }
  });

  it.each([
    ['sendInvite', 'send invites'],
    ['testInvite', 'send test invites'],
  ])(
    "refuses a viewer's crafted %s with 403 ROLE_NOT_ALLOWED, sending nothing",
    async (operationId, action) => {
      const route = sends.find((r) => r.operationId === operationId);
      const { app, reached, signedIn } = makeApp();
      const response = await app.request(route?.url ?? '', {
        method: 'POST',
        headers: await signedIn('viewer'),
        body: '{}',
      });
      expect(response.status).toBe(403);
      expect(ErrorResponse.parse(await response.json()).errorMessages?.[0]).toMatchObject({
        errorCode: 'ROLE_NOT_ALLOWED',
        message: `Your role (viewer) cannot ${action}. Ask an administrator for the sender role.`,
      });
      expect(reached()).toBe(0);
    },
  );

  it.each(['sender', 'admin'] as const)('lets a %s send and test-send', async (role) => {
    const { app, reached, signedIn } = makeApp();
    const headers = await signedIn(role);
    for (const route of sends) {
      const response = await app.request(route.url, { method: 'POST', headers, body: route.body });
      expect(response.status, route.operationId).toBeLessThan(300);
    }
    expect(reached()).toBe(sends.length);
  });
});

describe('cross-site writes to /api', () => {
  const send = '/api/v2/events/ev-1/invite/send';
  const cases: [string, (h: SignedInHeaders) => Record<string, string>, string][] = [
    [
      'a text/plain body (a form or no-cors fetch)',
      (h) => ({ ...h, 'content-type': 'text/plain' }),
      'JSON_REQUIRED',
    ],
    [
      'a form-urlencoded body',
      (h) => ({ ...h, 'content-type': 'application/x-www-form-urlencoded' }),
      'JSON_REQUIRED',
    ],
    [
      'a multipart body',
      (h) => ({ ...h, 'content-type': 'multipart/form-data; boundary=x' }),
      'JSON_REQUIRED',
    ],
    ['no Content-Type', ({ cookie, origin }) => ({ cookie, origin }), 'JSON_REQUIRED'],
    [
      'JSON in another charset',
      (h) => ({ ...h, 'content-type': 'application/json; charset=utf-16' }),
      'JSON_REQUIRED',
    ],
    [
      'no Origin',
      ({ cookie }) => ({ cookie, 'content-type': 'application/json' }),
      'CROSS_SITE_REQUEST_REFUSED',
    ],
    ['Origin: null', (h) => ({ ...h, origin: 'null' }), 'CROSS_SITE_REQUEST_REFUSED'],
    ['a foreign Origin', (h) => ({ ...h, origin: 'https://evil.example' }), 'CROSS_SITE_REQUEST_REFUSED'],
    [
      'another port of this host',
      (h) => ({ ...h, origin: 'http://localhost:8081' }),
      'CROSS_SITE_REQUEST_REFUSED',
    ],
    [
      'Sec-Fetch-Site: cross-site',
      (h) => ({ ...h, 'sec-fetch-site': 'cross-site' }),
      'CROSS_SITE_REQUEST_REFUSED',
    ],
    [
      'Sec-Fetch-Site: same-site',
      (h) => ({ ...h, 'sec-fetch-site': 'same-site' }),
      'CROSS_SITE_REQUEST_REFUSED',
    ],
  ];

  it.each(cases)(
    'refuses %s with 403 for a signed-in sender, sending nothing',
    async (_, headersFor, code) => {
      const { app, reached, signedIn } = makeApp();
      const headers = headersFor(await signedIn('sender'));
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const response = await app.request(send, { method, headers, body: '{}' });
        expect(response.status, method).toBe(403);
        expect(await errorCode(response), method).toBe(code);
      }
      expect(reached()).toBe(0);
    },
  );

  it('takes JSON from the console’s own page, with or without charset and Sec-Fetch-Site', async () => {
    const { app, reached, signedIn } = makeApp();
    const h = await signedIn('sender');
    for (const headers of [
      h,
      { ...h, 'content-type': 'application/json; charset=UTF-8' },
      { ...h, 'sec-fetch-site': 'same-origin' },
    ]) {
      expect((await app.request(send, { method: 'POST', headers, body: '{}' })).status).toBe(200);
    }
    expect(reached()).toBe(3);
  });

  it('takes a write with no body at all (the test invite) only from the console’s own page', async () => {
    const { app, reached, signedIn } = makeApp();
    const { cookie, origin } = await signedIn('sender');
    const test = '/api/v2/events/ev-1/invite/test';
    expect((await app.request(test, { method: 'POST', headers: { cookie, origin } })).ok).toBe(true);
    const foreign = await app.request(test, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(await errorCode(foreign)).toBe('CROSS_SITE_REQUEST_REFUSED');
    const empty = await app.request(test, {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'text/plain' },
    });
    expect(await errorCode(empty)).toBe('JSON_REQUIRED');
    expect(reached()).toBe(1);
  });
});

describe('pages and public paths', () => {
  const html = { accept: 'text/html' };

  it('sends a page navigation without a session to sign-in, coming back to the same path and query', async () => {
    const { app } = makeApp();
    for (const [path, location] of [
      ['/events/ev-1?tab=travelers', '/auth/sign-in?returnTo=%2Fevents%2Fev-1%3Ftab%3Dtravelers'],
      ['/', '/auth/sign-in'],
      ['/index.html', '/auth/sign-in?returnTo=%2Findex.html'],
    ]) {
      const response = await app.request(path ?? '', { headers: html });
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toBe(location);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('serves the page with a session, never to be kept by the browser', async () => {
    const { app, signedIn } = makeApp();
    const { cookie } = await signedIn('viewer');
    const response = await app.request('/events/ev-1', { headers: { ...html, cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps assets, /healthz and /auth public, and /sandbox behind its own bearer', async () => {
    const { app } = makeApp();
    expect((await app.request('/app.js')).status).toBe(200);
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/auth/session')).status).toBe(401);
    const sandbox = await app.request('/sandbox/v2/events/list', { method: 'POST', body: '{}' });
    expect(await errorCode(sandbox)).toBe('UNAUTHENTICATED');
  });

  it('lets forms post to the OpenID Provider’s origin (sign-out redirects there), scripts stay self-only', async () => {
    const { app } = makeApp('http://127.0.0.1:8080/oidc');
    const csp = (await app.request('/healthz')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("form-action 'self' http://127.0.0.1:8080");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
  });
});
