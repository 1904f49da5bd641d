import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest, parseRetryAfter } from './api-client';

function respondWith(body: string, init: ResponseInit & { headers?: Record<string, string> } = {}) {
  return vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(body, init));
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).failure;
}

afterEach(() => vi.useRealTimers());

describe('apiRequest', () => {
  it('posts JSON to /api and parses the answer with the schema', async () => {
    const fetchSpy = respondWith(JSON.stringify({ n: 3 }), { status: 200 });
    const result = await apiRequest('/v2/things', { body: { a: 1 }, schema: z.object({ n: z.number() }) });
    expect(result).toEqual({ n: 3 });
    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(url).toBe('/api/v2/things');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"a":1}');
  });

  it('returns undefined for endpoints that answer 200 with no body', async () => {
    respondWith('', { status: 200 });
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
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    expect(await failureOf(apiRequest('/x'))).toEqual({ kind: 'network', message: 'Failed to fetch' });
  });

  it('gives up after the timeout and says so', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
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
