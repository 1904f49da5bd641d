/** The one 401 for "no valid session", on `/api` and on `GET /auth/session` alike. */
import type { Context } from 'hono';
import { consoleError } from '../http/errors.ts';
import type { ServerEnv } from '../http/server-env.ts';

export function signInRequiredResponse(c: Context<ServerEnv>): Response {
  return consoleError(c, 401, {
    errorCode: 'SIGN_IN_REQUIRED',
    message: 'Sign in to continue. Your session has ended, or you have not signed in yet.',
  });
}
