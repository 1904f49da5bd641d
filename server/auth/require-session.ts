/**
 * `/api` needs a signed-in person: without a valid session (none, expired, signed out) the answer is 401
 * SIGN_IN_REQUIRED in Spotnana's envelope, which the console turns into "sign in again" without losing the form.
 */
import type { MiddlewareHandler } from 'hono';
import { internalSendOf, type ServerEnv } from '../http/server-env.ts';
import type { SessionCookie } from './session-cookie.ts';
import { signInRequiredResponse } from './sign-in-required.ts';
import type { SessionStore } from './session-store.ts';
import { readSession } from './sign-in-routes.ts';

export interface SessionGuardOptions {
  sessions: SessionStore;
  cookie: SessionCookie;
}

export function requireSession(options: SessionGuardOptions): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    // A scheduled send running as its scheduler (history/schedule-runner.ts): from Bindings only, which no request
    // can carry; a browser's request always goes by its cookie.
    const scheduled = internalSendOf(c)?.session;
    if (scheduled !== undefined) {
      c.set('session', scheduled);
      return next();
    }
    const session = await readSession(c, options);
    if (session === undefined) return signInRequiredResponse(c);
    c.set('session', session);
    return next();
  };
}
