/**
 * How the sandbox's route groups are mounted. Each group is a Hono sub-app of plain route handlers (events.ts,
 * users.ts, ...); `mountGroup` puts it under its prefix behind its bearer check, taken once with `.use()`.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { baseRoutePath } from 'hono/route';
import { errorResponse } from '../../server/http/errors.ts';
import type { SandboxEnv } from '../context.ts';

/**
 * Mounts `routes` at `prefix` of `app`. Before `auth` runs, each request is checked against the group's own
 * routes: a path the group does not have answers 404, a method its path does not have answers 405 with `Allow`,
 * whatever the token (the first route whose path matches decides, as Hono's router would). Only a request a
 * route will answer is asked for its token, once.
 */
export function mountGroup(
  app: Hono<SandboxEnv>,
  prefix: string,
  routes: Hono<SandboxEnv>,
  auth?: MiddlewareHandler<SandboxEnv>,
): void {
  const table = routes.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => ({ path: route.path, segments: route.path.split('/'), method: route.method }));

  const group = new Hono<SandboxEnv>();
  group.use(async (c, next) => {
    const root = baseRoutePath(c).slice(0, -prefix.length);
    const path = c.req.path.slice(baseRoutePath(c).length) || '/';
    const segments = path.split('/');
    const first = table.find((route) => sameShape(route.segments, segments));
    if (!first) return noRoute(c, root);
    const allowed = table.filter((route) => route.path === first.path).map((route) => route.method);
    // Hono answers HEAD with the GET route.
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (!allowed.includes(method)) {
      return errorResponse(
        405,
        [
          {
            errorCode: 'METHOD_NOT_ALLOWED',
            message: `${c.req.method} is not allowed here; use ${allowed.join(' or ')}.`,
          },
        ],
        { headers: { Allow: allowed.join(', ') } },
      );
    }
    await next();
  });
  if (auth) group.use(auth);
  group.route('/', routes);
  app.route(prefix, group);
}

/** A route's path (`/:eventId/invite/send`) against a request's, segment by segment; `:name` is any one segment. */
function sameShape(route: readonly string[], request: readonly string[]): boolean {
  return (
    route.length === request.length &&
    route.every((part, i) => (part.startsWith(':') ? request[i] !== '' : part === request[i]))
  );
}

/**
 * The sandbox's 404 for a path it has no route for, named as the sandbox sees it (without the prefix of a parent
 * app that mounts the sandbox, e.g. the server's `/sandbox`).
 */
export function noRoute(c: Context, root: string): Response {
  const path = c.req.path.slice(root.length) || '/';
  return errorResponse(404, [
    { errorCode: 'NOT_FOUND', message: `The sandbox has no route ${c.req.method} ${path}.` },
  ]);
}
