/**
 * The request body size limit. Hono's `bodyLimit` first asks the request for its `body`; on @hono/node-server
 * that one property turns the lightweight incoming request into a full web Request with a web stream of the
 * body, for every request, GETs included, which costs more CPU than a whole travelers-list page of the sandbox.
 * So the cases it settles without reading the body are settled here from the headers alone, with the same
 * outcome: no body for GET and HEAD, and a declared Content-Length (not chunked) compared with the limit.
 * Anything else goes to hono's middleware, which counts the bytes as they arrive.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export interface BodyLimitOptions {
  maxSize: number;
  onError: (c: Context) => Response | Promise<Response>;
}

export function bodyLimitFromHeaders(options: BodyLimitOptions): MiddlewareHandler {
  const counting = bodyLimit(options);
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length || '0', 10) > options.maxSize ? options.onError(c) : next();
    }
    return counting(c, next);
  };
}
