// @vitest-environment node
/**
 * Who gets in, and through which provider: a person in no mapped group is turned away; the README's second
 * instance signs in through the first one's embedded provider (RFC 8252 loopback redirect); the provider refuses
 * other redirects and requests without PKCE; an unreachable provider is a 503, not a crash.
 */
import { Hono } from 'hono';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEnv } from '../http/server-env.ts';
import { SEEDED_PEOPLE } from './embedded-provider/people.ts';
import { embeddedOidcSettings } from './oidc-client.ts';
import { DEFAULT_ROLE_MAPPING } from './roles.ts';
import { createSignInRoutes, sessionCookieSettings } from './sign-in-routes.ts';
import {
  Browser,
  formAction,
  startAuthTestServer,
  startSecondConsole,
  type AuthTestServer,
  type ConsoleServer,
} from './testing/auth-test-server.ts';
import { createSealedSignInAttempts } from './sign-in-attempts.ts';
import { newConsoleKey } from '../console-db/console-keys.ts';
import { FakeSessionStore } from './testing/fake-stores.ts';

const person = (email: string) => {
  const found = SEEDED_PEOPLE.find((p) => p.email === email);
  if (found === undefined) throw new Error(`no seeded ${email}`);
  return found;
};
const PRIYA = person('priya.raman@acme.example');
const JONAS = person('jonas.becker@acme.example');
const MARCUS = person('marcus.webb@acme.example');

describe('a person in none of the mapped groups', () => {
  let server: AuthTestServer;
  beforeAll(async () => {
    // Viewers are not let in on this console, so Jonas (console-viewers) maps to nothing.
    server = await startAuthTestServer({ roles: { ...DEFAULT_ROLE_MAPPING, viewer: ['console-auditors'] } });
  });
  afterAll(() => server.close());

  it('gets the "no access" page, no session, and loses the session they had', async () => {
    const browser = new Browser();
    await browser.signIn(server.url, PRIYA.email, PRIYA.password);
    const priyaSession = browser.jar.get(server.cookieName)?.value ?? '';
    expect(await server.sessions.read(priyaSession)).toBeDefined();

    // Someone else takes the keyboard: signs out of the provider only, then signs in as themselves.
    const question = (await browser.navigate(`${server.url}/oidc/session/end`)).at(-1);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(question?.body ?? '')?.[1] ?? '';
    await browser.submit(new URL(formAction(question?.body ?? ''), question?.url).href, {
      xsrf,
      logout: 'yes',
    });
    const { final } = await browser.signIn(server.url, JONAS.email, JONAS.password, '/events/ev-1');

    expect(final.status).toBe(403);
    expect(final.body).toContain('Your account has no access to the Invites Console');
    expect(final.body).toContain('jonas.becker@acme.example');
    expect(final.body).not.toMatch(/<script/i);
    expect(server.sessions.sessions.size).toBe(0);
    expect(browser.jar.get(server.cookieName)).toBeUndefined();
    expect((await browser.request(`${server.url}/auth/session`)).status).toBe(401);
  });
});

describe("the README's second instance", () => {
  let first: AuthTestServer;
  let second: ConsoleServer;
  beforeAll(async () => {
    first = await startAuthTestServer();
    second = await startSecondConsole(embeddedOidcSettings(first.provider));
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it("signs in through the first instance's provider, back to its own callback on another port", async () => {
    expect(new URL(second.url).hostname).toBe('localhost');
    const browser = new Browser();
    const { form, final } = await browser.signIn(second.url, MARCUS.email, MARCUS.password, '/events/ev-7');

    expect(form.url.startsWith(`${first.url}/oidc/interaction/`)).toBe(true);
    expect(final.url).toBe(`${second.url}/events/ev-7`);
    const session = await browser.request(`${second.url}/auth/session`);
    expect(JSON.parse(session.body)).toEqual({ name: MARCUS.name, email: MARCUS.email, role: 'sender' });
    expect(first.sessions.sessions.size).toBe(0);

    // Its sign-out comes back to it through the first instance's provider too.
    const out = await browser.request(`${second.url}/auth/sign-out`, { method: 'POST' });
    expect(new URL(out.location ?? '').searchParams.get('post_logout_redirect_uri')).toBe(`${second.url}/`);
    const question = (await browser.navigate(out.location ?? '')).at(-1);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(question?.body ?? '')?.[1] ?? '';
    const done = await browser.submit(new URL(formAction(question?.body ?? ''), question?.url).href, {
      xsrf,
      logout: 'yes',
    });
    expect(done.at(-1)?.url).toBe(`${second.url}/`);
  });
});

describe('the embedded provider', () => {
  let server: AuthTestServer;
  beforeAll(async () => {
    server = await startAuthTestServer();
  });
  afterAll(() => server.close());

  const authorize = (params: Record<string, string>) =>
    new Browser().request(
      `${server.url}/oidc/auth?${new URLSearchParams({
        client_id: 'invites-console',
        response_type: 'code',
        scope: 'openid',
        state: 'some-state',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        ...params,
      })}`,
    );

  it.each([
    'https://evil.example/auth/callback',
    'http://localhost.evil.example:8081/auth/callback',
    'http://localhost:8081/elsewhere',
    'http://localhost:8081/auth/callback?next=https://evil.example',
  ])('refuses to send a code to %s', async (redirectUri) => {
    const response = await authorize({ redirect_uri: redirectUri });
    expect(response.status).toBe(400);
    expect(response.location).toBeUndefined();
    expect(response.body).toContain('redirect_uri');
  });

  it('lets a loopback callback on any port start a sign-in', async () => {
    const response = await authorize({ redirect_uri: 'http://127.0.0.1:9999/auth/callback' });
    expect(response.status).toBe(303);
    expect(response.location).toMatch(new RegExp(`^${server.url}/oidc/interaction/`));
  });

  it('requires PKCE', async () => {
    const response = await authorize({
      redirect_uri: `${server.url}/auth/callback`,
      code_challenge: '',
      code_challenge_method: '',
    });
    expect(response.status).toBe(303);
    const location = new URL(response.location ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${server.url}/auth/callback`);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('publishes its endpoints on the issuer, whatever Host a request names', async () => {
    // node:http, not fetch, which always sends the URL's own Host.
    const body = await new Promise<string>((resolve, reject) => {
      const { port } = new URL(server.url);
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/oidc/.well-known/openid-configuration',
          headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      req.end();
    });
    const metadata = JSON.parse(body) as Record<string, unknown>;
    expect(metadata.issuer).toBe(`${server.url}/oidc`);
    expect(metadata.authorization_endpoint).toBe(`${server.url}/oidc/auth`);
    expect(metadata.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'profile', 'email', 'groups']),
    );
  });
});

describe('an unreachable provider', () => {
  it('turns sign-in into a 503 page, and tries again on the next one', async () => {
    const url = 'http://127.0.0.1:8080';
    const app = new Hono<ServerEnv>();
    let detail: string | undefined;
    app.use('*', async (c, next) => {
      await next();
      detail = c.get('logDetail');
    });
    app.route(
      '/',
      createSignInRoutes({
        // Port 9 (discard): nothing listens there on a test machine.
        oidc: { issuer: 'http://127.0.0.1:9/oidc', clientId: 'c', clientSecret: 's', rolesClaim: 'groups' },
        sessions: new FakeSessionStore(),
        attempts: createSealedSignInAttempts(newConsoleKey()),
        publicUrl: url,
        cookie: sessionCookieSettings(url),
        roles: DEFAULT_ROLE_MAPPING,
        client: { discoveryRetryDelaysMs: [] },
      }),
    );
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await app.request('/auth/sign-in');
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('Sign-in is unavailable');
      expect(detail).toMatch(/^sign-in: provider unavailable: OidcUnavailableError/);
    }
  });
});
