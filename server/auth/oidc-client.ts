/**
 * The console as an OpenID Connect client (a confidential one: Authorization Code flow, PKCE S256, state and
 * nonce), through openid-client 6, against any OpenID Provider: the embedded one or a company's own.
 * openid-client validates the ID token (signature, issuer, audience, nonce, expiry); nothing here reads a JWT.
 *
 * Discovery happens on first use, not at start: the embedded provider lives in this very process, and the README's
 * second instance may start before the first. It is retried a few times, cached once it succeeds, and tried afresh
 * by the next sign-in when it fails.
 */
import * as oidc from 'openid-client';
import { ConfigError } from '../config-error.ts';
import { isSecureOrLoopback } from '../loopback-host.ts';
import { OidcUnavailableError } from './oidc-errors.ts';
import { recheckClaims, type RecheckedClaims } from './oidc-recheck.ts';
import type { ProviderTokens } from './session-store.ts';

export interface OidcSettings {
  /** The issuer identifier, exactly as the provider publishes it (e.g. `http://localhost:8080/oidc`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim holding the person's groups (OIDC_ROLES_CLAIM); `groups` by default. */
  rolesClaim: string;
}

export const DEFAULT_ROLES_CLAIM = 'groups';

/**
 * OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ROLES_CLAIM. Undefined when OIDC_ISSUER is unset (then the
 * embedded provider is the issuer, see `embeddedOidcSettings`); the id and the secret are required with it.
 */
export function parseOidcSettings(
  env: Record<string, string | undefined> = process.env,
): OidcSettings | undefined {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };
  const issuer = value('OIDC_ISSUER');
  const clientId = value('OIDC_CLIENT_ID');
  const clientSecret = value('OIDC_CLIENT_SECRET');
  const rolesClaim = value('OIDC_ROLES_CLAIM') ?? DEFAULT_ROLES_CLAIM;
  if (issuer === undefined) {
    if (clientId !== undefined || clientSecret !== undefined) {
      throw new ConfigError([
        'OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is set but OIDC_ISSUER is not; set it too, or unset them to use the embedded sign-in',
      ]);
    }
    return undefined;
  }
  const problems: string[] = [];
  const insecure = issuerProblem(issuer);
  if (insecure !== undefined) problems.push(insecure);
  if (clientId === undefined) problems.push('OIDC_ISSUER needs OIDC_CLIENT_ID');
  if (clientSecret === undefined) problems.push('OIDC_ISSUER needs OIDC_CLIENT_SECRET');
  if (problems.length > 0) throw new ConfigError(problems);
  return { issuer, clientId: clientId ?? '', clientSecret: clientSecret ?? '', rolesClaim };
}

/** The settings for signing in through the embedded provider. */
export function embeddedOidcSettings(provider: {
  issuer: string;
  client: { clientId: string; clientSecret: string };
}): OidcSettings {
  return { issuer: provider.issuer, ...provider.client, rolesClaim: DEFAULT_ROLES_CLAIM };
}

function issuerProblem(issuer: string): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return `OIDC_ISSUER must be a URL, got "${issuer}"`;
  }
  if (isSecureOrLoopback(url.href)) return undefined;
  return `OIDC_ISSUER must be an https URL (plain http only on this machine: localhost or 127.0.0.1), got "${issuer}"`;
}

/** What a successful sign-in learned about the person. */
export interface SignedInClaims {
  subject: string;
  name: string;
  email: string;
  /** The raw value of the roles claim (an array or a string, or undefined when the provider sent none). */
  roles: unknown;
  /** Kept with the session to read the groups again (role-recheck.ts); never logged, never sent to a browser. */
  tokens: ProviderTokens;
}

export interface SignInStart {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcClient {
  readonly settings: OidcSettings;
  /** A fresh authorization request: the URL to send the browser to, and what the callback must check. */
  startSignIn(redirectUri: string): Promise<SignInStart>;
  /**
   * Checks the authorization response at `callbackUrl` against the attempt (state, PKCE verifier, nonce), redeems
   * the code, and returns the person's claims (from the ID token, topped up from userinfo when it lacks some).
   */
  finishSignIn(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<SignedInClaims>;
  /** Where to send the browser to end its session at the provider, when the provider has that endpoint. */
  endSessionUrl(postLogoutRedirectUri: string): Promise<URL | undefined>;
  /** The person's roles claim read again with the session's tokens (oidc-recheck.ts says how, and its errors). */
  recheck(subject: string, tokens: ProviderTokens): Promise<RecheckedClaims>;
}

export interface OidcClientOptions {
  /** Waits between discovery attempts; the number of retries is its length. */
  discoveryRetryDelaysMs?: readonly number[];
  /** Seconds each request to the provider may take. */
  timeoutSeconds?: number;
}

/** Scopes asked for when the provider supports them (`openid` always); `offline_access` for a refresh token. */
const WANTED_SCOPES = ['profile', 'email', 'offline_access'];

export function createOidcClient(settings: OidcSettings, options: OidcClientOptions = {}): OidcClient {
  const problem = issuerProblem(settings.issuer);
  if (problem !== undefined) throw new ConfigError([problem]);
  const issuer = new URL(settings.issuer);
  // Only ever true for a loopback issuer (issuerProblem refuses any other http one): the embedded provider, tests.
  const insecure = issuer.protocol === 'http:';
  const delays = options.discoveryRetryDelaysMs ?? [200, 500, 1000];
  const timeout = options.timeoutSeconds ?? 10;

  let cached: Promise<oidc.Configuration> | undefined;

  async function discover(): Promise<oidc.Configuration> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await oidc.discovery(
          issuer,
          settings.clientId,
          settings.clientSecret,
          oidc.ClientSecretBasic(settings.clientSecret),
          { timeout, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}) },
        );
      } catch (error) {
        const delay = delays[attempt];
        if (delay === undefined) throw new OidcUnavailableError(error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  function configuration(): Promise<oidc.Configuration> {
    cached ??= discover().catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  }

  function scopeFor(config: oidc.Configuration): string {
    const supported = config.serverMetadata().scopes_supported;
    const wanted = [...WANTED_SCOPES, settings.rolesClaim];
    // A provider that lists its scopes gets only those it knows; one that does not gets the standard ones.
    const extra =
      supported === undefined ? WANTED_SCOPES : wanted.filter((scope) => supported.includes(scope));
    return ['openid', ...new Set(extra)].join(' ');
  }

  return {
    settings,
    async startSignIn(redirectUri) {
      const config = await configuration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: scopeFor(config),
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },

    async finishSignIn(callbackUrl, checks) {
      const config = await configuration();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (idToken === undefined) throw new Error('the provider sent no ID token');
      let claims: Record<string, unknown> = { ...idToken };
      const lacking = ['name', 'email', settings.rolesClaim].some((claim) => claims[claim] === undefined);
      if (lacking && config.serverMetadata().userinfo_endpoint !== undefined) {
        // Subject checked by openid-client against the ID token's; the ID token's claims win on conflict.
        const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
        claims = { ...userinfo, ...claims };
      }
      const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
      const email = text(claims.email) ?? '';
      const refreshToken = tokens.refresh_token;
      return {
        subject: idToken.sub,
        name: text(claims.name) ?? text(claims.preferred_username) ?? (email || idToken.sub),
        email,
        roles: claims[settings.rolesClaim],
        tokens: { accessToken: tokens.access_token, ...(refreshToken ? { refreshToken } : {}) },
      };
    },

    async endSessionUrl(postLogoutRedirectUri) {
      const config = await configuration();
      if (config.serverMetadata().end_session_endpoint === undefined) return undefined;
      return oidc.buildEndSessionUrl(config, { post_logout_redirect_uri: postLogoutRedirectUri });
    },

    async recheck(subject, tokens) {
      return recheckClaims(await configuration(), settings.rolesClaim, subject, tokens);
    },
  };
}
