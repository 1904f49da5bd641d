/**
 * Calls one Spotnana operation with the console's bearer token. On a 401 from a refreshable token source it
 * fetches a new token and tries exactly once more: safe even for `invite/send`, because a request refused with
 * 401 was not carried out.
 */
import { clientCredentialsTokenSource, staticTokenSource, type TokenSource } from './token-source.ts';
import { upstreamFetch, type FetchLike, type UpstreamAnswer } from './upstream-fetch.ts';

export type UpstreamCredentials = { clientId: string; clientSecret: string } | { accessToken: string };

export interface UpstreamOptions {
  /** The API root without a trailing slash: `https://<tenant host>` or `http://127.0.0.1:8080/sandbox`. */
  baseUrl: string;
  credentials: UpstreamCredentials;
  /** Defaults to the global fetch; the embedded sandbox passes one that calls its Hono app in process. */
  fetch?: FetchLike;
  timeoutMs: number;
  now?: () => number;
}

export interface UpstreamCall {
  method: 'GET' | 'POST';
  /** Already encoded, starting with `/v2` or `/v3`. */
  path: string;
  body?: Uint8Array<ArrayBuffer>;
  contentType?: string;
  requestId?: string;
}

export interface UpstreamResult extends UpstreamAnswer {
  /** Every token sent for this call: no response may carry one of them. */
  tokensUsed: string[];
}

export interface UpstreamClient {
  call(request: UpstreamCall): Promise<UpstreamResult>;
  /** Strings (the client secret) that must never appear in a response. */
  secrets(): string[];
}

export function createUpstreamClient(options: UpstreamOptions): UpstreamClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? fetch;
  const tokens: TokenSource =
    'accessToken' in options.credentials
      ? staticTokenSource(options.credentials.accessToken)
      : clientCredentialsTokenSource({
          baseUrl,
          ...options.credentials,
          fetch: fetchImpl,
          timeoutMs: options.timeoutMs,
          now: options.now,
        });

  async function send(request: UpstreamCall, token: string): Promise<UpstreamAnswer> {
    // Built from scratch: nothing the browser sent (cookies, its own Authorization) reaches the upstream.
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    const hasBody = request.body !== undefined && request.body.byteLength > 0;
    if (hasBody) headers['content-type'] = request.contentType ?? 'application/json';
    if (request.requestId) headers['x-request-id'] = request.requestId;
    return upstreamFetch(
      fetchImpl,
      `${baseUrl}${request.path}`,
      { method: request.method, headers, body: hasBody ? request.body : undefined },
      options.timeoutMs,
    );
  }

  return {
    async call(request) {
      const token = await tokens.getToken();
      const first = await send(request, token);
      if (first.status !== 401 || !tokens.refreshable) return { ...first, tokensUsed: [token] };
      tokens.invalidate(token);
      const fresh = await tokens.getToken();
      const second = await send(request, fresh);
      return { ...second, tokensUsed: [token, fresh] };
    },
    secrets: () => tokens.secrets(),
  };
}
