/**
 * Real HTTP servers on ephemeral loopback ports, arranged the way the console's server is meant to be: `/oidc/*`
 * to the embedded provider's Node handler, everything else to a Hono app holding the sign-in routes (and a stand-in
 * page for any other path). `startSecondConsole` is the README's second instance: a console without a provider
 * that signs in through the first one's.
 *
 * `Browser` drives them with fetch the way a browser would: cookies per host, redirects followed by hand, `Origin`
 * on posts. Every body it reads is kept, so tests can assert that none leaks a secret.
 */
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerEnv } from '../../http/server-env.ts';
import {
  createEmbeddedProvider,
  type EmbeddedProvider,
  type EmbeddedProviderLogEntry,
} from '../embedded-provider/index.ts';
import type { SeededPerson } from '../embedded-provider/people.ts';
import type { PasswordAttempts } from '../../limits/password-attempts.ts';
import { embeddedOidcSettings, type OidcSettings } from '../oidc-client.ts';
import { DEFAULT_ROLE_MAPPING, type RoleMapping } from '../roles.ts';
import { createSignInRoutes, sessionCookieSettings } from '../sign-in-routes.ts';
import { CookieJar } from './cookie-jar.ts';
import type { SessionStore } from '../session-store.ts';
import { createSealedSignInAttempts, type SignInAttempts } from '../sign-in-attempts.ts';
import { newConsoleKey } from '../../console-db/console-keys.ts';
import { FakeSessionStore } from './fake-stores.ts';

export interface ConsoleServer<S extends SessionStore = FakeSessionStore> {
  url: string;
  sessions: S;
  cookieName: string;
  close(): Promise<void>;
}

export interface AuthTestServer<S extends SessionStore = FakeSessionStore> extends ConsoleServer<S> {
  provider: EmbeddedProvider;
  providerLog: EmbeddedProviderLogEntry[];
  /** While `down`, the provider is unreachable: its connections drop without an answer (the console stays up). */
  providerOutage: { down: boolean };
}

export interface AuthTestServerOptions {
  roles?: RoleMapping;
  people?: readonly SeededPerson[];
  /** The provider's count of wrong passwords (small limits in tests); its defaults otherwise. */
  passwordAttempts?: PasswordAttempts;
}

interface Stores<S extends SessionStore> {
  sessions: S;
  attempts: SignInAttempts;
}

const fakeStores = (): Stores<FakeSessionStore> => ({
  sessions: new FakeSessionStore(),
  attempts: createSealedSignInAttempts(newConsoleKey()),
});

async function listen(host: string): Promise<{ server: Server; url: string }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${host}:${port}` };
}

function closer(server: Server) {
  return () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
}

function consoleListener<S extends SessionStore>(
  oidc: OidcSettings,
  url: string,
  roles: RoleMapping,
  { sessions, attempts }: Stores<S>,
) {
  const cookie = sessionCookieSettings(url);
  const app = new Hono<ServerEnv>();
  app.route(
    '/',
    createSignInRoutes({
      oidc,
      sessions,
      attempts,
      publicUrl: url,
      cookie,
      roles,
      client: { discoveryRetryDelaysMs: [] },
    }),
  );
  app.get('*', (c) => c.text(`the console's page ${c.req.path}`));
  return { listener: getRequestListener(app.fetch), sessions, cookieName: cookie.name };
}

/** A console at http://127.0.0.1:<port> with the embedded provider at /oidc, on in-memory fake stores. */
export function startAuthTestServer(options: AuthTestServerOptions = {}): Promise<AuthTestServer> {
  return startAuthTestServerWith(fakeStores(), options);
}

/** The same on the stores given (the real, database-backed ones). */
export async function startAuthTestServerWith<S extends SessionStore>(
  stores: Stores<S>,
  options: AuthTestServerOptions = {},
): Promise<AuthTestServer<S>> {
  const { server, url } = await listen('127.0.0.1');
  const providerLog: EmbeddedProviderLogEntry[] = [];
  const provider = await createEmbeddedProvider({
    issuer: `${url}/oidc`,
    people: options.people,
    passwordAttempts: options.passwordAttempts,
    log: (entry) => providerLog.push(entry),
  });
  const app = consoleListener(
    embeddedOidcSettings(provider),
    url,
    options.roles ?? DEFAULT_ROLE_MAPPING,
    stores,
  );
  const providerOutage = { down: false };
  server.on('request', (req, res) => {
    if (!provider.handles(req.url)) return app.listener(req, res);
    if (providerOutage.down) return void req.socket.destroy();
    provider.handle(req, res);
  });
  return { url, provider, providerLog, providerOutage, ...app, close: closer(server) };
}

/** A console at http://localhost:<port> (another origin, same machine) signing in through `oidc`. */
export async function startSecondConsole(oidc: OidcSettings): Promise<ConsoleServer> {
  const { server, url } = await listen('localhost');
  const app = consoleListener(oidc, url, DEFAULT_ROLE_MAPPING, fakeStores());
  server.on('request', app.listener);
  return { url, ...app, close: closer(server) };
}

export interface Visit {
  url: string;
  status: number;
  location: string | undefined;
  body: string;
  response: Response;
}

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost):\d+\//;

export class Browser {
  jar = new CookieJar();
  /** Every response body this browser has read. */
  readonly bodies: string[] = [];

  /** One request, no redirect followed. A post carries its target's `Origin`: a same-origin form, by default. */
  async request(url: string, init: RequestInit = {}): Promise<Visit> {
    const headers = new Headers(init.headers);
    const cookies = this.jar.header(url);
    if (cookies !== '') headers.set('cookie', cookies);
    if (init.method === 'POST' && !headers.has('origin')) headers.set('origin', new URL(url).origin);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.jar.store(url, response);
    const body = await response.text();
    this.bodies.push(body);
    const location = response.headers.get('location') ?? undefined;
    return {
      url,
      status: response.status,
      location: location === undefined ? undefined : new URL(location, url).href,
      body,
      response,
    };
  }

  /** GETs `url` and follows redirects while they stay on this machine's servers; returns every step. */
  async navigate(url: string, init: RequestInit = {}): Promise<Visit[]> {
    const steps = [await this.request(url, init)];
    for (let hops = 0; hops < 10; hops += 1) {
      const last = steps.at(-1) as Visit;
      if (last.location === undefined || !LOOPBACK.test(last.location)) return steps;
      steps.push(await this.request(last.location));
    }
    throw new Error('too many redirects');
  }

  /** Posts a form to `url`, then follows the redirects like `navigate`. */
  async submit(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    const first = await this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
    if (first.location === undefined || !LOOPBACK.test(first.location)) return [first];
    return [first, ...(await this.navigate(first.location))];
  }

  /**
   * The whole flow on the console at `consoleUrl`: its sign-in, the provider's form, the password, back to the
   * console. Returns the steps up to the form, the form, and every step after it was posted.
   */
  async signIn(consoleUrl: string, email: string, password: string, returnTo?: string) {
    const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
    const start = await this.navigate(`${consoleUrl}/auth/sign-in${query}`);
    const form = start.at(-1) as Visit;
    const after = await this.submit(new URL(formAction(form.body), form.url).href, { email, password });
    return { start, form, after, final: after.at(-1) as Visit };
  }
}

export function formAction(html: string): string {
  const match = /<form\b[^>]*\saction="([^"]+)"/.exec(html);
  if (match?.[1] === undefined) throw new Error(`no form in: ${html.slice(0, 300)}`);
  return match[1].replaceAll('&amp;', '&');
}
