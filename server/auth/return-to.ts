/**
 * Where to land after signing in. Only a path on this site: it starts with exactly one `/` (not `//host`, not
 * `/\host`, which browsers read as another host), has no control characters, and resolves to this origin. The
 * path is resolved as a browser would (dot-segments, percent-encoded dots) and checked again after: `/.//evil`,
 * `/a/..//evil` and `/%2e//evil` all resolve to `//evil`. Anything else, and the sign-in pages themselves, land on
 * `/`.
 */
const BASE = 'http://return-to.invalid';
/** The longest path kept, before and after resolving. */
export const RETURN_TO_MAX_LENGTH = 2048;
const MAX_LENGTH = RETURN_TO_MAX_LENGTH;

export function safeReturnTo(value: string | undefined | null): string {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return '/';
  // eslint-disable-next-line no-control-regex
  if (!value.startsWith('/') || startsWithHost(value) || /[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  if (url.pathname === '/auth' || url.pathname.startsWith('/auth/')) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Measured again once resolved: percent-encoding makes one character up to nine, and the path is sealed into
  // the sign-in cookie, which must stay within what browsers keep (about 4 KB).
  if (path.length > MAX_LENGTH) return '/';
  return startsWithHost(path) ? '/' : path;
}

/** `//host` or `/\host`: a browser reads either as another site. */
function startsWithHost(path: string): boolean {
  return /^\/[/\\]/.test(path);
}

/** The sign-in URL that comes back to `pathAndQuery`, for a page navigation made without a session. */
export function signInLocation(pathAndQuery: string): string {
  const returnTo = safeReturnTo(pathAndQuery);
  return returnTo === '/' ? '/auth/sign-in' : `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}
