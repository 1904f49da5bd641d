/**
 * The console's cookies: the session cookie (a random id, nothing else; the session lives on the server) and the
 * short-lived sign-in attempt cookie that carries, sealed, the sign-in the callback finishes (sign-in-attempts.ts).
 *
 * Both are HttpOnly, SameSite=Lax (the callback is a top-level navigation from the provider, so Strict would
 * drop it) and Path=/. Over https they are Secure and `__Host-` prefixed: no subdomain or plain-http page can set
 * or overwrite them. Over http (this machine only) their names carry the port, because cookies ignore ports: the
 * README's two instances on localhost:8080 and localhost:8081 would otherwise overwrite each other's session.
 */
import type { CookieOptions } from 'hono/utils/cookie';
import { SIGN_IN_ATTEMPT_LIFETIME_MS } from './sign-in-attempts.ts';

export interface SessionCookie {
  /** The whole cookie name, prefix included. */
  name: string;
  secure: boolean;
}

const BASE_NAME = 'console_session';

export function sessionCookieSettings(publicUrl: string): SessionCookie {
  const url = new URL(publicUrl);
  if (url.protocol === 'https:') return { name: `__Host-${BASE_NAME}`, secure: true };
  const port = url.port === '' ? '80' : url.port;
  return { name: `${BASE_NAME}_${port}`, secure: false };
}

/** The sign-in attempt cookie is named after the session cookie, so it shares its prefix and its port. */
export function attemptCookieName(cookie: SessionCookie): string {
  return `${cookie.name}_sign_in`;
}

/** How long a sign-in may take, from leaving the console to coming back to its callback: the attempt's lifetime. */
export const SIGN_IN_ATTEMPT_SECONDS = SIGN_IN_ATTEMPT_LIFETIME_MS / 1000;

export function cookieOptions(cookie: SessionCookie, extra: Partial<CookieOptions> = {}): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'Lax', secure: cookie.secure, ...extra };
}

/** Refuses a combination the browser would ignore or that would leak the cookie over plain http. */
export function assertCookieFitsUrl(cookie: SessionCookie, publicUrl: string): void {
  const https = new URL(publicUrl).protocol === 'https:';
  if (https && !cookie.secure) throw new Error('an https PUBLIC_URL needs a Secure session cookie');
  if (cookie.name.startsWith('__Host-') && !cookie.secure) {
    throw new Error('a __Host- cookie must be Secure');
  }
  if (!https && cookie.secure) throw new Error('a Secure cookie is never sent back over plain http');
}
