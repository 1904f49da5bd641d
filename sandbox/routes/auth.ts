/**
 * Client-credential tokens, as Spotnana's Auth API issues them: `POST /v2/auth/oauth2-token` with a
 * form-encoded client id and secret answers a random bearer token that expires after `expires_in` seconds;
 * `requireBearer` guards every other route with it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { OAuthTokenRequest, type OAuthTokenResponse } from '#contract';
import type { Caller, SandboxDeps, SandboxEnv } from '../context.ts';
import { errorResponse, param } from '../../server/http/errors.ts';
import { sha256Hex } from '../hash.ts';
import { issuesToEntries } from './validation.ts';

const FORM = 'application/x-www-form-urlencoded';

export function authRoutes({ db, now, tokenTtlSeconds }: SandboxDeps): Hono<SandboxEnv> {
  const findClient = db.prepare<[string], { secret_sha256: string }>(
    'SELECT secret_sha256 FROM api_clients WHERE client_id = ?',
  );
  const purgeExpired = db.prepare<[number]>('DELETE FROM tokens WHERE expires_at <= ?');
  const insertToken = db.prepare<[string, string, number]>(
    'INSERT INTO tokens (token_sha256, client_id, expires_at) VALUES (?, ?, ?)',
  );

  const app = new Hono<SandboxEnv>();
  app.post('/oauth2-token', async (c) => {
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith(FORM)) {
      return errorResponse(400, [
        { errorCode: 'UNSUPPORTED_CONTENT_TYPE', message: `Send the client credentials as ${FORM}.` },
      ]);
    }
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    const parsed = OAuthTokenRequest.safeParse(form);
    if (!parsed.success) return errorResponse(400, issuesToEntries(parsed.error.issues, form));
    const { grant_type, client_id, client_secret } = parsed.data;
    if (grant_type !== 'client_credentials') {
      return errorResponse(400, [
        {
          errorCode: 'UNSUPPORTED_GRANT_TYPE',
          message: 'Only the client_credentials grant is supported.',
          errorParameters: [param('grant_type', grant_type)],
        },
      ]);
    }
    const client = findClient.get(client_id);
    // Same answer for an unknown id and a wrong secret: the response must not confirm which ids exist.
    if (!client || !sameDigest(client.secret_sha256, sha256Hex(client_secret))) {
      return errorResponse(401, [
        { errorCode: 'INVALID_CLIENT_CREDENTIALS', message: 'The client id or the client secret is wrong.' },
      ]);
    }

    const token = randomBytes(32).toString('base64url');
    const nowMs = now().getTime();
    db.transaction(() => {
      purgeExpired.run(nowMs);
      insertToken.run(sha256Hex(token), client_id, nowMs + tokenTtlSeconds * 1000);
    })();
    const body: OAuthTokenResponse = {
      access_token: token,
      token_type: 'Bearer',
      expires_in: tokenTtlSeconds,
    };
    // RFC 6749 §5.1: token responses must not be cached.
    return c.json(body, 200, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  });
  return app;
}

function sameDigest(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

interface TokenRow {
  expires_at: number;
  client_id: string;
  user_id: string;
  company_id: string;
  email: string;
}

/** 401 in the envelope unless the request carries a known, unexpired bearer token; sets `caller` otherwise. */
export function requireBearer({ db, now }: SandboxDeps): MiddlewareHandler<SandboxEnv> {
  const findToken = db.prepare<[string], TokenRow>(
    `SELECT t.expires_at, t.client_id, u.id AS user_id, u.company_id, u.email
       FROM tokens t JOIN api_clients a ON a.client_id = t.client_id JOIN users u ON u.id = a.user_id
      WHERE t.token_sha256 = ?`,
  );
  return async (c, next) => {
    const match = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '');
    const unauthorized = (errorCode: string, message: string) =>
      errorResponse(401, [{ errorCode, message }], { headers: { 'WWW-Authenticate': 'Bearer' } });
    if (!match) {
      return unauthorized(
        'MISSING_BEARER_TOKEN',
        'Send "Authorization: Bearer <token>" with a token from POST /v2/auth/oauth2-token.',
      );
    }
    const row = findToken.get(sha256Hex(match[1]!));
    if (!row) return unauthorized('INVALID_TOKEN', 'The bearer token is not known. Fetch a new one.');
    if (row.expires_at <= now().getTime()) {
      return unauthorized('TOKEN_EXPIRED', 'The bearer token has expired. Fetch a new one.');
    }
    const caller: Caller = {
      clientId: row.client_id,
      userId: row.user_id,
      companyId: row.company_id,
      email: row.email,
    };
    c.set('caller', caller);
    await next();
  };
}
