/**
 * The whole HTTP surface of the console, as one Hono app: request id and log line, security headers and a body
 * limit on everything, then `/healthz`, the embedded sandbox at `/sandbox` (its own bearer check), sign-in at
 * `/auth`, the forwarder at `/api` behind its guards (same-origin JSON writes, a session, the route's role), and
 * the production build (pages for signed-in people). Built from a config and injected dependencies so tests can
 * drive it with `app.request()`. The embedded OpenID Provider (`/oidc`) sits in front of this app (launch.ts).
 */
import { Hono } from 'hono';
import type { OidcClientOptions, OidcSettings } from '../auth/oidc-client.ts';
import { requireRole } from '../auth/require-role.ts';
import { requireSession } from '../auth/require-session.ts';
import type { RoleMapping } from '../auth/roles.ts';
import type { SessionStore } from '../auth/session-store.ts';
import { createSessionsAdminRoutes } from '../auth/sessions-admin-routes.ts';
import type { SignInAttempts } from '../auth/sign-in-attempts.ts';
import { createSignInRoutes, readSession, sessionCookieSettings } from '../auth/sign-in-routes.ts';
import { bodyLimitFromHeaders } from './body-limit.ts';
import type { Config } from '../config.ts';
import { apiWriteGuard, crossSiteReadGuard } from './cross-site-guard.ts';
import { consoleError } from './errors.ts';
import { ALLOWED_ROUTES } from '../forwarder/allowed-routes.ts';
import { createForwarder } from '../forwarder/create-forwarder.ts';
import { checkRouteParams } from '../forwarder/route-params.ts';
import {
  createUpstreamClient,
  type UpstreamClient,
  type UpstreamOptions,
} from '../forwarder/upstream-client.ts';
import type { FetchLike } from '../forwarder/upstream-fetch.ts';
import { checkUpstream } from './healthz.ts';
import { createEventFacts } from '../history/event-facts.ts';
import { createHistoryRoutes } from '../history/history-routes.ts';
import { recordSends, type SendHistory } from '../history/record-sends.ts';
import { internalSends, mountReminders } from '../history/reminder-route.ts';
import { mountSchedules } from '../history/schedule-routes.ts';
import type { ScheduleRunner } from '../history/schedule-runner.ts';
import type { ScheduledSends } from '../history/scheduled-sends.ts';
import type { PersonStandings } from '../auth/person-standing.ts';
import type { RequestLimits } from '../limits/limits.ts';
import { createDrain, type Drain } from '../operations/drain.ts';
import { logger } from '../operations/logger.ts';
import { probeRoutes, type ProbeDeps } from '../operations/probes.ts';
import { createUpstreamHealth } from '../operations/upstream-health.ts';
import { httpMetrics } from '../operations/http-metrics.ts';
import type { ConsoleMetrics } from '../operations/metrics.ts';
import { metricsRoutes } from '../operations/metrics-route.ts';
import { measuredFetch } from '../operations/upstream-metrics.ts';
import { requestLog, stdoutLogger, type RequestLogger } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';
import type { ServerEnv } from './server-env.ts';
import type { PageRenderer, PageRendererOptions } from '../render/page-renderer.ts';
import { mountStaticFiles } from '../static/static-files.ts';

/** Anything that answers a web Request: the sandbox's Hono app, or a fake upstream in tests. */
export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
}

/** Sign-in: who may use the console. Required: there is no unauthenticated mode. */
export interface ServerAuth {
  /** The console's origin as browsers reach it (PUBLIC_URL, resolved). */
  publicUrl: string;
  oidc: OidcSettings;
  roles: RoleMapping;
  sessions: SessionStore;
  attempts: SignInAttempts;
  /** Tuning for the OpenID client (discovery retries); production defaults otherwise. */
  oidcClient?: OidcClientOptions;
}

export interface ServerDeps {
  auth: ServerAuth;
  /**
   * The embedded sandbox (routes at `/v2/...`, `/v3/...`) and its client credentials: served at `/sandbox`, and the
   * upstream when no remote one is configured.
   */
  sandbox?: { app: FetchApp; credentials: { clientId: string; clientSecret: string } };
  /** The fetch used for a remote upstream; the global fetch by default. */
  fetch?: FetchLike;
  log?: RequestLogger;
  now?: () => number;
  /** The send history (launch.ts always gives one); without it sends are forwarded unrecorded (unit tests). */
  history?: SendHistory;
  /** The instance's stop (launch.ts gives it, and starts it on SIGTERM); a fresh one otherwise. */
  drain?: Drain;
  /** Prometheus metrics, served at `/metrics` (launch.ts gives them); without them nothing is measured. */
  metrics?: { registry: ConsoleMetrics; token?: string; behindProxies?: boolean };
  /** `/readyz`: the console database and the drain (launch.ts); without it, ready unless draining. */
  ready?: ProbeDeps['ready'];
  /** Limits on sign-in starts and sends (launch.ts always gives them); without them nothing is limited (unit tests). */
  limits?: RequestLimits;
  /** Send later (launch.ts always gives it, with the history): its routes, and the runner the `/api` app is given to. */
  schedules?: ScheduleDeps;
}

export interface ScheduleDeps {
  scheduled: ScheduledSends;
  standings: PersonStandings;
  /** Dispatches due sends to this app's `/api` (attached here once it is built). */
  runner?: ScheduleRunner;
  /** The clock "now" is checked against (sendAt after it); Date.now by default. */
  now?: () => number;
}

/** The embedded sandbox's address as the forwarder sees it; requests to it never leave the process. */
export const EMBEDDED_SANDBOX_BASE_URL = 'http://sandbox.internal/sandbox';
export const EMBEDDED_SANDBOX_PREFIX = '/sandbox';

export type ServerConfig = Pick<Config, 'upstream' | 'upstreamTimeoutMs' | 'bodyLimitBytes' | 'staticRoot'> &
  // Unset or 0: the browser renders every page (the tests of the API and the guards leave it out).
  Partial<Pick<Config, 'renderBoundMs'>>;

export function createServerApp(config: ServerConfig, deps: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const upstream = createUpstreamClient(upstreamOptions(config, deps));
  const { auth } = deps;
  const publicOrigin = new URL(auth.publicUrl).origin;
  const issuerOrigin = new URL(auth.oidc.issuer).origin;
  const cookie = sessionCookieSettings(publicOrigin);

  app.use('*', requestLog(deps.log ?? stdoutLogger));
  if (deps.metrics !== undefined) app.use('*', httpMetrics(deps.metrics.registry));
  app.use(
    '*',
    securityHeaders(issuerOrigin === publicOrigin ? [] : [issuerOrigin], {
      https: publicOrigin.startsWith('https:'),
    }),
  );
  app.use(
    '*',
    bodyLimitFromHeaders({
      maxSize: config.bodyLimitBytes,
      onError: (c) =>
        consoleError(
          c,
          413,
          {
            errorCode: 'PAYLOAD_TOO_LARGE',
            message: `The request body is larger than the ${config.bodyLimitBytes} bytes this server accepts.`,
          },
          // The rest of the body is never read, so the connection cannot carry another request: say so, or a
          // client that reuses it gets a connection reset instead of its next answer.
          { connection: 'close' },
        ),
    }),
  );

  const drain = deps.drain ?? createDrain();
  const health = createUpstreamHealth(() =>
    checkUpstream(upstream, config.upstream.kind, (detail) =>
      logger.warn({ detail }, 'upstream health check: degraded'),
    ),
  );
  app.route('/', probeRoutes({ health, ready: deps.ready ?? (async () => notDraining(drain)) }));
  if (deps.metrics !== undefined) app.route('/', metricsRoutes(deps.metrics.registry, deps.metrics));
  // First in /api: a stopping server refuses a write before it is checked, recorded or forwarded.
  app.use('/api/*', drain.guardWrites);
  const sandbox = deps.sandbox;
  // The sandbox's routes join this app's router. A mount would build a second Request for every call (the
  // first with the prefix cut from its URL), which also makes @hono/node-server turn its lightweight request into
  // a full one with a web stream for the body: more CPU than a whole travelers-list page of the sandbox.
  if (sandbox?.app instanceof Hono) app.route(EMBEDDED_SANDBOX_PREFIX, sandbox.app);
  else if (sandbox) app.mount(EMBEDDED_SANDBOX_PREFIX, (request) => sandbox.app.fetch(request));
  if (deps.limits !== undefined) app.use('/auth/sign-in', deps.limits.signInStart);
  app.route(
    '/',
    createSignInRoutes({
      oidc: auth.oidc,
      sessions: auth.sessions,
      attempts: auth.attempts,
      publicUrl: publicOrigin,
      cookie,
      roles: auth.roles,
      client: auth.oidcClient,
    }),
  );
  app.route(
    '/api',
    guardedApi(
      createForwarder(upstream),
      publicOrigin,
      { sessions: auth.sessions, cookie },
      deps.history,
      upstream,
      deps.limits?.send,
      deps.schedules,
    ),
  );
  if (config.staticRoot !== null) {
    mountStaticFiles(app, config.staticRoot, {
      signedIn: async (c) => (await readSession(c, { sessions: auth.sessions, cookie })) !== undefined,
      renderPage: config.renderBoundMs
        ? lazyPageRenderer({
            fetch: (request) => app.fetch(request),
            publicOrigin,
            boundMs: config.renderBoundMs,
          })
        : undefined,
    });
  }

  app.notFound((c) =>
    consoleError(c, 404, { errorCode: 'NOT_FOUND', message: `Nothing at ${c.req.method} ${c.req.path}.` }),
  );
  app.onError((error, c) => {
    // The error's message may quote request data, so the log line gets only its name; the stack goes to stderr.
    c.set('logDetail', `unhandled ${error.name}`);
    // Where it happened (the frames), not the message's own line.
    const frames = (error.stack ?? '').split('\n').slice(1).join('\n');
    logger.error({ requestId: c.get('requestId'), detail: error.name, frames }, 'unhandled error');
    return consoleError(c, 500, {
      errorCode: 'INTERNAL_ERROR',
      message:
        'The console server failed unexpectedly. Nothing more is known; the request id leads to the log.',
    });
  });
  return app;
}

/**
 * The page renderer, which brings the whole browser app into the server: loaded at start, in the background, and
 * only when pages are rendered on the server at all (RENDER_BOUND_MS above 0).
 */
function lazyPageRenderer(options: PageRendererOptions): PageRenderer {
  const renderer = import('../render/page-renderer.ts').then((module) => module.createPageRenderer(options));
  // A renderer that cannot load fails each render (the browser then renders the page), not the server's start.
  renderer.catch(() => undefined);
  return async (...args) => (await renderer)(...args);
}

/**
 * `/api` in the order its guards must run: a cross-site or non-JSON write is refused before anything else (it
 * is no one's request), then a missing session (401), then a role below the route's (403), then a path parameter
 * outside its shape (400), then the limit on sends (429) and the send history; only then the forwarder. Each
 * route's part in this comes from its row in ALLOWED_ROUTES. The history's own reads (`/api/history`) are
 * answered before the forwarder.
 */
function guardedApi(
  forwarder: Hono<ServerEnv>,
  publicOrigin: string,
  session: Parameters<typeof requireSession>[0],
  history: SendHistory | undefined,
  upstream: UpstreamClient,
  sendLimit?: RequestLimits['send'],
  schedules?: ScheduleDeps,
): Hono<ServerEnv> {
  const api = new Hono<ServerEnv>();
  // A reminder's own invite/send, dispatched to this app by the server (history/reminder-route.ts).
  api.use('*', internalSends);
  // An error in a send the server dispatched itself (a reminder's) reaches the app's handler, as any other does:
  // one envelope and one log line, not Hono's plain-text 500.
  api.onError((error) => {
    throw error;
  });
  api.use('*', apiWriteGuard(publicOrigin));
  // The history's reads hold personal data and a CSV download: another site's page may not make them either.
  api.use('/history/*', crossSiteReadGuard());
  api.use('*', requireSession(session));
  // The event page's own read of the event tells the send records its name and traveler count.
  const eventFacts = history === undefined ? undefined : createEventFacts({ upstream });
  for (const route of ALLOWED_ROUTES) {
    // Role before shape: whoever may not call a route at all is told so, not what its ids must look like.
    api.on(route.method, route.path, requireRole(route.role, route.action), checkRouteParams(route));
    if (eventFacts !== undefined && route.eventFacts) api.on(route.method, route.path, eventFacts.peek);
    // After the guards (a refused send is no one's send), before the forwarder (on the record before it leaves).
    // A limit on sends belongs right here, before the recorder: a send it refuses is never on the record.
    if (sendLimit !== undefined && route.records !== undefined) api.on(route.method, route.path, sendLimit);
    if (history !== undefined && route.records !== undefined) {
      api.on(route.method, route.path, recordSends(route.records, history, eventFacts));
    }
  }
  if (history !== undefined) {
    // Its own routes (each with its role), answered here: they never reach the forwarder.
    api.route('/history', createHistoryRoutes({ queries: history.queries }));
    // "Remind those who haven't answered": its invite/send goes through this same app, guards, limit and record.
    mountReminders({ api, history, upstream, eventFacts, sendLimit });
    if (schedules !== undefined) {
      // Send later: planning, moving and cancelling; the runner sends through this same app when it is due.
      const { scheduled, standings } = schedules;
      mountSchedules({ api, history, scheduled, standings, eventFacts, now: schedules.now ?? Date.now });
      schedules.runner?.attach(api);
    }
  }
  // The admin Sessions page: who is signed in, and ending a person's sessions (admins only, its own role checks).
  api.route('/sessions', createSessionsAdminRoutes(session));
  api.route('/', forwarder);
  return api;
}

function upstreamOptions(config: ServerConfig, deps: ServerDeps): UpstreamOptions {
  const common = { timeoutMs: config.upstreamTimeoutMs, now: deps.now };
  if (config.upstream.kind === 'remote') {
    return {
      ...common,
      baseUrl: config.upstream.baseUrl,
      credentials: config.upstream.credentials,
      fetch: measured(deps.fetch ?? fetch, deps),
    };
  }
  if (!deps.sandbox)
    throw new Error('The embedded sandbox is the upstream, so createServerApp needs deps.sandbox');
  return {
    ...common,
    baseUrl: EMBEDDED_SANDBOX_BASE_URL,
    credentials: deps.sandbox.credentials,
    fetch: measured(inProcess(deps.sandbox.app), deps),
  };
}

/** A fetch that hands the request to the sandbox app directly, as if it had come in at `/sandbox/...`. */
function inProcess(sandbox: FetchApp): FetchLike {
  return async (input, init) => {
    const url = new URL(input);
    url.pathname = url.pathname.slice(EMBEDDED_SANDBOX_PREFIX.length) || '/';
    return sandbox.fetch(new Request(url, init));
  };
}

function notDraining(drain: Drain): { ready: true } | { ready: false; reason: string } {
  return drain.draining ? { ready: false, reason: 'shutting down' } : { ready: true };
}

function measured(fetch: FetchLike, deps: ServerDeps): FetchLike {
  return deps.metrics === undefined ? fetch : measuredFetch(fetch, deps.metrics.registry);
}
