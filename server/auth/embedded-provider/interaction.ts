/**
 * The embedded provider's sign-in page, at `<mount>/interaction/:uid` (oidc-provider's `interactions.url`).
 *
 * GET shows the form; POST checks the password and hands the result back to oidc-provider
 * (`interactionFinished`), which redirects to its authorization endpoint and on to the console's callback.
 *
 * CSRF: oidc-provider's interaction cookie (signed, scoped to this very path) names the interaction, and it must
 * be the one in the URL; the POST must also come from this origin (`isFormPostFromOrigin`) and be a plain urlencoded form.
 *
 * Wrong passwords are counted per email and client address, and per address (server/limits/password-attempts.ts):
 * past a limit the page answers 429 with the wait in words, and the password is not checked at all.
 *
 * There is no consent step: the console is the provider's only, first-party client (see `loadExistingGrant` in
 * `index.ts`); an explicit `prompt=consent` is granted here without a page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, type InteractionDetails, type Provider } from 'oidc-provider';
import type { ClientAddress } from '../../limits/client-address.ts';
import type { PasswordAttempts } from '../../limits/password-attempts.ts';
import { isFormPostFromOrigin } from '../../http/cross-site-guard.ts';
import {
  expiredPage,
  forbiddenPage,
  providerErrorPage,
  signInPage,
  tooManyAttempts,
  WRONG_CREDENTIALS,
} from './pages.ts';
import type { Directory } from './people.ts';

/** Far more than an email and a password; anything larger is not this form. */
const FORM_LIMIT_BYTES = 8 * 1024;

export interface InteractionDeps {
  provider: Provider;
  directory: Directory;
  passwordAttempts: PasswordAttempts;
  /** Whose wrong passwords these are, by address (the socket's peer, or per TRUST_PROXY_HOPS). */
  clientAddress: ClientAddress;
  /** The issuer's origin: where the form must be posted from. */
  origin: string;
  /** The interaction pages' path prefix, e.g. `/oidc/interaction/`. */
  pathPrefix: string;
  onError(error: unknown): void;
}

export type InteractionHandler = (req: IncomingMessage, res: ServerResponse, uid: string) => Promise<void>;

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(body.length),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

export function createInteractionHandler(deps: InteractionDeps): InteractionHandler {
  const { provider, directory } = deps;

  async function details(req: IncomingMessage, res: ServerResponse, uid: string) {
    try {
      const found = await provider.interactionDetails(req, res);
      return found.uid === uid ? found : undefined;
    } catch (error) {
      if (error instanceof errors.SessionNotFound) return undefined;
      throw error;
    }
  }

  async function grantConsent(req: IncomingMessage, res: ServerResponse, interaction: InteractionDetails) {
    const accountId = interaction.session?.accountId;
    const clientId = interaction.params.client_id;
    if (accountId === undefined || typeof clientId !== 'string') {
      sendHtml(res, 400, expiredPage());
      return;
    }
    const existing =
      interaction.grantId === undefined ? undefined : await provider.Grant.find(interaction.grantId);
    const grant = existing ?? new provider.Grant({ accountId, clientId });
    const { missingOIDCScope, missingOIDCClaims } = interaction.prompt.details;
    if (Array.isArray(missingOIDCScope)) grant.addOIDCScope(missingOIDCScope.map(String));
    if (Array.isArray(missingOIDCClaims)) grant.addOIDCClaims(missingOIDCClaims.map(String));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { consent: existing === undefined ? { grantId } : {} },
      { mergeWithLastSubmission: true },
    );
  }

  async function show(req: IncomingMessage, res: ServerResponse, uid: string) {
    const interaction = await details(req, res, uid);
    if (interaction === undefined) return sendHtml(res, 400, expiredPage());
    if (interaction.prompt.name === 'consent') return grantConsent(req, res, interaction);
    if (interaction.prompt.name !== 'login') return sendHtml(res, 400, expiredPage());
    sendHtml(res, 200, signInPage({ action: deps.pathPrefix + uid }));
  }

  async function submit(req: IncomingMessage, res: ServerResponse, uid: string) {
    const sameOrigin = isFormPostFromOrigin(
      { origin: header(req, 'origin'), secFetchSite: header(req, 'sec-fetch-site') },
      deps.origin,
    );
    if (!sameOrigin) return sendHtml(res, 403, forbiddenPage());
    const type = header(req, 'content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      return sendHtml(res, 415, providerErrorPage({ error: 'unsupported_media_type' }));
    }
    const form = await readForm(req);
    if (form === undefined) {
      return sendHtml(res, 413, providerErrorPage({ error: 'request_too_large' }), { connection: 'close' });
    }

    const interaction = await details(req, res, uid);
    if (interaction === undefined) return sendHtml(res, 400, expiredPage());
    if (interaction.prompt.name === 'consent') return grantConsent(req, res, interaction);
    if (interaction.prompt.name !== 'login') return sendHtml(res, 400, expiredPage());

    const email = form.get('email') ?? '';
    const attempt = { email, address: deps.clientAddress.ofRequest(req) };
    const action = deps.pathPrefix + uid;
    const locked = await deps.passwordAttempts.lockedFor(attempt);
    if (locked > 0) return refuseAttempt(res, action, email, locked);
    const person = await directory.verify(email, form.get('password') ?? '');
    if (person === undefined) {
      const lockout = await deps.passwordAttempts.failed(attempt);
      if (lockout > 0) return refuseAttempt(res, action, email, lockout);
      return sendHtml(res, 400, signInPage({ action, email, error: WRONG_CREDENTIALS }));
    }
    await deps.passwordAttempts.succeeded(attempt);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: person.subject, amr: ['pwd'] } },
      { mergeWithLastSubmission: false },
    );
  }

  return async (req, res, uid) => {
    try {
      if (req.method === 'GET' || req.method === 'HEAD') await show(req, res, uid);
      else if (req.method === 'POST') await submit(req, res, uid);
      else sendHtml(res, 405, providerErrorPage({ error: 'method_not_allowed' }), { allow: 'GET, POST' });
    } catch (error) {
      deps.onError(error);
      if (!res.headersSent) sendHtml(res, 500, providerErrorPage({ error: 'server_error' }));
      else res.destroy();
    }
  };
}

/** 429: the form again, with the wait in words; the same for any email, known or not. */
function refuseAttempt(res: ServerResponse, action: string, email: string, waitSeconds: number): void {
  sendHtml(res, 429, signInPage({ action, email, error: tooManyAttempts(waitSeconds) }), {
    'retry-after': String(waitSeconds),
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The urlencoded body, or undefined when it is larger than the form can be. */
async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > FORM_LIMIT_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
