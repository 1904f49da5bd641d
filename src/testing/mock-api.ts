/**
 * A fake `/api` for component tests: `fetch` is replaced (via `vi.spyOn`, restored after each test by the
 * `restoreMocks` setting) with a router over "METHOD /path" patterns, and every request is recorded so a test
 * can assert what the console asked for. Unmatched requests answer 404 in the Spotnana envelope, as the real
 * forwarder does for a route outside its list.
 *
 *   const api = mockApi({
 *     'POST /v2/events/list': ({ body }) => ({ events: [...] }),           // a plain object → 200 JSON
 *     'GET /v2/events/:eventId': ({ params }) => errorResponse(404, [...]), // or any Response
 *   });
 *   expect(api.callsTo('POST /v2/events/list')[0]?.body).toEqual({ listEventType: 'UPCOMING', ... });
 */
import { vi } from 'vitest';
import type { ErrorMessage, ErrorResponse } from '#contract';

export interface MockRequest {
  method: string;
  /** The API path without the `/api` prefix, e.g. `/v2/events/e-1`. */
  path: string;
  /** Values of the `:name` segments of the matched pattern. */
  params: Record<string, string>;
  /** The parsed JSON body, or undefined when there is none. */
  body: unknown;
  /** The pattern that answered, e.g. `GET /v2/events/:eventId`; undefined when none did. */
  route?: string;
}

/** A handler returns a Response, or a value that becomes a 200 JSON body; one that throws is a network failure. */
export type MockHandler = (request: MockRequest) => unknown | Promise<unknown>;
export type MockRoutes = Record<string, MockHandler | object>;

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A Spotnana `ErrorResponse` envelope. */
export function errorResponse(
  status: number,
  errorMessages: ErrorMessage[] = [],
  debugIdentifier = `debug-${status}`,
): Response {
  const body: ErrorResponse = { debugIdentifier, errorMessages };
  return jsonResponse(body, status);
}

/** A non-envelope failure, like a proxy's HTML error page. */
export function textResponse(text: string, status: number, contentType = 'text/html'): Response {
  return new Response(text, { status, headers: { 'content-type': contentType } });
}

/** A promise the test resolves by hand, for asserting loading states. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function compile(pattern: string) {
  const [method = '', path = ''] = pattern.split(' ');
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { method: method.toUpperCase(), regex: new RegExp(`^${source}$`), names };
}

export interface MockApi {
  /** Every request, in order. */
  calls: MockRequest[];
  /** The requests one pattern answered. */
  callsTo: (pattern: string) => MockRequest[];
  /** Adds or replaces routes for the rest of the test. */
  use: (routes: MockRoutes) => void;
}

export function mockApi(initialRoutes: MockRoutes = {}): MockApi {
  const routes = new Map<string, MockHandler | object>(Object.entries(initialRoutes));
  const calls: MockRequest[] = [];

  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const path = url.pathname.replace(/^\/api/, '');
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const request: MockRequest = { method, path, params: {}, body: text ? JSON.parse(text) : undefined };
    calls.push(request);

    for (const [pattern, handler] of routes) {
      const compiled = compile(pattern);
      const match = compiled.method === method ? compiled.regex.exec(path) : null;
      if (!match) continue;
      compiled.names.forEach((name, i) => (request.params[name] = decodeURIComponent(match[i + 1] ?? '')));
      request.route = pattern;
      // A Response given as a fixed answer is cloned, so it can answer every call (a body reads only once).
      const result =
        typeof handler === 'function'
          ? await (handler as MockHandler)(request)
          : handler instanceof Response
            ? handler.clone()
            : handler;
      if (init?.signal?.aborted) throw init.signal.reason;
      return result instanceof Response ? result : jsonResponse(result);
    }
    return errorResponse(404, [{ errorCode: 'NOT_FOUND', message: `No mock for ${method} ${path}` }]);
  });

  return {
    calls,
    callsTo: (pattern) => calls.filter((call) => call.route === pattern),
    use: (more) => Object.entries(more).forEach(([pattern, handler]) => routes.set(pattern, handler)),
  };
}
