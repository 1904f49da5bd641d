/**
 * Where the forwarder's bearer token comes from: a fixed `SPOTNANA_ACCESS_TOKEN`, or Spotnana's client-credentials
 * endpoint. Spotnana rate-limits `/v2/auth/oauth2-token` and asks clients to reuse tokens, so a fetched token is
 * kept until shortly before it expires, and concurrent requests that find no valid token share one fetch.
 */
import { OAuthTokenResponse } from '#contract';
import { UpstreamError } from './upstream-error.ts';
import { upstreamFetch, type FetchLike } from './upstream-fetch.ts';

export interface TokenSource {
  getToken(): Promise<string>;
  /** Forget `token` after the upstream refused it; a newer token fetched meanwhile is kept. */
  invalidate(token: string): void;
  /** Whether `getToken` after `invalidate` can yield a different token (so a 401 is worth one retry). */
  readonly refreshable: boolean;
  /** Strings no response may ever carry. */
  readonly secrets: () => string[];
}

export function staticTokenSource(accessToken: string): TokenSource {
  return {
    getToken: () => Promise.resolve(accessToken),
    invalidate: () => {},
    refreshable: false,
    secrets: () => [accessToken],
  };
}

export interface ClientCredentialsOptions {
  /** The API root, e.g. `https://api.example.com` or `http://127.0.0.1:8080/sandbox`; no trailing slash. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: FetchLike;
  timeoutMs: number;
  now?: () => number;
}

/** Used when the token endpoint leaves out `expires_in`; a 401 still triggers a refresh before that. */
const DEFAULT_TTL_SECONDS = 300;
/** Refresh this long before expiry: 10% of the lifetime, at most a minute. */
const refreshMarginMs = (ttlMs: number) => Math.min(60_000, ttlMs * 0.1);

export function clientCredentialsTokenSource(options: ClientCredentialsOptions): TokenSource {
  const { baseUrl, clientId, clientSecret, timeoutMs } = options;
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const requestedAt = now();
    const answer = await upstreamFetch(
      fetchImpl,
      `${baseUrl}/v2/auth/oauth2-token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
        }).toString(),
      },
      timeoutMs,
    );
    if (answer.status === 400 || answer.status === 401 || answer.status === 403) {
      throw new UpstreamError({ kind: 'credentials-rejected', status: answer.status });
    }
    if (answer.status === 429) {
      throw new UpstreamError({
        kind: 'token-rate-limited',
        retryAfter: answer.headers.get('retry-after') ?? undefined,
      });
    }
    if (answer.status < 200 || answer.status > 299) {
      throw new UpstreamError({ kind: 'token-failed', status: answer.status, reason: 'unexpected status' });
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(answer.body));
    } catch {
      throw new UpstreamError({ kind: 'token-failed', status: answer.status, reason: 'body is not JSON' });
    }
    const parsed = OAuthTokenResponse.safeParse(json);
    if (!parsed.success || parsed.data.access_token === '') {
      throw new UpstreamError({ kind: 'token-failed', status: answer.status, reason: 'body is not a token' });
    }
    const ttlMs = (parsed.data.expires_in ?? DEFAULT_TTL_SECONDS) * 1000;
    cached = { token: parsed.data.access_token, refreshAt: requestedAt + ttlMs - refreshMarginMs(ttlMs) };
    return cached.token;
  }

  return {
    getToken() {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
    refreshable: true,
    secrets: () => (cached ? [cached.token, clientSecret] : [clientSecret]),
  };
}
