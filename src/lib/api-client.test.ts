import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mockApi } from '@/testing/mock-api';
import { ApiError, apiRequest, parseRetryAfter } from './api-client';

/** `POST /api/x` (or `route`) answers `body` with `init`, for as long as the test runs. */
function respondWith(body: string, init: ResponseInit = {}, route = 'POST /x') {
  return mockApi({ [route]: () => new Response(body, init) });
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).failure;
}

describe('apiRequest', () => {
  it('posts JSON to /api and parses the answer with the schema', async () => {
    const api = respondWith(JSON.stringify({ n: 3 }), { status: 200 }, 'POST /v2/things');
    const result = await apiRequest('/v2/things', { body: { a: 1 }, schema: z.object({ n: z.number() }) });
    expect(result).toEqual({ n: 3 });
    expect(api.calls).toEqual([
      { method: 'POST', path: '/v2/things', params: {}, body: { a: 1 }, route: 'POST /v2/things' },
    ]);
  });

  it('returns undefined for endpoints that answer 200 with no body', async () => {
    respondWith('', { status: 200 }, 'POST /v2/events/1/invite/send');
    await expect(apiRequest('/v2/events/1/invite/send', { body: {} })).resolves.toBeUndefined();
  });

  it('turns an error envelope into a spotnana failure with every entry', async () => {
    const body = { debugIdentifier: 'dbg-1', errorMessages: [{ message: 'a' }, { message: 'b', extra: 1 }] };
    respondWith(JSON.stringify(body), { status: 400 });
    const failure = await failureOf(apiRequest('/x', { body: {} }));
    expect(failure.kind).toBe('spotnana');
    expect(failure.kind === 'spotnana' && failure.body.errorMessages).toHaveLength(2);
    expect(failure.kind === 'spotnana' && failure.status).toBe(400);
  });

  it('keeps a non-JSON error body as an http failure naming the status', async () => {
    respondWith('<html>Bad gateway</html>', { status: 502 });
    const failure = await failureOf(apiRequest('/x', { body: {} }));
    expect(failure).toEqual({ kind: 'http', status: 502, bodyText: '<html>Bad gateway</html>' });
  });

  it('treats JSON that is not an object, or breaks the envelope, as an http failure', async () => {
    respondWith('[1,2]', { status: 400 });
    expect((await failureOf(apiRequest('/x'))).kind).toBe('http');
    respondWith(JSON.stringify({ errorMessages: 'nope' }), { status: 400 });
    expect((await failureOf(apiRequest('/x'))).kind).toBe('http');
  });

  it('reads Retry-After on a 429', async () => {
    respondWith('', { status: 429, headers: { 'retry-after': '120' } });
    const failure = await failureOf(apiRequest('/x'));
    expect(failure).toMatchObject({ kind: 'http', status: 429, retryAfterSeconds: 120 });
  });

  it('reports a 2xx body that does not fit the schema', async () => {
    respondWith('{"n":"three"}', { status: 200 });
    const failure = await failureOf(apiRequest('/x', { schema: z.object({ n: z.number() }) }));
    expect(failure).toEqual({ kind: 'invalid-response', status: 200 });
  });

  it('reports a refused connection as a network failure', async () => {
    mockApi({
      'POST /x': () => {
        throw new Error('connection refused');
      },
    });
    expect(await failureOf(apiRequest('/x'))).toEqual({ kind: 'network', message: 'Failed to fetch' });
  });

  it('gives up after the timeout and says so', async () => {
    // An answer that never comes: only the timeout's abort ends the request.
    mockApi({ 'POST /x': () => new Promise(() => {}) });
    expect(await failureOf(apiRequest('/x', { timeoutMs: 20 }))).toEqual({ kind: 'timeout', timeoutMs: 20 });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 1_000)).toBe(60);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
