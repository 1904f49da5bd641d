/**
 * Starts the console's HTTP server for a config: opens the embedded sandbox when it is the upstream and the
 * console's own database (migrating it), runs the embedded OpenID Provider when no OIDC_ISSUER is set, builds the
 * app and listens. Shared by `main.ts` (production) and `dev.ts` (behind Vite), and by the multi-instance tests.
 */
import { getRequestListener } from '@hono/node-server';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServerApp, type ServerDeps } from './app.ts';
import { createEmbeddedProvider, type EmbeddedProvider } from './auth/embedded-provider/index.ts';
import { embeddedOidcSettings } from './auth/oidc-client.ts';
import { createSessionStore } from './auth/session-store.ts';
import { createSignInAttempts } from './auth/sign-in-attempts.ts';
import type { Config } from './config.ts';
import { openConsoleDatabase, type ConsoleDb } from './console-db/open-console-database.ts';
import { startSendHistory } from './history/start-send-history.ts';
import { isLoopbackHost } from './loopback-host.ts';
import { oneHost } from './one-host.ts';
import { createSandbox, openSandboxDatabase, SANDBOX_CREDENTIALS } from './sandbox/index.ts';

export interface RunningServer {
  /** Where a client on this machine reaches it, e.g. `http://localhost:8080`. */
  url: string;
  /** The console's origin for browsers (PUBLIC_URL, or `url` when unset): `/api` writes must come from it. */
  publicUrl: string;
  port: number;
  /** The embedded provider's issuer, when it runs here (a second instance's OIDC_ISSUER). */
  embeddedIssuer: string | undefined;
  /** Stops accepting connections, lets requests in flight finish (at most `graceMs`), then closes the databases. */
  close(graceMs?: number): Promise<void>;
}

/** Expired sessions and abandoned sign-ins are deleted at start and this often (any instance may do it). */
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
  try {
    consoleDb = await openConsoleDatabase({ file: config.consoleDb, databaseUrl: config.databaseUrl });
    // Listen first: without PUBLIC_URL the console's origin (and the embedded issuer) depends on the port.
    const listening = await listen(config);
    server = listening.server;
    const url = `http://${displayHost(config.host)}:${listening.port}`;
    const publicUrl = config.publicUrl ?? url;
    const provider =
      config.oidc === undefined ? await createEmbeddedProvider({ issuer: `${publicUrl}/oidc` }) : undefined;
    const sessions = createSessionStore(consoleDb, {
      idleTimeoutMs: config.sessionIdleMs,
      absoluteLifetimeMs: config.sessionMaxMs,
    });
    const attempts = createSignInAttempts(consoleDb);
    const sandbox = db ? { app: createSandbox({ db, latencyMs: config.sandboxLatencyMs }), credentials: SANDBOX_CREDENTIALS } : undefined;
    const oidc = provider ? embeddedOidcSettings(provider) : config.oidc;
    if (oidc === undefined) throw new Error('unreachable: no OpenID settings and no embedded provider');
    const history = startSendHistory(consoleDb, config);
    stopHistory = history.stop;
    const app = createServerApp(config, {
      ...deps,
      history,
      sandbox,
      auth: { publicUrl, oidc, roles: config.roles, sessions, attempts },
    });
    listening.handle(oneHost(publicUrl, withProvider(provider, getRequestListener(app.fetch))));

    const purge = () => {
      Promise.all([sessions.purgeExpired(), attempts.purgeExpired()]).catch((error: unknown) =>
        logLine('warn', 'console database: purge of expired sessions failed', error),
      );
    };
    purge();
    const purging = setInterval(purge, PURGE_INTERVAL_MS);
    purging.unref();

    const opened = { server, consoleDb };
    let closing: Promise<void> | undefined;
    const close = (graceMs = 10_000) =>
      (closing ??= new Promise<void>((resolve) => {
        clearInterval(purging);
        stopHistory();
        const force = setTimeout(() => opened.server.closeAllConnections(), graceMs);
        force.unref();
        opened.server.close(() => {
          clearTimeout(force);
          db?.close();
          void opened.consoleDb.close().then(resolve, resolve);
        });
        opened.server.closeIdleConnections();
      }));
    return { url, publicUrl, port: listening.port, embeddedIssuer: provider?.issuer, close };
  } catch (error) {
    stopHistory();
    server?.closeAllConnections();
    server?.close();
    db?.close();
    await consoleDb?.close();
    throw error;
  }
}

/** `/oidc/*` to the embedded provider's own Node handler (it is a Koa app), everything else to Hono. */
function withProvider(provider: EmbeddedProvider | undefined, app: RequestListener): RequestListener {
  if (provider === undefined) return app;
  return (req, res) => (provider.handles(req.url) ? provider.handle(req, res) : app(req, res));
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

function logLine(level: 'info' | 'warn', msg: string, error?: unknown) {
  const detail = error instanceof Error ? { detail: error.name } : {};
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...detail })}\n`);
}

/** How a browser on this machine names the address: loopback and every interface read as `localhost`. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '::1' || isLoopbackHost(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Closes on SIGTERM or SIGINT; a second signal exits at once. */
export function closeOnSignals(close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    const line = (msg: string) =>
      process.stdout.write(
        `${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg, signal })}\n`,
      );
    line('stopping');
    close().then(
      () => {
        line('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
