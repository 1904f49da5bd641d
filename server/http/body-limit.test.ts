// @vitest-environment node
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { bodyLimitFromHeaders } from './body-limit.ts';

const MAX = 10;

function app() {
  const app = new Hono();
  app.use('*', bodyLimitFromHeaders({ maxSize: MAX, onError: (c) => c.text('too large', 413) }));
  app.all('*', async (c) => c.text(`read ${(await c.req.text()).length}`));
  return app;
}

/** A request whose body must not be touched: reading `body` throws. */
function untouchable(request: Request): Request {
  return new Proxy(request, {
    get(target, key) {
      if (key === 'body') throw new Error('body was read');
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const stream = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

describe('bodyLimitFromHeaders', () => {
  it('refuses a declared Content-Length over the limit without touching the body', async () => {
    const request = new Request('http://x/', {
      method: 'POST',
      headers: { 'content-length': String(MAX + 1) },
      body: 'x'.repeat(MAX + 1),
    });
    expect((await app().fetch(untouchable(request))).status).toBe(413);
  });

  it('lets a declared Content-Length within the limit and a GET through without touching the body', async () => {
    const post = new Request('http://x/', {
      method: 'POST',
      headers: { 'content-length': String(MAX) },
      body: 'x'.repeat(MAX),
    });
    expect((await app().fetch(untouchable(post))).status).toBe(200);
    expect((await app().fetch(untouchable(new Request('http://x/')))).status).toBe(200);
  });

  it('counts a body without a length as it arrives, as hono does', async () => {
    const over = new Request('http://x/', {
      method: 'POST',
      body: stream('x'.repeat(6), 'x'.repeat(6)),
      duplex: 'half',
    } as RequestInit);
    expect((await app().fetch(over)).status).toBe(413);
    const under = new Request('http://x/', {
      method: 'POST',
      body: stream('abc', 'def'),
      duplex: 'half',
    } as RequestInit);
    const answer = await app().fetch(under);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('read 6');
  });
});
