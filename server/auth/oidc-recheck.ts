/**
 * Asking the OpenID Provider again which groups a signed-in person is in, for the role re-check (role-recheck.ts):
 *
 * - with a refresh token (the console asks for `offline_access`): a refresh grant; the groups come from the new ID
 *   token, or from userinfo with the new access token when the ID token lacks them. A refresh token the provider
 *   rotates comes back to be stored.
 * - without one: userinfo with the access token from sign-in, while the provider still accepts it.
 * - with neither (or no userinfo endpoint): nothing can be asked, which ends the session.
 *
 * Failures come out as one of two errors: OidcRefusedError, the provider no longer vouches for the session (token
 * refused, expired or revoked; another subject; nothing to ask with), or OidcUnavailableError, it did not answer.
 */
import * as oidc from 'openid-client';
import { OidcRefusedError, OidcUnavailableError } from './oidc-errors.ts';
import type { ProviderTokens } from './session-store.ts';

export interface RecheckedClaims {
  /** The raw value of the roles claim, as at sign-in. */
  roles: unknown;
  /** The tokens the provider gave back (none from a userinfo-only check). */
  tokens: ProviderTokens;
}

export async function recheckClaims(
  config: oidc.Configuration,
  rolesClaim: string,
  subject: string,
  tokens: ProviderTokens,
): Promise<RecheckedClaims> {
  const userinfo = config.serverMetadata().userinfo_endpoint !== undefined;
  try {
    if (tokens.refreshToken !== undefined) {
      const fresh = await oidc.refreshTokenGrant(config, tokens.refreshToken);
      const idToken = fresh.claims();
      if (idToken !== undefined && idToken.sub !== subject) throw new OidcRefusedError('another subject');
      let roles = idToken?.[rolesClaim];
      if (roles === undefined && userinfo) {
        // openid-client checks that userinfo speaks of the same subject.
        roles = (await oidc.fetchUserInfo(config, fresh.access_token, subject))[rolesClaim];
      }
      const refreshToken = fresh.refresh_token;
      return {
        roles,
        tokens: { accessToken: fresh.access_token, ...(refreshToken ? { refreshToken } : {}) },
      };
    }
    if (tokens.accessToken !== undefined && userinfo) {
      return {
        roles: (await oidc.fetchUserInfo(config, tokens.accessToken, subject))[rolesClaim],
        tokens: {},
      };
    }
    throw new OidcRefusedError('the session holds no token to ask with');
  } catch (error) {
    throw classify(error);
  }
}

/** A refusal (4xx, a bad token, another subject) or an outage (no answer, 5xx, 429); anything else as it came. */
function classify(error: unknown): unknown {
  if (error instanceof OidcRefusedError || error instanceof OidcUnavailableError) return error;
  const name = error instanceof Error ? error.name : '';
  // fetch failed (refused, reset, DNS), or the client's timeout.
  if (error instanceof TypeError || name === 'TimeoutError' || name === 'AbortError') {
    return new OidcUnavailableError(error);
  }
  if (error instanceof oidc.ResponseBodyError) {
    const busy = error.status >= 500 || error.status === 429 || error.error === 'temporarily_unavailable';
    return busy ? new OidcUnavailableError(error) : new OidcRefusedError(error.error, { cause: error });
  }
  if (error instanceof oidc.WWWAuthenticateChallengeError) {
    return error.status >= 500 ? new OidcUnavailableError(error) : new OidcRefusedError('token refused');
  }
  if (error instanceof oidc.ClientError) {
    // An answer that is not OAuth's: an HTML error page from a proxy in front of a provider that is down.
    if (error.cause instanceof Response && (error.cause.status >= 500 || error.cause.status === 429)) {
      return new OidcUnavailableError(error);
    }
    if (error.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED')
      return new OidcRefusedError('another subject');
  }
  return error;
}
