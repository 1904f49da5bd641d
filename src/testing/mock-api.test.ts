import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred, errorResponse, jsonResponse, mockApi, textResponse } from './mock-api';

async function json(response: Response) {
  return { status: response.status, body: (await response.json()) as unknown };
}

afterEach(() => vi.useRealTimers());

describe('mockApi (on MSW)', () => {
  it('answers from its routes and records every request: method, path, query, params, body and the route', async () => {
    const api = mockApi({
      'POST /v2/events/list': ({ body }) => ({ echo: body }),
      'GET /v2/events/:eventId': ({ params }) => jsonResponse({ id: params.eventId }, 200, { 'x-test': '1' }),
    });

    const list = await fetch('/api/v2/events/list?x=1', { method: 'POST', body: JSON.stringify({ a: 1 }) });
    expect(await json(list)).toEqual({ status: 200, body: { echo: { a: 1 } } });
    const event = await fetch('/api/v2/events/evt%2F1');
    expect(event.headers.get('x-test')).toBe('1');
    expect(await json(event)).toEqual({ status: 200, body: { id: 'evt/1' } });

    expect(api.calls).toEqual([
      {
        method: 'POST',
        path: '/v2/events/list',
        search: '?x=1',
        params: {},
        body: { a: 1 },
        route: 'POST /v2/events/list',
      },
      {
        method: 'GET',
        path: '/v2/events/evt%2F1',
        params: { eventId: 'evt/1' },
        body: undefined,
        route: 'GET /v2/events/:eventId',
      },
    ]);
    expect(api.callsTo('GET /v2/events/:eventId')).toEqual([api.calls[1]]);
  });

  it('answers an unmatched request 404 in the Spotnana envelope, and records it with no route', async () => {
    const api = mockApi({ 'GET /v2/events/:eventId': {} });
    const response = await fetch('/api/v2/nowhere', { method: 'POST' });
    expect(await json(response)).toEqual({
      status: 404,
      body: {
        debugIdentifier: 'debug-404',
        errorMessages: [{ errorCode: 'NOT_FOUND', message: 'No mock for POST /v2/nowhere' }],
      },
    });
    expect(api.calls).toEqual([{ method: 'POST', path: '/v2/nowhere', params: {}, body: undefined }]);
  });

  it('answers 404 in the envelope when the test mocks nothing', async () => {
    const response = await fetch('/api/v2/events/list', { method: 'POST' });
    expect(response.status).toBe(404);
  });

  it('answers every call from a fixed Response, and the latest `use` of a pattern wins', async () => {
    const api = mockApi({ 'GET /a': textResponse('<p>down</p>', 502) });
    expect(await (await fetch('/api/a')).text()).toBe('<p>down</p>');
    expect(await (await fetch('/api/a')).text()).toBe('<p>down</p>');
    api.use({ 'GET /a': () => errorResponse(409, [{ message: 'taken' }]) });
    expect(await json(await fetch('/api/a'))).toEqual({
      status: 409,
      body: { debugIdentifier: 'debug-409', errorMessages: [{ message: 'taken' }] },
    });
    expect(api.callsTo('GET /a')).toHaveLength(3);
  });

  it('turns a handler that throws into a network failure', async () => {
    const api = mockApi({
      'GET /a': () => {
        throw new Error('boom');
      },
    });
    await expect(fetch('/api/a')).rejects.toMatchObject({ name: 'TypeError', message: 'Failed to fetch' });
    expect(api.callsTo('GET /a')).toHaveLength(1);
  });

  it('holds an answer until the test gives it, and an abort meanwhile rejects at once', async () => {
    const answer = deferred<Response>();
    mockApi({ 'GET /a': () => answer.promise });

    const held = fetch('/api/a');
    const controller = new AbortController();
    const aborted = fetch('/api/a', { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });

    answer.resolve(jsonResponse({ ok: true }));
    expect(await json(await held)).toEqual({ status: 200, body: { ok: true } });
  });

  it('keeps concurrent requests in the order they were made', async () => {
    const api = mockApi({ 'POST /a': ({ body }) => body });
    const sizes = [50_000, 10, 5_000, 1];
    await Promise.all(
      sizes.map((n) => fetch('/api/a', { method: 'POST', body: JSON.stringify('x'.repeat(n)) })),
    );
    expect(api.calls.map((call) => (call.body as string).length)).toEqual(sizes);
  });

  it('works while fake timers are installed', async () => {
    vi.useFakeTimers();
    const api = mockApi({ 'GET /a': { ok: true } });
    expect(await json(await fetch('/api/a'))).toEqual({ status: 200, body: { ok: true } });
    expect(api.calls).toHaveLength(1);
  });

  it('lets nothing outside /api reach the network', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(fetch('https://example.com/elsewhere')).rejects.toThrow();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('https://example.com/elsewhere'));
  });
});
