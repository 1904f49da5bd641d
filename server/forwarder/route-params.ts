/**
 * The path parameters of one `/api` route against their shapes (allowed-routes.ts): a value outside its shape gets
 * 400 INVALID_PARAMETER naming it, in Spotnana's envelope, before anything is recorded or forwarded. An encoded `/`
 * in an id (`7700000001%2F..%2F..%2Fv3%2Fusers%2Flist`) is refused here rather than trusted to stay encoded through
 * every proxy between the console and Spotnana.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { consoleError, param } from '../http/errors.ts';
import type { ServerEnv } from '../http/server-env.ts';
import { misfitParam, type AllowedRoute } from './allowed-routes.ts';

export function checkRouteParams(route: AllowedRoute): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const misfit = misfitParam(route, c.req.param());
    if (misfit === undefined) return next();
    return invalidParameter(c, route, misfit);
  };
}

function invalidParameter(
  c: Context<ServerEnv>,
  route: AllowedRoute,
  { name, value }: { name: string; value: string },
): Response {
  c.set('logDetail', `malformed ${name}`);
  const shape = route.params?.[name]?.description ?? 'nothing this route accepts';
  return consoleError(c, 400, {
    errorCode: 'INVALID_PARAMETER',
    message: `The ${name} must be ${shape}.`,
    errorParameters: [param(name, value)],
  });
}
