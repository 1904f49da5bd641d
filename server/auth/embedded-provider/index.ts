/**
 * The embedded OpenID Provider: a real one (panva's oidc-provider), run in the console's own process when no
 * OIDC_ISSUER is set and the upstream is the embedded sandbox, so the console signs in through exactly the client
 * code it uses in production. It knows the seeded people of `people.ts` and one client, the console.
 *
 * Mounting: the server's Node request listener sends every request whose path `handles` to `handle(req, res)`:
 *
 *   const provider = await createEmbeddedProvider({ issuer: `${publicUrl}/oidc` });
 *   createServer((req, res) => provider.handles(req.url) ? provider.handle(req, res) : honoListener(req, res));
 *
 * Those requests bypass the Hono app (its request log and security headers); `handle` sets its own headers.
 *
 * Development only, by design: signing keys and cookie keys are made at start, and everything it stores
 * (sessions, grants, codes) lives in oidc-provider's in-memory adapter, so a restart signs everyone out of it and
 * it cannot be shared by two processes. The client secret and the people's passwords are documented in the README.
 */
import { peerAddress, type ClientAddress } from '../../limits/client-address.ts';
import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';
import { memoryLimiters } from '../../limits/limiter-factory.ts';
import { createPasswordAttempts, type PasswordAttempts } from '../../limits/password-attempts.ts';
import { PAGE_STYLE_SOURCE } from '../html.ts';
import { createInteractionHandler, sendHtml } from './interaction.ts';
import { allowLoopbackRedirects } from './loopback-redirects.ts';
import { providerErrorPage, signedOutPage, signOutQuestionPage } from './pages.ts';
import { createDirectory, SEEDED_PEOPLE, type SeededPerson } from './people.ts';

import { EMBEDDED_CLIENT } from './client.ts';
import { logger } from '../../operations/logger.ts';

export { EMBEDDED_CLIENT };

export interface EmbeddedProviderLogEntry {
  time: string;
  level: 'warn' | 'error';
  msg: string;
  /** An error's name and message; never a token, a password or a cookie. */
  detail?: string;
}

export interface EmbeddedProviderOptions {
  /**
   * The issuer identifier, `${PUBLIC_URL}/oidc`. Its path is the mount path; its origin is where the console
   * (`${origin}/auth/callback`) and its sign-in form live. Endpoints are always published on this origin,
   * whatever Host a request names.
   */
  issuer: string;
  /** The people who can sign in; the README's four by default. */
  people?: readonly SeededPerson[];
  /** Wrong passwords counted and locked out (server/limits); this process's own, with the defaults, if not given. */
  passwordAttempts?: PasswordAttempts;
  /** Where a request's client address comes from; the socket's peer if not given. */
  clientAddress?: ClientAddress;
  log?: (entry: EmbeddedProviderLogEntry) => void;
}

export interface EmbeddedProvider {
  issuer: string;
  /** e.g. `/oidc`: `handle` answers this path and everything under it. */
  mountPath: string;
  /** The console's client id and secret here (`EMBEDDED_CLIENT`). */
  client: { clientId: string; clientSecret: string };
  /** Whether a request URL (path and query, as in `req.url`) is the provider's to answer. */
  handles(url: string | undefined): boolean;
  /** A Node request listener for the provider's requests; answers 404 for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

const stdoutLog = ({ time: _time, level, msg, ...fields }: EmbeddedProviderLogEntry) =>
  logger[level](fields, msg);

/** The console's longest session (SESSION_MAX_HOURS at most): the console, not this provider, decides when it ends. */
const LONGEST_CONSOLE_SESSION_SECONDS = 30 * 24 * 60 * 60;

const TTL_SECONDS = {
  AuthorizationCode: 60,
  AccessToken: 10 * 60,
  IdToken: 10 * 60,
  Interaction: 15 * 60,
  Session: 8 * 60 * 60,
  // The refresh token of the console's role re-check lives on its grant.
  Grant: LONGEST_CONSOLE_SESSION_SECONDS,
  RefreshToken: LONGEST_CONSOLE_SESSION_SECONDS,
};

export async function createEmbeddedProvider(options: EmbeddedProviderOptions): Promise<EmbeddedProvider> {
  const issuerUrl = new URL(options.issuer);
  if (issuerUrl.search !== '' || issuerUrl.hash !== '' || issuerUrl.href.endsWith('/')) {
    throw new Error(
      `the embedded provider's issuer must be a URL with a path and no trailing slash, got ${options.issuer}`,
    );
  }
  const issuer = issuerUrl.href;
  const mountPath = issuerUrl.pathname;
  const origin = issuerUrl.origin;
  const log = options.log ?? stdoutLog;
  const report = (level: 'warn' | 'error', msg: string, error?: unknown) =>
    log({
      time: new Date().toISOString(),
      level,
      msg,
      ...(error instanceof Error ? { detail: `${error.name}: ${error.message}` } : {}),
    });

  const [directory, signingKey] = await Promise.all([
    createDirectory(options.people ?? SEEDED_PEOPLE),
    generateSigningKey(),
  ]);

  const configuration: Configuration = {
    adapter: createMemoryAdapter(),
    clients: [
      {
        client_id: EMBEDDED_CLIENT.clientId,
        client_secret: EMBEDDED_CLIENT.clientSecret,
        client_name: 'Invites Console',
        redirect_uris: [`${origin}/auth/callback`],
        post_logout_redirect_uris: [`${origin}/`],
        response_types: ['code'],
        // refresh_token: the console reads a person's groups again with it (server/auth/role-recheck.ts).
        grant_types: ['authorization_code', 'refresh_token'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    // A refresh token at every sign-in, for the console's role re-check. oidc-provider drops the offline_access the
    // console asks for unless the request also says prompt=consent (a consent screen each time), so it is not
    // required here; and the token outlives this provider's own session: the console decides when its session
    // ends. A new one at each use, so the console's keeping of a rotated token is exercised as a strict provider's.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    expiresWithSession: async () => false,
    rotateRefreshToken: true,
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    // Put the granted scopes' claims in the ID token too, not only at userinfo.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const person = directory.find(sub);
      if (person === undefined) return undefined;
      return {
        accountId: person.subject,
        claims: () => ({
          sub: person.subject,
          name: person.name,
          email: person.email,
          email_verified: true,
          groups: [...person.groups],
        }),
      };
    },
    // The console is this provider's only client, and first-party: whatever it asks of the supported scopes and
    // claims is granted, so there is never a consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, account, session, result, provider } = ctx.oidc;
      if (client === undefined || account === undefined) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId === undefined ? undefined : await provider.Grant.find(grantId);
      const grant =
        existing ?? new provider.Grant({ accountId: account.accountId, clientId: client.clientId });
      grant.addOIDCScope(ctx.oidc.requestParamOIDCScopes);
      grant.addOIDCClaims(ctx.oidc.requestParamClaims);
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = signOutQuestionPage(form);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
    },
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      names: {
        session: 'embedded_oidc_session',
        interaction: 'embedded_oidc_interaction',
        resume: 'embedded_oidc_interaction_resume',
      },
    },
    jwks: { keys: [signingKey] },
    ttl: TTL_SECONDS,
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = providerErrorPage(out);
    },
    // The console talks to the provider from its server, never from a browser script.
    clientBasedCORS: () => false,
    allowOmittingSingleRegisteredRedirectUri: false,
  };

  const provider = new Provider(issuer, configuration);
  // Requests reach it with Host and X-Forwarded-Proto pinned to the issuer's (see `handle`), so its endpoints and
  // its cookies' Secure flag follow the issuer whether or not TLS ends in front of this server.
  provider.proxy = true;
  provider.on('server_error', (_ctx, error) => report('error', 'embedded OpenID Provider error', error));
  allowLoopbackRedirects(provider, EMBEDDED_CLIENT.clientId);

  const providerListener = provider.callback();
  const pathPrefix = `${mountPath}/interaction/`;
  const interaction = createInteractionHandler({
    provider,
    directory,
    passwordAttempts: options.passwordAttempts ?? createPasswordAttempts(memoryLimiters()),
    clientAddress: options.clientAddress ?? peerAddress,
    origin,
    pathPrefix,
    onError: (error) => report('error', 'embedded sign-in page error', error),
  });
  const headers = securityHeaders(origin);
  const handles = (url: string | undefined) => {
    const path = (url ?? '').split('?', 1)[0] ?? '';
    return path === mountPath || path.startsWith(`${mountPath}/`);
  };

  return {
    issuer,
    mountPath,
    client: { ...EMBEDDED_CLIENT },
    handles,
    handle(req, res) {
      const url = req.url ?? '/';
      if (!handles(url)) {
        sendHtml(res, 404, providerErrorPage({ error: 'not_found' }));
        return;
      }
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);

      const path = url.split('?', 1)[0] ?? '';
      if (path.startsWith(pathPrefix)) {
        const uid = path.slice(pathPrefix.length);
        if (/^[\w-]{1,64}$/.test(uid)) {
          void interaction(req, res, uid);
          return;
        }
      }

      // oidc-provider builds its URLs from the request; pin them to the issuer's origin. `originalUrl` is how a
      // mounted provider learns its mount path (its docs, "Mounting oidc-provider").
      req.headers.host = issuerUrl.host;
      req.headers['x-forwarded-proto'] = issuerUrl.protocol.slice(0, -1);
      delete req.headers['x-forwarded-host'];
      Object.assign(req, { originalUrl: url });
      req.url = url.slice(mountPath.length) || '/';
      providerListener(req, res);
    },
  };
}

/** An RS256 signing key, made at start: ID tokens from a previous run no longer verify, which is fine here. */
async function generateSigningKey(): Promise<Record<string, unknown>> {
  const privateKey = await new Promise<import('node:crypto').KeyObject>((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, _publicKey, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };
}

/**
 * Headers on everything the provider answers (pages, JSON, redirects). Forms may post to this origin and be
 * redirected on to the console's callback: this origin's, or a loopback one (the second-instance case; CSP 3's
 * form-action also governs redirects after a submit). oidc-provider adds a hash to script-src for the one inline
 * script it writes itself (its form_post page).
 */
function securityHeaders(origin: string): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'none'",
      "script-src 'self'",
      `style-src ${PAGE_STYLE_SOURCE}`,
      "img-src 'self' data:",
      `form-action 'self' ${origin} http://localhost:* http://127.0.0.1:*`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // Not no-referrer: with it, browsers send `Origin: null` on a same-origin form post, which the sign-in form
    // needs to check.
    'referrer-policy': 'same-origin',
  };
}
