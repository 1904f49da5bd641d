/**
 * OWASP's CSRF defence, in one place, with one policy for each kind of request that changes something:
 *
 * - **API writes** (`apiWriteGuard`, on `/api`): only this console's own pages may send them. A page on another
 *   site can make a browser post a "simple" request (a form, `fetch` with `mode: "no-cors"`, `sendBeacon`) without
 *   any CORS preflight, with the manager's cookie; what it cannot do is set `Content-Type: application/json` without
 *   a preflight, or forge `Origin` and `Sec-Fetch-Site`. So every write must be JSON and come from PUBLIC_URL's
 *   origin.
 * - **Form posts** (`isFormPostFromOrigin`: the sign-in form, sign-out): a plain form is what these are, so the type
 *   cannot help. A form submitted from a page whose Referrer-Policy is `no-referrer` (the console's pages send that)
 *   carries `Origin: null` by the Fetch standard even when it is same-origin, so then, and when `Origin`
 *   is absent, `Sec-Fetch-Site: same-origin` is accepted instead. A request with neither is refused.
 *
 * Reads that hold personal data have a third, lighter guard (`crossSiteReadGuard`). Only PUBLIC_URL's origin counts,
 * never "whatever Host says": the session cookie and the sign-in callback live on that one origin anyway.
 */
import type { MiddlewareHandler } from 'hono';
import { consoleError } from './errors.ts';
import { internalSendOf, type ServerEnv } from './server-env.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** `none` is a navigation the person started themselves (typed, bookmarked): never cross-site. */
const SAME_SITE_FETCH = new Set(['same-origin', 'none']);

/** `application/json`, optionally with `charset=utf-8`: the only body the forwarder passes on. */
export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const [type = '', ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => /^charset="?utf-8"?$/.test(param)) && params.length <= 1;
}

/**
 * A write with no body at all (the test invite takes none): nothing to interpret, so no type to check. A form can
 * never send one (it always has a Content-Type), and the Origin check above has already passed.
 */
function isBodiless(headers: Headers): boolean {
  return (
    !headers.has('content-type') &&
    !headers.has('transfer-encoding') &&
    (headers.get('content-length') ?? '0') === '0'
  );
}

const CROSS_SITE_MESSAGE =
  'This request did not come from the Invites Console’s own page, so it was refused. Nothing was sent.';

/** The API writes policy (see above). */
export function apiWriteGuard(publicOrigin: string): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (!WRITES.has(c.req.method)) return next();
    // A scheduled send the server runs itself (history/schedule-runner.ts) has no browser and so no Origin; it is
    // marked in Bindings, which no request can set, and must still be JSON.
    const scheduledRun = internalSendOf(c)?.session !== undefined;
    const origin = scheduledRun ? publicOrigin : c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const refuse = (errorCode: string, message: string, detail: string) => {
      c.set('logDetail', detail);
      return consoleError(c, 403, { errorCode, message });
    };
    // Browsers send Origin on every POST fetch; one without it (or with `null`) is not from our page.
    if (origin !== publicOrigin || (fetchSite !== undefined && !SAME_SITE_FETCH.has(fetchSite))) {
      return refuse(
        'CROSS_SITE_REQUEST_REFUSED',
        CROSS_SITE_MESSAGE,
        `cross-site: origin ${origin === undefined ? 'missing' : 'foreign'}, sec-fetch-site ${fetchSite ?? 'absent'}`,
      );
    }
    if (!isJsonContentType(c.req.header('content-type')) && !isBodiless(c.req.raw.headers)) {
      return refuse(
        'JSON_REQUIRED',
        'The console’s API accepts only JSON bodies (Content-Type: application/json). Nothing was sent.',
        'cross-site: not JSON',
      );
    }
    return next();
  };
}

/**
 * Defence in depth for reads that hold personal data (the send history and its CSV): a browser that says the
 * request came from another site (`Sec-Fetch-Site`) is refused; a client that sends no such header is not a browser
 * another site can drive, and still needs the session.
 */
export function crossSiteReadGuard(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const fetchSite = c.req.header('sec-fetch-site');
    if (fetchSite === undefined || SAME_SITE_FETCH.has(fetchSite)) return next();
    c.set('logDetail', `cross-site read: sec-fetch-site ${fetchSite}`);
    return consoleError(c, 403, { errorCode: 'CROSS_SITE_REQUEST_REFUSED', message: CROSS_SITE_MESSAGE });
  };
}

export interface OriginHeaders {
  origin?: string | null;
  secFetchSite?: string | null;
}

/** The form posts policy (see above): `Origin` when the browser gives a real one, else `Sec-Fetch-Site`. */
export function isFormPostFromOrigin(
  { origin, secFetchSite }: OriginHeaders,
  expectedOrigin: string,
): boolean {
  if (origin !== undefined && origin !== null && origin !== 'null') return origin === expectedOrigin;
  return secFetchSite === 'same-origin';
}
