// @vitest-environment node
/**
 * Hostile and malformed requests against `/api` and `/sandbox`: a seeded, bounded run. Every answer is a
 * 2xx or a 4xx in the envelope, never a 5xx, and the server still serves a good request afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse } from '#contract';
import { createServerApp } from './app.ts';
import { createTestAuth } from '../auth/testing/test-auth.ts';
import { createPrng, type Prng } from '../../sandbox/seed/prng.ts';
import {
  createSandbox,
  openSandboxDatabase,
  SANDBOX_CREDENTIALS,
  SEED_EVENT_IDS,
  type SandboxDatabase,
} from '../../sandbox/index.ts';

const RUNS = 1_000;
const SEED = 20_261_126;
const BODY_LIMIT = 256 * 1024;

let db: SandboxDatabase;
beforeAll(() => {
  db = openSandboxDatabase(':memory:');
});
afterAll(() => db.close());

const eventIds = [
  ...Object.values(SEED_EVENT_IDS),
  'not-a-uuid',
  '',
  '%00',
  '..%2F..',
  'a'.repeat(3000),
  '💥',
  '<script>',
];
const paths = (r: Prng) => {
  const id = encodeURIComponent(r.pick(eventIds));
  const prefix = r.pick(['/api', '/sandbox']);
  return (
    prefix +
    r.pick([
      '/v2/events/list',
      `/v2/events/${id}`,
      `/v2/events/${id}/travelers-list`,
      `/v2/events/${id}/invite/send`,
      `/v2/events/${id}/invite/test`,
      `/v2/events/${id}/remove-travelers`,
      '/v3/users/list',
      '/v2/auth/oauth2-token',
      '/v2/../v3/users/list',
      '/v1/unknown',
      '/',
      '',
      `/v2/events/list?limit=${r.int(1000)}`,
      '/v2/events//invite/send',
    ])
  );
};

/** A value of a random type; `nested` ones stay small so that arrays of them do not explode. */
const junk = (r: Prng, nested = false): unknown =>
  r.pick<() => unknown>([
    () => null,
    () => r.int(1e9) - 5e8,
    () => 'x'.repeat(r.int(nested ? 50 : 5000)),
    () => r.next() < 0.5,
    () => [],
    () => ({}),
    () => ({ id: r.uuid() }),
    () => Array.from({ length: nested ? 2 : r.int(20_000) }, (_, i) => ({ id: `user-${i}` })),
    () => -1,
    () => 1e308,
    () => '<img src=x onerror=alert(1)>',
  ])();

const bodies = (r: Prng): string | undefined =>
  r.pick<() => string | undefined>([
    () => undefined,
    () => '',
    () => '{',
    () => 'null',
    () => '[]',
    () => '"text"',
    () => Array.from({ length: r.int(200) }, () => String.fromCharCode(r.int(0xffff))).join(''),
    () => JSON.stringify({ listEventType: junk(r), offset: junk(r), limit: junk(r) }),
    () => JSON.stringify({ userIds: junk(r), type: junk(r) }),
    () =>
      JSON.stringify({
        userIds: Array.from({ length: r.int(300) }, () => ({
          id: r.next() < 0.5 ? r.uuid() : junk(r, true),
        })),
      }),
    () =>
      JSON.stringify({
        offset: junk(r),
        limit: junk(r),
        filters: [{ type: junk(r), searchTerm: junk(r), rsvpStates: junk(r) }],
      }),
    () =>
      JSON.stringify({
        companyId: { id: junk(r) },
        pagination: junk(r),
        filters: [{ userIds: junk(r) }],
        searchText: junk(r),
      }),
    () => 'grant_type=client_credentials&client_id=x&client_secret=' + 'y'.repeat(r.int(100)),
  ])();

describe('fuzzing /api and /sandbox', () => {
  it(`answers ${RUNS} malformed requests with envelopes and no 5xx`, { timeout: 60_000 }, async () => {
    const testAuth = createTestAuth();
    const app = createServerApp(
      {
        upstream: { kind: 'embedded-sandbox' },
        upstreamTimeoutMs: 5_000,
        bodyLimitBytes: BODY_LIMIT,
        staticRoot: null,
      },
      {
        sandbox: { app: createSandbox({ db }), credentials: SANDBOX_CREDENTIALS },
        log: () => {},
        auth: testAuth.auth,
      },
    );
    // Most requests are a signed-in sender's from the console's page, so the fuzz reaches the forwarder.
    const { cookie, origin } = await testAuth.signedIn('sender');
    const tokenResponse = await app.request('/sandbox/v2/auth/oauth2-token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        ...{ client_id: SANDBOX_CREDENTIALS.clientId, client_secret: SANDBOX_CREDENTIALS.clientSecret },
      }).toString(),
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };

    const r = createPrng(SEED);
    const failures: string[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const method = r.pick(['GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
      const path = paths(r);
      const body = method === 'GET' || method === 'HEAD' ? undefined : bodies(r);
      const headers: Record<string, string> = {};
      const contentType = r.pick([
        'application/json',
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        '',
      ]);
      if (contentType) headers['content-type'] = contentType;
      if (r.next() < 0.8) Object.assign(headers, { cookie, origin });
      if (r.next() < 0.5)
        headers.authorization = r.pick([`Bearer ${token}`, 'Bearer nope', 'Basic abc', 'Bearer']);
      const response = await app.request(path, { method, headers, body });
      const what = `#${i} ${method} ${path.slice(0, 80)} → ${response.status}`;
      if (response.status >= 500) failures.push(what);
      if (response.status >= 400 && method !== 'HEAD') {
        const text = await response.text();
        let parsed: ErrorResponse | undefined;
        try {
          parsed = ErrorResponse.parse(JSON.parse(text));
        } catch {
          parsed = undefined;
        }
        if (!parsed?.errorMessages?.length) failures.push(`${what}: not an envelope: ${text.slice(0, 100)}`);
      } else {
        await response.body?.cancel();
      }
    }
    expect(failures).toEqual([]);

    const after = await app.request('/api/v2/events/list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin },
      body: '{"listEventType":"UPCOMING"}',
    });
    expect(after.status).toBe(200);
  });
});
