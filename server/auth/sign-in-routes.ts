/**
 * The console's sign-in, sign-out and "who am I" routes (OWASP session management: a random id in the cookie and
 * everything else on the server; a new id at every sign-in; sign-out destroys the session on the server).
 *
 *   GET  /auth/sign-in?returnTo=/events/x   starts the Authorization Code flow (PKCE, state, nonce)
 *   GET  /auth/callback                     finishes it: a session for a person with a role, or "no access"
 *   POST /auth/sign-out                     same-origin only; ends the session, then the provider's
 *   GET  /auth/session                      { name, email, role } or 401
 *
 * Mount at the root of the server app: `app.route('/', createSignInRoutes(...))`.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Session } from '#contract/console-auth';
import type { ServerEnv } from '../http/server-env.ts';
import { isFormPostFromOrigin } from '../http/cross-site-guard.ts';
import { audit } from '../operations/audit.ts';
import { html, renderPage } from './html.ts';
import { createOidcClient, type OidcClientOptions, type OidcSettings } from './oidc-client.ts';
import { OidcUnavailableError } from './oidc-errors.ts';
import { safeReturnTo, signInLocation } from './return-to.ts';
import { groupsFromClaim, roleFor, type RoleMapping } from './roles.ts';
import {
  assertCookieFitsUrl,
  attemptCookieName,
  cookieOptions,
  SIGN_IN_ATTEMPT_SECONDS,
  type SessionCookie,
} from './session-cookie.ts';
import type { StoredSession, SessionStore } from './session-store.ts';
import type { SignInAttempts } from './sign-in-attempts.ts';
import { signInRequiredResponse } from './sign-in-required.ts';

export { parseRoleMapping, type RoleMapping } from './roles.ts';
export { sessionCookieSettings, type SessionCookie } from './session-cookie.ts';
export { signInLocation } from './return-to.ts';

export interface SignInRoutesOptions {
  oidc: OidcSettings;
  sessions: SessionStore;
  attempts: SignInAttempts;
  /** The console's own URL as browsers reach it (PUBLIC_URL); the callback is `${origin}/auth/callback`. */
  publicUrl: string;
  /** From `sessionCookieSettings(publicUrl)`. */
  cookie: SessionCookie;
  roles: RoleMapping;
  /** Tuning for the client (discovery retries, timeouts); the defaults suit production. */
  client?: OidcClientOptions;
}

export const NO_ACCESS_MESSAGE = 'Your account has no access to the Invites Console';

export function createSignInRoutes(options: SignInRoutesOptions): Hono<ServerEnv> {
  const { sessions, attempts, cookie, roles } = options;
  assertCookieFitsUrl(cookie, options.publicUrl);
  const origin = new URL(options.publicUrl).origin;
  const redirectUri = `${origin}/auth/callback`;
  const client = createOidcClient(options.oidc, options.client);
  const attemptCookie = attemptCookieName(cookie);
  const app = new Hono<ServerEnv>();

  app.get('/auth/sign-in', async (c) => {
    const returnTo = safeReturnTo(c.req.query('returnTo'));
    let start;
    try {
      start = await client.startSignIn(redirectUri);
    } catch (error) {
      return unavailable(c, error);
    }
    const { url, state, nonce, codeVerifier } = start;
    const sealed = await attempts.seal({ state, nonce, codeVerifier, returnTo });
    setCookie(c, attemptCookie, sealed, cookieOptions(cookie, { maxAge: SIGN_IN_ATTEMPT_SECONDS }));
    c.header('cache-control', 'no-store');
    return c.redirect(url.href, 303);
  });

  app.get('/auth/callback', async (c) => {
    c.header('cache-control', 'no-store');
    const sealed = getCookie(c, attemptCookie);
    // This browser's attempt ends here, whatever happens next. (A replay with a copy of the cookie still fails:
    // the provider redeems a code once.)
    deleteCookie(c, attemptCookie, cookieOptions(cookie));
    const attempt = sealed === undefined || sealed === '' ? undefined : await attempts.open(sealed);
    if (attempt === undefined) {
      c.set('logDetail', 'sign-in: no pending sign-in attempt (expired, altered or from another browser)');
      audit('sign-in-failed', { requestId: c.get('requestId'), reason: 'no-attempt' });
      return page(c, 400, 'Sign-in expired', {
        heading: 'This sign-in has expired',
        text: 'It took too long, was already used, or was started in another browser.',
        retry: '/',
      });
    }

    let claims;
    try {
      claims = await client.finishSignIn(
        new URL(`/auth/callback${new URL(c.req.url).search}`, origin),
        attempt,
      );
    } catch (error) {
      if (isUnavailable(error)) return unavailable(c, error);
      // A refusal from the provider, or a response that failed openid-client's checks (state, nonce, ID token).
      c.set('logDetail', `sign-in: refused: ${describe(error)}`);
      audit('sign-in-failed', { requestId: c.get('requestId'), reason: 'refused-by-provider' });
      return page(c, 400, 'Sign-in failed', {
        heading: 'Sign-in did not complete',
        text: 'The sign-in service refused it, or its answer did not check out.',
        retry: attempt.returnTo,
      });
    }

    const previous = getCookie(c, cookie.name);
    if (previous !== undefined && previous !== '') await sessions.destroy(previous);

    const role = roleFor(groupsFromClaim(claims.roles), roles);
    if (role === undefined) {
      deleteCookie(c, cookie.name, cookieOptions(cookie));
      c.set('logDetail', 'sign-in: no mapped group');
      // The provider's newest word on them: what they scheduled is no longer sent as them (person-standing.ts).
      try {
        await sessions.recordStandingLost?.(claims.subject, 'no-group');
      } catch (error) {
        c.set('logDetail', `sign-in: no mapped group; standing not recorded: ${describe(error)}`);
      }
      audit('sign-in-failed', {
        subject: claims.subject,
        requestId: c.get('requestId'),
        reason: 'no-console-group',
      });
      return c.html(
        renderPage({
          title: 'No access · Invites Console',
          main: html`<h1>${NO_ACCESS_MESSAGE}</h1>
<p>You signed in as ${claims.email || claims.name}, but you are in none of the console's groups. Ask an administrator to add you to one.</p>
<form method="post" action="/auth/sign-out"><button type="submit">Sign in with another account</button></form>`,
        }),
        403,
      );
    }

    // The provider's tokens stay with the session, to read the person's groups again later (role-recheck.ts).
    const id = await sessions.create(
      { subject: claims.subject, name: claims.name, email: claims.email, role },
      claims.tokens,
    );
    // No Expires: a browser-session cookie. The server decides when the session ends (its idle timeout slides with
    // use, which a fixed cookie expiry would not follow).
    setCookie(c, cookie.name, id, cookieOptions(cookie));
    audit('sign-in', { subject: claims.subject, role, requestId: c.get('requestId') });
    // Checked again, not only when sealed: a cookie forged with a leaked key must not make an open redirect.
    return c.redirect(safeReturnTo(attempt.returnTo), 303);
  });

  app.post('/auth/sign-out', async (c) => {
    const sameOrigin = isFormPostFromOrigin(
      { origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') },
      origin,
    );
    if (!sameOrigin) {
      c.set('logDetail', 'sign-out: not same-origin');
      return page(c, 403, 'Sign-out refused', {
        heading: 'This sign-out was refused',
        text: 'It was sent from another site.',
      });
    }
    const id = getCookie(c, cookie.name);
    if (id !== undefined && id !== '') {
      // Not read first: a read would ask the provider for the person's groups only to end the session.
      const ending = await sessions.destroy(id);
      if (ending !== undefined) {
        audit('sign-out', { subject: ending.subject, role: ending.role, requestId: c.get('requestId') });
      }
    }
    deleteCookie(c, cookie.name, cookieOptions(cookie));
    c.header('cache-control', 'no-store');

    let redirectTo = '/';
    try {
      redirectTo = (await client.endSessionUrl(`${origin}/`))?.href ?? '/';
    } catch (error) {
      // The console's session is over either way; the provider's can be ended another time.
      c.set('logDetail', `sign-out: provider unavailable: ${describe(error)}`);
    }
    // A script (fetch) gets the next address to navigate to; a form post gets redirected there.
    if (c.req.header('accept')?.includes('application/json')) return c.json({ redirectTo });
    return c.redirect(redirectTo, 303);
  });

  app.on(['GET', 'HEAD'], '/auth/sign-out', (c) => {
    c.header('allow', 'POST');
    return c.text('Sign out with POST.', 405);
  });

  app.get('/auth/session', async (c) => {
    c.header('cache-control', 'no-store');
    const session = await readSession(c, { sessions, cookie });
    if (session === undefined) return signInRequiredResponse(c);
    const { name, email, role } = session;
    return c.json({ name, email, role } satisfies Session);
  });

  return app;
}

/** The session the request's cookie names, while it is valid: for the server's own guards on pages and /api. */
export async function readSession(
  c: Context<ServerEnv>,
  { sessions, cookie }: { sessions: SessionStore; cookie: SessionCookie },
): Promise<StoredSession | undefined> {
  const id = getCookie(c, cookie.name);
  return id === undefined || id === '' ? undefined : sessions.read(id);
}

/** Unreachable, timed out or undiscoverable, as opposed to refused. */
function isUnavailable(error: unknown): boolean {
  return (
    error instanceof OidcUnavailableError ||
    error instanceof TypeError || // fetch failed
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
  );
}

/**
 * An error for the log line: its name and codes (`ClientError OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED`,
 * `ResponseBodyError invalid_grant`), never its message or body, which may quote what the provider sent.
 */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth += 1) {
    const { code, error: oauthError } = e as { code?: unknown; error?: unknown };
    parts.push(e.name);
    if (typeof code === 'string') parts.push(code);
    if (typeof oauthError === 'string') parts.push(oauthError);
  }
  return parts.length > 0 ? parts.join(' ') : 'unknown error';
}

function unavailable(c: Context<ServerEnv>, error: unknown) {
  c.set('logDetail', `sign-in: provider unavailable: ${describe(error)}`);
  audit('sign-in-failed', { requestId: c.get('requestId'), reason: 'provider-unavailable' });
  return page(c, 503, 'Sign-in unavailable', {
    heading: 'Sign-in is unavailable',
    text: 'The sign-in service did not answer. Try again in a moment.',
    retry: '/',
  });
}

function page(
  c: Context<ServerEnv>,
  status: 400 | 403 | 503,
  title: string,
  { heading, text, retry }: { heading: string; text: string; retry?: string },
) {
  const again =
    retry === undefined
      ? ''
      : html`\n<p><a class="button" href="${signInLocation(retry)}">Sign in again</a></p>`;
  c.header('cache-control', 'no-store');
  return c.html(
    renderPage({
      title: `${title} · Invites Console`,
      main: html`<h1>${heading}</h1>\n<p>${text}</p>${again}`,
    }),
    status,
  );
}
