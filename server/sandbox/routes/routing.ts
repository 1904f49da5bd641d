/** Route helpers shared by the route files. */
import type { Env, Hono } from 'hono';
import { errorResponse } from '../../errors.ts';

/**
 * Answers 405 in the envelope for every other method on `path`. Register it after the path's real handlers:
 * Hono tries handlers in the order they were added, so the real method still wins.
 */
export function allowOnly<E extends Env>(app: Hono<E>, path: string, method: 'GET' | 'POST'): void {
  app.all(path, (c) =>
    errorResponse(
      405,
      [{ errorCode: 'METHOD_NOT_ALLOWED', message: `${c.req.method} is not allowed here; use ${method}.` }],
      { headers: { Allow: method } },
    ),
  );
}
