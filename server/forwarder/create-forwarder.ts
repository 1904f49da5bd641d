/**
 * `/api/*`: forwards exactly the allowed Spotnana operations (allowed-routes.ts), their path parameters within
 * their shapes, to the upstream with the console's own bearer token.
 * Status and JSON body come back unchanged (a Spotnana 400 envelope reaches the browser as it was); only harmless
 * headers pass; failures to get an answer become 502/504 in the same envelope. An answer that is not JSON (a
 * proxy's HTML page, say) keeps its status but becomes that envelope: the console's origin never serves it as is.
 */
import { Hono, type Context } from 'hono';
import { consoleError, errorResponse } from '../http/errors.ts';
import type { ServerEnv } from '../http/server-env.ts';
import { ALLOWED_ROUTES, upstreamPath, type AllowedRoute } from './allowed-routes.ts';
import { checkRouteParams } from './route-params.ts';
import {
  createUpstreamClient,
  type UpstreamClient,
  type UpstreamOptions,
  type UpstreamResult,
} from './upstream-client.ts';
import { UpstreamError, upstreamErrorResponse } from './upstream-error.ts';

/** Response headers worth relaying; everything else (cookies, upstream tracing, auth challenges) stays behind. */
const RELAYED_HEADERS = ['content-type', 'retry-after'];
/** `application/json`, or a `+json` type such as `application/problem+json`. */
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
/** Statuses whose responses may not have a body. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function notFoundResponse(c: Context<ServerEnv>): Response {
  return consoleError(c, 404, {
    errorCode: 'NOT_FOUND',
    message: `${c.req.method} ${c.req.path} is not an operation this console offers.`,
  });
}

export function createForwarder(upstreamOrOptions: UpstreamClient | UpstreamOptions): Hono<ServerEnv> {
  const upstream = 'call' in upstreamOrOptions ? upstreamOrOptions : createUpstreamClient(upstreamOrOptions);
  const app = new Hono<ServerEnv>();

  const forward = (route: AllowedRoute) => async (c: Context<ServerEnv>) => {
    const path = upstreamPath(route, c.req.param());
    const body = route.method === 'GET' ? undefined : new Uint8Array(await c.req.arrayBuffer());
    try {
      const result = await upstream.call({
        method: route.method,
        path,
        body,
        contentType: c.req.header('content-type'),
        requestId: c.get('requestId'),
      });
      const secrets = [...result.tokensUsed, ...upstream.secrets()];
      return relay(result, secrets, route.project, c.get('requestId'));
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      c.set('logDetail', error.message);
      c.set('upstreamFailure', error.failure.kind);
      return upstreamErrorResponse(error.failure, c.get('requestId'));
    }
  };

  // The app checks parameters before its recorder already; checked here again so the forwarder is safe on its own.
  for (const route of ALLOWED_ROUTES) {
    app.on(route.method, route.path, checkRouteParams(route), forward(route));
  }
  // A catch-all route rather than `notFound`: a sub-app's notFound handler is lost when it is mounted with `route`.
  app.all('*', notFoundResponse);
  return app;
}

/** An upstream answer as the browser may get it: harmless headers, redacted JSON, anything else the envelope. */
export function relay(
  result: UpstreamResult,
  secrets: string[],
  project: AllowedRoute['project'] | undefined,
  requestId: string | undefined,
): Response {
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of RELAYED_HEADERS) {
    const value = result.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (NULL_BODY_STATUSES.has(result.status) || result.body.byteLength === 0) {
    return new Response(null, { status: result.status, headers });
  }
  const contentType = result.headers.get('content-type') ?? '';
  if (!JSON_TYPE.test(contentType)) return notJson(result.status, contentType, headers, requestId);
  const body = redact(result.body, secrets);
  const projected = project && result.status < 300 ? projectJson(body, project) : undefined;
  return new Response(projected ?? body, { status: result.status, headers });
}

/** The projected JSON body, or undefined when the body is not JSON (it then passes as it came, like any other). */
function projectJson(body: Uint8Array<ArrayBuffer>, project: (body: unknown) => unknown): string | undefined {
  try {
    return JSON.stringify(project(JSON.parse(new TextDecoder().decode(body))));
  } catch {
    return undefined;
  }
}

/**
 * Spotnana has no reason to echo a token, but if an upstream ever did (a debug field, a reflected header), the
 * browser must still never see it.
 */
function redact(body: Uint8Array<ArrayBuffer>, secrets: string[]): Uint8Array<ArrayBuffer> {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const present = secrets.filter((secret) => secret.length > 0 && buffer.includes(secret));
  if (present.length === 0) return body;
  let text = buffer.toString('utf8');
  for (const secret of present) text = text.split(secret).join('[redacted]');
  return new TextEncoder().encode(text);
}

/** A non-empty answer that is not JSON: its status, in the console's envelope, naming (not relaying) what came. */
function notJson(
  status: number,
  contentType: string,
  relayed: Headers,
  requestId: string | undefined,
): Response {
  const type = contentType.split(';')[0]!.trim().slice(0, 100) || 'untyped';
  const retryAfter = relayed.get('retry-after');
  return errorResponse(
    status,
    [
      {
        errorCode: 'UPSTREAM_RESPONSE_NOT_JSON',
        message: `The Spotnana API answered HTTP ${status} with a ${type} body, which the console does not pass on.`,
      },
    ],
    { debugIdentifier: requestId, headers: retryAfter ? { 'retry-after': retryAfter } : undefined },
  );
}
