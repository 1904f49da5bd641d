// @vitest-environment node
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorResponse } from '#contract';
import { createForwarder } from './create-forwarder.ts';
import { createFakeUpstream, FAKE_BASE_URL, FAKE_CREDENTIALS } from './testing/fake-upstream.ts';
import { MAX_UPSTREAM_BODY_BYTES } from './upstream-fetch.ts';

function setup(options: { expiresIn?: number; now?: () => number } = {}) {
  const upstream = createFakeUpstream({ expiresIn: options.expiresIn });
  const forwarder = createForwarder({
    baseUrl: FAKE_BASE_URL,
    credentials: FAKE_CREDENTIALS,
    fetch: upstream.fetch,
    timeoutMs: 2_000,
    now: options.now,
  });
  return { upstream, forwarder };
}

const json = { 'content-type': 'application/json' };
const listEvents = { method: 'POST', headers: json, body: JSON.stringify({ listEventType: 'UPCOMING' }) };

async function envelopeOf(response: Response) {
  const body: unknown = await response.json();
  const parsed = ErrorResponse.parse(body);
  expect(parsed.debugIdentifier).toEqual(expect.any(String));
  expect(parsed.errorMessages?.length).toBeGreaterThan(0);
  return parsed.errorMessages![0]!;
}

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A TCP server on a free loopback port that accepts connections and never answers. */
async function silentServer(): Promise<number> {
  const server = createServer((socket) => void sockets.push(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** A loopback server that reads the request, then resets the connection instead of answering. */
async function resettingServer(): Promise<number> {
  const server = createServer((socket) => void socket.once('data', () => socket.resetAndDestroy()));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** A forwarder with a static token to a loopback port. */
const loopbackForwarder = (port: number, timeoutMs = 2_000) =>
  createForwarder({ baseUrl: `http://127.0.0.1:${port}`, credentials: { accessToken: 't' }, timeoutMs });

/** A loopback port that refuses connections: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('forwarding', () => {
  it('forwards an allowed call with its own bearer token and relays the answer', async () => {
    const { upstream, forwarder } = setup();
    const response = await forwarder.request('/v2/events/list', listEvents);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      events: [{ id: 'ev-1', name: 'Offsite' }],
      paginationParams: { totalNumResults: 1 },
    });
    const [sent] = upstream.state.requests;
    expect(sent).toMatchObject({
      method: 'POST',
      path: '/spotnana/v2/events/list',
      body: '{"listEventType":"UPCOMING"}',
    });
    expect(sent!.headers.authorization).toMatch(/^Bearer fake-token-1-/);
    expect(sent!.headers['content-type']).toBe('application/json');
  });

  it('never lets the browser choose the credentials or send cookies upstream', async () => {
    const { upstream, forwarder } = setup();
    await forwarder.request('/v2/events/list', {
      ...listEvents,
      headers: {
        ...json,
        authorization: 'Bearer stolen',
        cookie: 'session=1',
        'x-forwarded-for': '10.0.0.1',
      },
    });
    const headers = upstream.state.requests[0]!.headers;
    expect(headers.authorization).not.toContain('stolen');
    expect(headers.cookie).toBeUndefined();
    expect(headers['x-forwarded-for']).toBeUndefined();
  });

  it('passes a profile on as only whose company the person is in: no other personal data reaches the browser', async () => {
    const { forwarder } = setup();
    const response = await forwarder.request('/v2/users/u-1');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: 'u-1',
      businessInfo: { organizationRef: { id: 'company-1' } },
    });
    // A refusal still passes whole: its entries are what the manager is shown.
    const missing = await forwarder.request('/v2/users/missing');
    expect(missing.status).toBe(404);
    expect((await envelopeOf(missing)).errorCode).toBe('USER_NOT_FOUND');
  });

  it('relays only harmless response headers', async () => {
    const { forwarder } = setup();
    const response = await forwarder.request('/v2/events/list', listEvents);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-upstream-internal')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['forbidden', 403, 'FORBIDDEN'],
    ['missing', 404, 'NOT_FOUND'],
  ])('passes an upstream %s answer through unchanged', async (id, status, errorCode) => {
    const { forwarder } = setup();
    const response = await forwarder.request(`/v2/events/${id}`);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      debugIdentifier: `upstream-${errorCode}`,
      errorMessages: [{ errorCode, message: expect.any(String) }],
    });
  });

  it('passes a 400 envelope with its errorParameters through unchanged', async () => {
    const { forwarder } = setup();
    const body = JSON.stringify({ userIds: [{ id: 'bad-user' }] });
    const response = await forwarder.request('/v2/events/ev-1/invite/send', {
      method: 'POST',
      headers: json,
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      debugIdentifier: 'upstream-dbg-1',
      errorMessages: [
        {
          errorCode: 'INVALID_USER',
          message: 'Not a traveler',
          errorParameters: [{ name: 'userIds[0].id', value: 'bad-user' }],
        },
      ],
    });
  });

  it('passes malformed JSON to the upstream to judge, and its 400 back', async () => {
    const { upstream, forwarder } = setup();
    const response = await forwarder.request('/v2/events/ev-1/invite/send', {
      method: 'POST',
      headers: json,
      body: '{"userIds": [',
    });
    expect(response.status).toBe(400);
    expect(upstream.state.requests[0]!.body).toBe('{"userIds": [');
  });

  it('relays a 200 with no body and a 204 as they are', async () => {
    const { forwarder } = setup();
    const sent = await forwarder.request('/v2/events/ev-1/invite/send', {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toBe('');
    const tested = await forwarder.request('/v2/events/ev-1/invite/test', {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(tested.status).toBe(204);
  });

  it('relays Retry-After with a 429', async () => {
    const { forwarder } = setup();
    const response = await forwarder.request('/v2/events/busy');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });
});

describe('the allow-list', () => {
  it.each([
    ['POST', '/v2/auth/oauth2-token'],
    ['GET', '/v2/events/x/travelers-list'],
    ['POST', '/v2/events/x/../../auth/oauth2-token'],
    ['POST', '/v2/events/x/%2e%2e/%2e%2e/auth/oauth2-token'],
    ['POST', '/v2/events/x/remove-travelers'],
    ['DELETE', '/v2/events/x'],
    ['PUT', '/v2/events/list'],
    ['GET', '/v1/anything'],
    ['GET', '/'],
    ['POST', '/v3/users/list/extra'],
  ])('refuses %s %s with a 404 envelope and sends nothing upstream', async (method, path) => {
    const { upstream, forwarder } = setup();
    const response = await forwarder.request(path, {
      method,
      headers: json,
      body: method === 'GET' ? undefined : '{}',
    });
    expect(response.status).toBe(404);
    expect((await envelopeOf(response)).errorCode).toBe('NOT_FOUND');
    expect(upstream.state.requests).toEqual([]);
    expect(upstream.state.tokenCalls).toBe(0);
  });

  it('refuses an encoded slash in an id with 400 naming it, on its own too, and sends nothing upstream', async () => {
    const { upstream, forwarder } = setup();
    const response = await forwarder.request('/v2/events/x%2F..%2F..%2Fauth%2Foauth2-token');
    expect(response.status).toBe(400);
    expect(await envelopeOf(response)).toMatchObject({
      errorCode: 'INVALID_PARAMETER',
      errorParameters: [{ name: 'eventId', value: 'x/../../auth/oauth2-token' }],
    });
    expect(upstream.state.requests).toEqual([]);
    expect(upstream.state.tokenCalls).toBe(0);
  });

  it('refuses encoded dot segments', async () => {
    const { upstream, forwarder } = setup();
    const response = await forwarder.request('/v2/events/%2E%2E/invite/send', {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(upstream.state.requests).toEqual([]);
  });
});

describe('tokens', () => {
  it('fetches one token for many requests', async () => {
    const { upstream, forwarder } = setup();
    for (let i = 0; i < 5; i += 1)
      expect((await forwarder.request('/v2/events/list', listEvents)).status).toBe(200);
    expect(upstream.state.tokenCalls).toBe(1);
  });

  it('shares one token fetch among concurrent requests', async () => {
    const { upstream, forwarder } = setup();
    let open!: () => void;
    upstream.state.tokenGate = new Promise((resolve) => (open = resolve));
    const pending = Array.from({ length: 20 }, () => forwarder.request('/v2/events/list', listEvents));
    await expect.poll(() => upstream.state.tokenCalls).toBe(1);
    open();
    const statuses = (await Promise.all(pending)).map((r) => r.status);
    expect(statuses).toEqual(Array(20).fill(200));
    expect(upstream.state.tokenCalls).toBe(1);
  });

  it('fetches a new token shortly before the old one expires', async () => {
    let now = 1_000_000;
    const { upstream, forwarder } = setup({ expiresIn: 600, now: () => now });
    await forwarder.request('/v2/events/list', listEvents);
    now += 500_000; // 100 s before expiry: outside the 60 s margin, still reused
    await forwarder.request('/v2/events/list', listEvents);
    expect(upstream.state.tokenCalls).toBe(1);
    now += 50_000; // 50 s before expiry: refreshed
    await forwarder.request('/v2/events/list', listEvents);
    expect(upstream.state.tokenCalls).toBe(2);
    const bearers = upstream.state.requests.map((r) => r.headers.authorization);
    expect(bearers[2]).not.toBe(bearers[0]);
  });

  it('on a 401 fetches a new token and retries once', async () => {
    const { upstream, forwarder } = setup();
    await forwarder.request('/v2/events/list', listEvents);
    upstream.state.issued.clear(); // the upstream forgets the token, as after a restart or a revocation
    const response = await forwarder.request('/v2/events/ev-1/invite/send', {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(upstream.state.tokenCalls).toBe(2);
    const sends = upstream.state.requests.filter((r) => r.path.endsWith('/invite/send'));
    expect(sends).toHaveLength(2);
    expect(sends[1]!.body).toBe('{}');
    expect(sends[1]!.headers.authorization).not.toBe(sends[0]!.headers.authorization);
  });

  it('gives up after one retry when the new token is refused too', async () => {
    const { upstream, forwarder } = setup();
    upstream.state.refuseAllTokens = true;
    const response = await forwarder.request('/v2/events/list', listEvents);
    expect(response.status).toBe(401);
    expect((await envelopeOf(response)).errorCode).toBe('UNAUTHENTICATED');
    expect(upstream.state.requests).toHaveLength(2);
    expect(upstream.state.tokenCalls).toBe(2);
  });

  it('with a fixed access token, relays a 401 without retrying', async () => {
    const upstream = createFakeUpstream();
    const forwarder = createForwarder({
      baseUrl: FAKE_BASE_URL,
      credentials: { accessToken: 'static-token-123' },
      fetch: upstream.fetch,
      timeoutMs: 2_000,
    });
    const response = await forwarder.request('/v2/events/list', listEvents);
    expect(response.status).toBe(401);
    expect(upstream.state.requests).toHaveLength(1);
    expect(upstream.state.requests[0]!.headers.authorization).toBe('Bearer static-token-123');
    expect(upstream.state.tokenCalls).toBe(0);
  });

  it('with a fixed access token, sends it as the bearer', async () => {
    const upstream = createFakeUpstream();
    upstream.state.issued.add('static-token-123');
    const forwarder = createForwarder({
      baseUrl: FAKE_BASE_URL,
      credentials: { accessToken: 'static-token-123' },
      fetch: upstream.fetch,
      timeoutMs: 2_000,
    });
    expect((await forwarder.request('/v2/events/list', listEvents)).status).toBe(200);
  });

  it('turns rejected credentials into a 401 that says so', async () => {
    const upstream = createFakeUpstream();
    const forwarder = createForwarder({
      baseUrl: FAKE_BASE_URL,
      credentials: { ...FAKE_CREDENTIALS, clientSecret: 'wrong' },
      fetch: upstream.fetch,
      timeoutMs: 2_000,
    });
    const response = await forwarder.request('/v2/events/list', listEvents);
    expect(response.status).toBe(401);
    const message = await envelopeOf(response);
    expect(message.errorCode).toBe('UPSTREAM_CREDENTIALS_REJECTED');
    expect(message.message).toMatch(/rejected the console's credentials/);
    expect(upstream.state.requests).toEqual([]);
  });

  it('does not cache a failed token fetch', async () => {
    const { upstream, forwarder } = setup();
    upstream.state.tokenStatus = 503;
    const failed = await forwarder.request('/v2/events/list', listEvents);
    expect(failed.status).toBe(502);
    expect((await envelopeOf(failed)).errorCode).toBe('UPSTREAM_TOKEN_FAILED');
    upstream.state.tokenStatus = undefined;
    expect((await forwarder.request('/v2/events/list', listEvents)).status).toBe(200);
  });
});

describe('no token in any response', () => {
  it('carries no token or secret in headers or body, whatever the outcome', async () => {
    const { upstream, forwarder } = setup();
    const responses = [
      await forwarder.request('/v2/events/list', listEvents),
      await forwarder.request('/v2/events/echo'),
      await forwarder.request('/v2/events/forbidden'),
      await forwarder.request('/v2/auth/oauth2-token', { method: 'POST' }),
    ];
    upstream.state.refuseAllTokens = true;
    responses.push(await forwarder.request('/v2/events/list', listEvents));
    const tokens = [...upstream.state.issued];
    expect(tokens.length).toBeGreaterThan(1);
    for (const response of responses) {
      const text = [...response.headers.entries()].flat().join('\n') + (await response.text());
      for (const secret of [...tokens, FAKE_CREDENTIALS.clientSecret]) expect(text).not.toContain(secret);
    }
  });

  it('redacts a token an upstream reflects', async () => {
    const { forwarder } = setup();
    const response = await forwarder.request('/v2/events/echo');
    expect(await response.json()).toEqual({
      event: { id: 'echo', description: 'you sent Bearer [redacted]' },
    });
  });
});

describe('an upstream that does not answer', () => {
  it('maps connection refused to 502 in the envelope', async () => {
    const port = await closedPort();
    const forwarder = loopbackForwarder(port);
    const response = await forwarder.request('/v2/events/list', listEvents);
    expect(response.status).toBe(502);
    const message = await envelopeOf(response);
    expect(message.errorCode).toBe('UPSTREAM_UNREACHABLE');
    expect(message.message).toMatch(/could not reach the Spotnana API/);
  });

  it('maps a connection that breaks after the request left to 502, saying the outcome is unknown', async () => {
    const port = await resettingServer();
    const forwarder = loopbackForwarder(port);
    const response = await forwarder.request('/v2/events/list', listEvents);
    expect(response.status).toBe(502);
    const message = await envelopeOf(response);
    expect(message.errorCode).toBe('UPSTREAM_CONNECTION_LOST');
    expect(message.message).toMatch(/may or may not have been carried out/);
    expect(message.message).not.toMatch(/Nothing was sent/);
  });

  it('maps a token endpoint that refuses connections to 502', async () => {
    const port = await closedPort();
    const forwarder = createForwarder({
      baseUrl: `http://127.0.0.1:${port}`,
      credentials: FAKE_CREDENTIALS,
      timeoutMs: 2_000,
    });
    const response = await forwarder.request('/v2/events/list', listEvents);
    expect(response.status).toBe(502);
    expect((await envelopeOf(response)).errorCode).toBe('UPSTREAM_UNREACHABLE');
  });

  it('maps no answer within the timeout to 504, saying the outcome is unknown', async () => {
    const port = await silentServer();
    const forwarder = loopbackForwarder(port, 200);
    const started = Date.now();
    const response = await forwarder.request('/v2/events/ev-1/invite/send', {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(response.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(15_000); // gave up at the timeout, not at some later default
    const message = await envelopeOf(response);
    expect(message.errorCode).toBe('UPSTREAM_TIMEOUT');
    expect(message.message).toMatch(/may or may not have been carried out/);
  });

  it('times out even when the fetch ignores its abort signal', async () => {
    const forwarder = createForwarder({
      baseUrl: FAKE_BASE_URL,
      credentials: { accessToken: 't' },
      fetch: () => new Promise<Response>(() => {}),
      timeoutMs: 50,
    });
    expect((await forwarder.request('/v2/events/list', listEvents)).status).toBe(504);
  });
});

describe('answers the console does not pass on as they came', () => {
  /** A forwarder whose upstream always gives `answer()`. */
  const answering = (answer: () => Response) =>
    createForwarder({
      baseUrl: 'http://upstream.test',
      credentials: { accessToken: 'a-static-token-of-the-console' },
      timeoutMs: 2_000,
      fetch: async () => answer(),
    });
  const getEvent = (forwarder: ReturnType<typeof answering>) => forwarder.request('/v2/events/ev-1');

  it('turns a non-JSON answer into the envelope, keeping its status, never serving it with its own type', async () => {
    const page = '<!doctype html><script>alert(1)</script>';
    const response = await getEvent(
      answering(
        () => new Response(page, { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } }),
      ),
    );
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.clone().text();
    expect(text).not.toContain('<script>');
    expect(await envelopeOf(response)).toMatchObject({
      errorCode: 'UPSTREAM_RESPONSE_NOT_JSON',
      message:
        'The Spotnana API answered HTTP 500 with a text/html body, which the console does not pass on.',
    });
  });

  it('keeps Retry-After on a non-JSON 429, and passes a +json answer as it came', async () => {
    const limited = await getEvent(
      answering(() => new Response('slow down', { status: 429, headers: { 'retry-after': '30' } })),
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect((await envelopeOf(limited)).errorCode).toBe('UPSTREAM_RESPONSE_NOT_JSON');

    const problem = JSON.stringify({ title: 'Bad' });
    const answer = await getEvent(
      answering(
        () => new Response(problem, { status: 400, headers: { 'content-type': 'application/problem+json' } }),
      ),
    );
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(await answer.text()).toBe(problem);
  });

  it.each([
    ['declared too large by its Content-Length', true],
    ['streamed past the limit with no Content-Length', false],
  ])('refuses an answer over 16 MiB, %s: 502 UPSTREAM_RESPONSE_TOO_LARGE', async (_, declared) => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (declared) headers['content-length'] = String(MAX_UPSTREAM_BODY_BYTES + 1);
    const response = await getEvent(answering(() => new Response(body, { status: 200, headers })));
    expect(response.status).toBe(502);
    expect(await envelopeOf(response)).toMatchObject({ errorCode: 'UPSTREAM_RESPONSE_TOO_LARGE' });
    // Reading stopped at the limit (or before the first byte), not at the end of an endless body.
    expect(sent).toBeLessThanOrEqual(MAX_UPSTREAM_BODY_BYTES / chunk.byteLength + 2);
  });

  it('passes an answer of exactly 16 MiB', async () => {
    const body = `"${' '.repeat(MAX_UPSTREAM_BODY_BYTES - 2)}"`;
    const response = await getEvent(
      answering(() => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })),
    );
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(MAX_UPSTREAM_BODY_BYTES);
  });
});
