/**
 * A fake `/api` for component tests, served by MSW (`msw/node`, one server per test file, started and reset in
 * ./setup-tests.ts): `mockApi` puts a router over "METHOD /path" patterns in front of the server's fallback for
 * the rest of the test, and every request is recorded so a test can assert what the console asked for.
 * Unmatched requests answer 404 in the Spotnana envelope, as the real forwarder does for a route outside its
 * list; a request outside `/api` fails the test.
 *
 *   const api = mockApi({
 *     'POST /v2/events/list': ({ body }) => ({ events: [...] }),           // a plain object → 200 JSON
 *     'GET /v2/events/:eventId': ({ params }) => errorResponse(404, [...]), // or any Response
 *   });
 *   expect(api.callsTo('POST /v2/events/list')[0]?.body).toEqual({ listEventType: 'UPCOMING', ... });
 *
 * A handler may take its time (return `deferred().promise`); when the console aborts the request meanwhile,
 * its `fetch` rejects at once, as in a browser, and whatever the handler answers later is dropped.
 */
import { http, HttpResponse, matchRequestUrl } from 'msw';
import type { ErrorMessage, ErrorResponse } from '#contract';
import { API_REQUESTS, AUTH_REQUESTS, apiPath, notFound, server } from './msw-server';

export interface MockRequest {
  method: string;
  /** The API path without the `/api` prefix, e.g. `/v2/events/e-1`; `/auth/...` as is. */
  path: string;
  /** Values of the `:name` segments of the matched pattern. */
  params: Record<string, string>;
  /** The parsed JSON body, or undefined when there is none. */
  body: unknown;
  /** The query string as sent (`?eventId=e-1&offset=0`), when there was one; read it with `URLSearchParams`. */
  search?: string;
  /** The request's `Idempotency-Key` header, when it had one. */
  idempotencyKey?: string;
  /** The pattern that answered, e.g. `GET /v2/events/:eventId`; undefined when none did. */
  route?: string;
}

/**
 * A handler returns a Response, or a value that becomes a 200 JSON body; one that throws is a network failure
 * (the console's `fetch` rejects with `TypeError: Failed to fetch`, as a browser's does).
 */
export type MockHandler = (request: MockRequest) => unknown | Promise<unknown>;
export type MockRoutes = Record<string, MockHandler | object>;

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new HttpResponse(JSON.stringify(body), {
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
  return new HttpResponse(text, { status, headers: { 'content-type': contentType } });
}

/** A promise the test resolves by hand, for asserting loading states. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Only the path is matched, so any origin does. */
const MATCH_ORIGIN = 'http://mock-api.invalid';

/** The decoded `:name` values when `pattern` ("GET /v2/events/:eventId") matches, MSW's own way; else undefined. */
function matchPattern(pattern: string, request: MockRequest): Record<string, string> | undefined {
  const [method = '', path = ''] = pattern.split(' ');
  if (method.toUpperCase() !== request.method) return undefined;
  const { matches, params = {} } = matchRequestUrl(new URL(request.path, MATCH_ORIGIN), path, MATCH_ORIGIN);
  if (!matches) return undefined;
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
}

/** The body as the console sent it: parsed JSON, the text when it is not JSON, undefined when empty. */
async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
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
  // The order requests reached the handler in: a body is read asynchronously, so a request is recorded once its
  // body is, at its place in this order (concurrent requests stay in the order the console made them).
  const order = new WeakMap<MockRequest, number>();
  let arrived = 0;

  function record(request: MockRequest, position: number) {
    order.set(request, position);
    let at = calls.length;
    while (at > 0 && (order.get(calls[at - 1]!) ?? 0) > position) at--;
    calls.splice(at, 0, request);
  }

  /** The matching route's answer, or undefined when no route matches. */
  async function answer(request: MockRequest): Promise<Response | undefined> {
    for (const [pattern, handler] of routes) {
      const params = matchPattern(pattern, request);
      if (params === undefined) continue;
      Object.assign(request.params, params);
      request.route = pattern;
      // A Response given as a fixed answer is cloned, so it can answer every call (a body reads only once).
      const result =
        typeof handler === 'function'
          ? await (handler as MockHandler)(request)
          : handler instanceof Response
            ? handler.clone()
            : handler;
      return result instanceof Response ? result : jsonResponse(result);
    }
    return undefined;
  }

  /** `/api` answers 404 when no route matches; `/auth` falls through to the server's default (signed in). */
  const handle =
    (unmatched: (call: MockRequest) => Response | undefined) =>
    async ({ request }: { request: Request }) => {
      const position = arrived++;
      const { search } = new URL(request.url);
      const call: MockRequest = {
        method: request.method.toUpperCase(),
        path: apiPath(request.url),
        params: {},
        body: await readBody(request),
        ...(search && { search }),
        ...(request.headers.has('idempotency-key') && {
          idempotencyKey: request.headers.get('idempotency-key') ?? undefined,
        }),
      };
      record(call, position);
      try {
        return (await answer(call)) ?? unmatched(call);
      } catch {
        return HttpResponse.error();
      }
    };

  // In front of the fallback (and of any earlier `mockApi` of the same test, as the latest one answers alone).
  server.use(
    http.all(
      API_REQUESTS,
      handle((call) => notFound(call.method, call.path)),
    ),
    http.all(
      AUTH_REQUESTS,
      handle(() => undefined),
    ),
  );

  return {
    calls,
    callsTo: (pattern) => calls.filter((call) => call.route === pattern),
    use: (more) => Object.entries(more).forEach(([pattern, handler]) => routes.set(pattern, handler)),
  };
}
