/**
 * Starts the console's HTTP server for a config: opens the embedded sandbox when it is the upstream and the
 * console's own database (migrating it), runs the embedded OpenID Provider when no OIDC_ISSUER is set, builds the
 * app and listens. Shared by `bin/main.ts` (production) and `bin/dev.ts` (behind Vite), and by the multi-instance tests.
 */
import { getRequestListener } from '@hono/node-server';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServerApp, type ServerDeps } from './http/app.ts';
import { createEmbeddedProvider, type EmbeddedProvider } from './auth/embedded-provider/index.ts';
import { createOidcClient, embeddedOidcSettings } from './auth/oidc-client.ts';
import { withRoleRecheck } from './auth/role-recheck.ts';
import { createSessionStore } from './auth/session-store.ts';
import { createSealedSignInAttempts, SIGN_IN_ATTEMPTS_KEY_NAME } from './auth/sign-in-attempts.ts';
import type { Config } from './config.ts';
import { consoleKey } from './console-db/console-keys.ts';
import { openConsoleDatabase, type ConsoleDb } from './console-db/open-console-database.ts';
import { startSendHistory } from './history/start-send-history.ts';
import { createScheduleRunner, type ScheduleRunner } from './history/schedule-runner.ts';
import { createScheduledSends } from './history/scheduled-sends.ts';
import { createPersonStandings } from './auth/person-standing.ts';
import { createLimiterFactory } from './limits/limiter-factory.ts';
import { createLimits, type Limits } from './limits/limits.ts';
import { isLoopbackHost } from './loopback-host.ts';
import { oneHost } from './http/one-host.ts';
import { createDrain, type Drain } from './operations/drain.ts';
import { errorName, logger } from './operations/logger.ts';
import { readiness } from './operations/probes.ts';
import { createMetrics } from './operations/metrics.ts';
import { clientAddressFrom } from './limits/client-address.ts';
import { stdoutLogger, type RequestLogger } from './http/request-log.ts';
import { createSandbox, openSandboxDatabase, SANDBOX_CREDENTIALS } from '../sandbox/index.ts';

export interface RunningServer {
  /** Where a client on this machine reaches it, e.g. `http://localhost:8080`. */
  url: string;
  /** The console's origin for browsers (PUBLIC_URL, or `url` when unset): `/api` writes must come from it. */
  publicUrl: string;
  port: number;
  /** The embedded provider's issuer, when it runs here (a second instance's OIDC_ISSUER). */
  embeddedIssuer: string | undefined;
  /**
   * Drains (see drainThen), stops accepting connections, lets the requests in flight finish, then closes the
   * databases; all within `graceMs` (SHUTDOWN_GRACE_MS by default).
   */
  /** Resolves false when the grace period ran out before the writes under way had finished. */
  close(graceMs?: number): Promise<boolean>;
}

/** Expired sessions are deleted at start and this often (any instance may do it). */
const PURGE_INTERVAL_MS = 10 * 60_000;

export async function launchServer(
  config: Config,
  deps: Pick<ServerDeps, 'log' | 'fetch'> = {},
): Promise<RunningServer> {
  // With a remote upstream there is no sandbox at all: a console pointed at a real tenant serves no made-up data.
  const db =
    config.upstream.kind === 'embedded-sandbox'
      ? openSandboxDatabase(config.sandboxDb, { reset: config.sandboxReset })
      : undefined;
  let consoleDb: ConsoleDb | undefined;
  let server: Server | undefined;
  let stopHistory = () => {};
  let runner: ScheduleRunner | undefined;
  let limits: Limits | undefined;
  try {
    consoleDb = await openConsoleDatabase({ file: config.consoleDb, databaseUrl: config.databaseUrl });
    // After the migrations: on PostgreSQL the limits count in their table.
    const clientAddress = clientAddressFrom(config.trustProxyHops);
    limits = createLimits(createLimiterFactory({ databaseUrl: config.databaseUrl }), {
      sendsPer10Minutes: config.sendLimitPer10Min,
      clientAddress,
    });
    // Listen first: without PUBLIC_URL the console's origin (and the embedded issuer) depends on the port.
    const listening = await listen(config);
    server = listening.server;
    const url = `http://${displayHost(config.host)}:${listening.port}`;
    const publicUrl = config.publicUrl ?? url;
    if (config.publicUrl === undefined && !isLoopbackHost(config.host) && config.host !== '::1') {
      // Browsers on other machines would be sent to their own localhost (one-host.ts) and sign in nowhere.
      logger.warn(
        { host: config.host, publicUrl },
        'PUBLIC_URL is not set: only browsers on this machine can use it',
      );
    }
    const provider =
      config.oidc === undefined
        ? await createEmbeddedProvider({
            issuer: `${publicUrl}/oidc`,
            passwordAttempts: limits.passwordAttempts,
            clientAddress,
          })
        : undefined;
    const sessions = createSessionStore(consoleDb, {
      idleTimeoutMs: config.sessionIdleMs,
      absoluteLifetimeMs: config.sessionMaxMs,
    });
    const attempts = createSealedSignInAttempts(await consoleKey(consoleDb, SIGN_IN_ATTEMPTS_KEY_NAME));
    const sandbox = db
      ? { app: createSandbox({ db, latencyMs: config.sandboxLatencyMs }), credentials: SANDBOX_CREDENTIALS }
      : undefined;
    const oidc = provider ? embeddedOidcSettings(provider) : config.oidc;
    if (oidc === undefined) throw new Error('unreachable: no OpenID settings and no embedded provider');
    // Whoever reads a session (the /api guard, /auth/session, the pages) gets its role as the provider says now.
    const checkedSessions = withRoleRecheck(sessions, {
      provider: createOidcClient(oidc),
      roles: config.roles,
      intervalMs: config.roleRecheckMs,
    });
    const history = startSendHistory(consoleDb, config);
    stopHistory = history.stop;
    const drain = createDrain();
    const metrics = createMetrics({ activeSessions: () => sessions.countActive() });
    // Send later: every instance runs what is due (one claims each send); the runner sends through the app's /api.
    const scheduled = createScheduledSends(consoleDb);
    const standings = createPersonStandings(consoleDb);
    runner = createScheduleRunner({
      scheduled,
      history,
      standings,
      recheckPerson: (subject) => checkedSessions.recheckPerson(subject),
      maxLateMs: config.scheduleMaxLateMs,
      pollMs: config.schedulePollMs,
      metrics,
    });
    const app = createServerApp(config, {
      ...deps,
      drain,
      metrics: { registry: metrics, token: config.metricsToken, behindProxies: config.trustProxyHops > 0 },
      ready: readiness(consoleDb, () => drain.draining),
      history,
      limits,
      sandbox,
      auth: { publicUrl, oidc, roles: config.roles, sessions: checkedSessions, attempts },
      schedules: { scheduled, standings, runner },
    });
    listening.handle(
      oneHost(publicUrl, withProvider(provider, getRequestListener(app.fetch), deps.log ?? stdoutLogger)),
    );

    const purge = () => {
      sessions
        .purgeExpired()
        .catch((error: unknown) =>
          logger.warn({ detail: errorName(error) }, 'console database: purge of expired sessions failed'),
        );
    };
    purge();
    const purging = setInterval(purge, PURGE_INTERVAL_MS);
    purging.unref();
    runner.start();
    const scheduleRunner = runner;

    const opened = { server, consoleDb, limits };
    let closing: Promise<boolean> | undefined;
    const close = (graceMs = config.shutdownGraceMs) =>
      (closing ??= drainThen(
        drain,
        graceMs,
        // No scheduled send starts once the stop has begun; one under way finishes (its record completes) first.
        () => scheduleRunner.stop(),
        (leftMs) =>
          new Promise<void>((resolve) => {
            clearInterval(purging);
            stopHistory();
            const force = setTimeout(() => opened.server.closeAllConnections(), leftMs);
            force.unref();
            opened.server.close(() => {
              clearTimeout(force);
              db?.close();
              void Promise.all([opened.consoleDb.close(), opened.limits.close()]).then(
                () => resolve(),
                resolve,
              );
            });
            opened.server.closeIdleConnections();
          }),
      ));
    return { url, publicUrl, port: listening.port, embeddedIssuer: provider?.issuer, close };
  } catch (error) {
    stopHistory();
    void runner?.stop();
    server?.closeAllConnections();
    server?.close();
    db?.close();
    await Promise.all([consoleDb?.close(), limits?.close()]);
    throw error;
  }
}

/**
 * The stop's first half: `/readyz` fails and new `/api` writes are refused at once, while the writes under way (a
 * send and its record) finish; then `closeRest` gets what is left of the grace period.
 */
async function drainThen(
  drain: Drain,
  graceMs: number,
  stopBackground: () => Promise<void>,
  closeRest: (leftMs: number) => Promise<void>,
): Promise<boolean> {
  const started = Date.now();
  drain.start();
  const background = stopBackground();
  const writes = drain.writesFinished(graceMs);
  const scheduledDone = await Promise.race([
    background.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs).unref()),
  ]);
  const finished = (await writes) && scheduledDone;
  if (!finished) {
    logger.warn(
      { writesInFlight: drain.writesInFlight, graceMs },
      'stopping: the grace period ran out with writes under way; their records may say "outcome unknown"',
    );
  }
  await closeRest(Math.max(0, graceMs - (Date.now() - started)));
  return finished;
}

/**
 * `/oidc/*` to the embedded provider's own Node handler (it is a Koa app), logged like every other request;
 * everything else to Hono.
 */
function withProvider(
  provider: EmbeddedProvider | undefined,
  app: RequestListener,
  log: RequestLogger,
): RequestListener {
  if (provider === undefined) return app;
  return (req, res) => {
    if (!provider.handles(req.url)) return app(req, res);
    const started = performance.now();
    const requestId = crypto.randomUUID();
    res.setHeader('x-request-id', requestId);
    res.once('finish', () => {
      const status = res.statusCode;
      log({
        time: new Date().toISOString(),
        level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
        msg: 'request',
        method: req.method ?? 'GET',
        // The path alone: a query here carries sign-in codes and state.
        path: (req.url ?? '/').split('?', 1)[0]!,
        status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        requestId,
      });
    });
    provider.handle(req, res);
  };
}

/** A server listening on the config's address; requests wait for `handle` to be given the real listener. */
async function listen(config: Config) {
  let resolveHandler: (listener: RequestListener) => void = () => {};
  const handler = new Promise<RequestListener>((resolve) => (resolveHandler = resolve));
  let ready: RequestListener | undefined;
  const server = createServer((req, res) => {
    if (ready) ready(req, res);
    else void handler.then((listener) => listener(req, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    handle(listener: RequestListener) {
      ready = listener;
      resolveHandler(listener);
    },
  };
}

/** How a browser on this machine names the address: loopback and every interface read as `localhost`. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '::1' || isLoopbackHost(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * A repeat of the stop's own signal within this long is the same stop: a Ctrl-C or a process-group kill reaches
 * npm and the server alike, and npm passes it on once more.
 */
const SAME_STOP_MS = 1_000;

/**
 * Closes on SIGTERM or SIGINT and exits 0 once closed, or 1 if the grace period ran out first. Another signal
 * from the operator (a different one, or the same one later than SAME_STOP_MS) exits at once.
 */
export function closeOnSignals(close: () => Promise<boolean | void>, graceMs: number): void {
  let stop: { signal: NodeJS.Signals; at: number } | undefined;
  const line = (msg: string, signal: NodeJS.Signals) =>
    process.stdout.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg, signal })}\n`,
    );
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop !== undefined) {
      if (signal === stop.signal && Date.now() - stop.at < SAME_STOP_MS) return;
      line('stopping at once: a second signal', signal);
      process.exit(1);
    }
    stop = { signal, at: Date.now() };
    line('stopping', signal);
    // Beyond the grace period (plus a moment to close the databases), the stop has failed.
    setTimeout(() => process.exit(1), graceMs + 2_000).unref();
    close().then(
      (drained) => {
        line('stopped', signal);
        process.exit(drained === false ? 1 : 0);
      },
      (error: unknown) => {
        logger.error({ detail: errorName(error) }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  // Kept installed: a signal with no handler left would end the process mid-send.
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
