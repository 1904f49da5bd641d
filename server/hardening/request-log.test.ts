// @vitest-environment node
/**
 * The request log with a real tenant: three running servers on loopback ports, A with the embedded
 * sandbox, B using A's `/sandbox` as its Spotnana tenant with the right secret, C with a wrong one. Each logs one
 * structured line per request it receives, with method, path, status, duration and request id, and no line of any
 * of them carries a token, a secret or a credential, also not for the token fetches and the refused secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_CLIENT } from '../auth/embedded-provider/index.ts';
import {
  embeddedIssuerEnv,
  signInOverHttp,
  type SignedInSession,
} from '../auth/testing/sign-in-over-http.ts';
import { loadConfig } from '../config.ts';
import type { FetchLike } from '../forwarder/upstream-fetch.ts';
import { launchServer, type RunningServer } from '../launch.ts';
import type { RequestLogEntry } from '../http/request-log.ts';
import { SANDBOX_CREDENTIALS } from '../../sandbox/credentials.ts';
import { SEED_EVENT_IDS } from '../../sandbox/seed/seed-ids.ts';

const BAD_SECRET = 'wrong-secret-for-the-log-test';
const logs = { a: [] as RequestLogEntry[], b: [] as RequestLogEntry[], c: [] as RequestLogEntry[] };
/** Every token that crossed the wire in this test, whoever fetched it. */
const tokens = new Set<string>();
let a: RunningServer;
let b: RunningServer;
let c: RunningServer;
/** A sender signed in on B and on C, through A's embedded provider. */
let onB: SignedInSession;
let onC: SignedInSession;

/** B's and C's fetch: the global one, noting every token the tenant hands out so the logs can be searched for it. */
const recordingFetch: FetchLike = async (input, init) => {
  const response = await fetch(input, init);
  if (String(input).endsWith('/v2/auth/oauth2-token') && response.ok) {
    const body = (await response.clone().json()) as { access_token?: string };
    if (body.access_token) tokens.add(body.access_token);
  }
  return response;
};

beforeAll(async () => {
  const common = { PORT: '0', HOST: '127.0.0.1' };
  a = await launchServer(
    { ...loadConfig({ ...common, SANDBOX_DB: ':memory:', CONSOLE_DB: ':memory:' }), staticRoot: null },
    { log: (entry) => logs.a.push(entry) },
  );
  const tenant = (secret: string) =>
    loadConfig({
      ...common,
      ...embeddedIssuerEnv(`${a.url}/oidc`),
      CONSOLE_DB: ':memory:',
      SPOTNANA_BASE_URL: `${a.url}/sandbox`,
      SPOTNANA_CLIENT_ID: SANDBOX_CREDENTIALS.clientId,
      SPOTNANA_CLIENT_SECRET: secret,
    });
  b = await launchServer(
    { ...tenant(SANDBOX_CREDENTIALS.clientSecret), staticRoot: null },
    { log: (entry) => logs.b.push(entry), fetch: recordingFetch },
  );
  c = await launchServer(
    { ...tenant(BAD_SECRET), staticRoot: null },
    { log: (entry) => logs.c.push(entry), fetch: recordingFetch },
  );
  [onB, onC] = await Promise.all([signInOverHttp(b.url), signInOverHttp(c.url)]);
  // From here on, one line per request the test sends.
  for (const lines of Object.values(logs)) lines.length = 0;
});
afterAll(async () => {
  await Promise.all([b?.close(), c?.close()]);
  await a?.close();
});

const json = { 'content-type': 'application/json' };
const listUpcoming = { method: 'POST', headers: json, body: '{"listEventType":"UPCOMING"}' };
const listAs = (session: SignedInSession) => ({ ...listUpcoming, headers: session.headers });

describe('the request log of three servers, one the tenant of the others', () => {
  it('has one complete line per request and never a token or a secret', { timeout: 20_000 }, async () => {
    // A client of A's sandbox of its own: the secret in a form body, the token in a header and a query string.
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: SANDBOX_CREDENTIALS.clientId,
      client_secret: SANDBOX_CREDENTIALS.clientSecret,
    });
    const issued = await fetch(`${a.url}/sandbox/v2/auth/oauth2-token`, { method: 'POST', body: form });
    const { access_token: direct } = (await issued.json()) as { access_token: string };
    tokens.add(direct);
    const sentToA = [
      issued,
      await fetch(`${a.url}/sandbox/v2/events/list?access_token=${direct}`, {
        ...listUpcoming,
        headers: { ...json, authorization: `Bearer ${direct}` },
      }),
      await fetch(`${a.url}/sandbox/v2/auth/oauth2-token`, {
        method: 'POST',
        body: new URLSearchParams({ ...Object.fromEntries(form), client_secret: BAD_SECRET }),
      }),
    ];
    expect(sentToA.map((r) => r.status)).toEqual([200, 200, 401]);

    const sentToB = [
      await fetch(`${b.url}/api/v2/events/list`, listAs(onB)),
      await fetch(`${b.url}/api/v2/events/${SEED_EVENT_IDS.kickoff}`, {
        headers: { authorization: 'Bearer browser-sent-token', cookie: onB.cookie },
      }),
      await fetch(`${b.url}/api/v2/events/list`, listAs(onB)),
      await fetch(`${b.url}/healthz`),
    ];
    expect(sentToB.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const sentToC = [
      await fetch(`${c.url}/api/v2/events/list`, listAs(onC)),
      await fetch(`${c.url}/healthz`),
    ];
    expect(sentToC.map((r) => r.status)).toEqual([401, 200]);
    expect(tokens.size).toBe(2); // the direct client's, and B's one token

    // One line per request each server received: B's and C's from the test, A's from the test and from B and C.
    expect(logs.b).toHaveLength(sentToB.length);
    expect(logs.c).toHaveLength(sentToC.length);
    const fromTenants = logs.a.filter(
      (e) => !sentToA.some((r) => r.headers.get('x-request-id') === e.requestId),
    );
    expect(logs.a.length - fromTenants.length).toBe(sentToA.length);
    const tokenFetches = fromTenants.filter((e) => e.path === '/sandbox/v2/auth/oauth2-token');
    // B fetched one token and reused it; C asked once per request and was refused each time.
    expect(tokenFetches.map((e) => e.status).sort()).toEqual([200, 401, 401]);

    for (const entry of [...logs.a, ...logs.b, ...logs.c]) {
      expect(entry).toEqual({
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        level: entry.status >= 500 ? 'error' : entry.status >= 400 ? 'warn' : 'info',
        msg: 'request',
        method: expect.stringMatching(/^(GET|POST)$/),
        path: expect.stringMatching(/^\/(api|sandbox|healthz)/),
        status: expect.any(Number),
        durationMs: expect.any(Number),
        requestId: expect.stringMatching(/^[\w-]{1,128}$/),
        ...(entry.clientRequestId === undefined ? {} : { clientRequestId: expect.any(String) }),
        ...(entry.subject === undefined ? {} : { subject: expect.any(String) }),
        ...(entry.detail === undefined ? {} : { detail: expect.any(String) }),
      });
      expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    }
    // Who did it: the person's opaque subject id on every /api line of B and C, nothing else about them.
    for (const entry of [...logs.b, ...logs.c].filter((e) => e.path.startsWith('/api/')))
      expect(entry.subject).toBe(onB.person.subject);
    // B's calls to A carry B's request id, which A keeps as the client's (A names each request itself), so one
    // id finds a request in both logs.
    for (const entry of logs.b.filter((e) => e.path.startsWith('/api/')))
      expect(fromTenants.map((e) => e.clientRequestId)).toContain(entry.requestId);
    // C's line says why it failed, in words an operator can act on.
    expect(logs.c[0]).toMatchObject({
      status: 401,
      detail: expect.stringMatching(/rejected the credentials/),
    });

    const text = JSON.stringify(logs);
    for (const secret of [
      SANDBOX_CREDENTIALS.clientSecret,
      BAD_SECRET,
      ...tokens,
      'browser-sent-token',
      onB.cookieValue,
      onC.cookieValue,
      onB.person.email,
      EMBEDDED_CLIENT.clientSecret,
      'Bearer',
      'access_token',
    ])
      expect(text).not.toContain(secret);
  });
});
