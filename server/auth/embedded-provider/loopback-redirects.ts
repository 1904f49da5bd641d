/**
 * RFC 8252 §7.3's loopback rule for the embedded provider's console client: besides its registered URIs, a
 * redirect to `http://localhost:<any port>/auth/callback` (or 127.0.0.1, or [::1]) is allowed, and a post-logout
 * redirect to `http://localhost:<any port>/`. That is what lets the README's second instance (PORT=8081) sign in
 * through the first one's provider without registering anything.
 *
 * The URI must be in canonical form (exactly what `new URL` prints back), plain http on a loopback host, with no
 * user info, query or fragment, and exactly the expected path. oidc-provider's documented way to widen its redirect
 * URI check is to wrap `Client.prototype.redirectUriAllowed` (recipes/redirect_uri_wildcards.md).
 */
import type { Provider } from 'oidc-provider';

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackUri(value: string, expectedPath: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.href === value &&
    url.protocol === 'http:' &&
    LOOPBACK_HOSTNAMES.has(url.hostname) &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '' &&
    url.pathname === expectedPath
  );
}

export const LOOPBACK_CALLBACK_PATH = '/auth/callback';
export const LOOPBACK_POST_LOGOUT_PATH = '/';

/** Widens the redirect checks of `clientId` (only) on this provider's Client model. */
export function allowLoopbackRedirects(provider: Provider, clientId: string): void {
  const proto = provider.Client.prototype;
  const { redirectUriAllowed, postLogoutRedirectUriAllowed } = proto;
  proto.redirectUriAllowed = function (this: typeof proto, value: string) {
    return (
      redirectUriAllowed.call(this, value) ||
      (this.clientId === clientId && isLoopbackUri(value, LOOPBACK_CALLBACK_PATH))
    );
  };
  proto.postLogoutRedirectUriAllowed = function (this: typeof proto, value: string) {
    return (
      postLogoutRedirectUriAllowed.call(this, value) ||
      (this.clientId === clientId && isLoopbackUri(value, LOOPBACK_POST_LOGOUT_PATH))
    );
  };
}
