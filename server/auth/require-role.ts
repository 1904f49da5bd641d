/**
 * The role check of one `/api` route (its least role comes from the allow-list, forwarder/allowed-routes.ts): a
 * viewer's crafted send is refused here with 403 ROLE_NOT_ALLOWED and never reaches Spotnana.
 */
import type { MiddlewareHandler } from 'hono';
import { consoleError } from '../http/errors.ts';
import type { ServerEnv } from '../http/server-env.ts';
import { roleAllows } from './roles.ts';
import type { Role } from '#contract/console-auth';
import { audit } from '../operations/audit.ts';

export function requireRole(least: Role, action: string): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const role = c.get('session')?.role;
    // requireSession runs first; no session here would be a wiring mistake, refused all the same.
    if (role !== undefined && roleAllows(role, least)) return next();
    c.set('logDetail', `role ${role ?? 'none'} below ${least}`);
    audit('role-refused', { subject: c.get('session')?.subject, role, requestId: c.get('requestId') });
    return consoleError(c, 403, {
      errorCode: 'ROLE_NOT_ALLOWED',
      message: `Your role (${role ?? 'none'}) cannot ${action}. Ask an administrator for the ${least} role.`,
    });
  };
}
