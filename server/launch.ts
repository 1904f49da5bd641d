/**
 * Starts the console's HTTP server for a config: opens the embedded sandbox when it is the upstream, builds the
 * app and listens. Shared by `main.ts` (production) and `dev.ts` (behind Vite), and by the two-instance test.
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServerApp, type ServerDeps } from './app.ts';
import type { Config } from './config.ts';
import { createSandbox, openSandboxDatabase, SANDBOX_CREDENTIALS } from './sandbox/index.ts';

export interface RunningServer {
  /** Where a browser on this machine reaches it, e.g. `http://localhost:8080`. */
  url: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish (at most `graceMs`), then closes the database. */
  close(graceMs?: number): Promise<void>;
}

export async function launchServer(
  config: Config,
  deps: Pick<ServerDeps, 'log' | 'fetch'> = {},
): Promise<RunningServer> {
  // With a remote upstream there is no sandbox at all: a console pointed at a real tenant serves no made-up data.
  const db =
    config.upstream.kind === 'embedded-sandbox'
      ? openSandboxDatabase(config.sandboxDb, { reset: config.sandboxReset })
      : undefined;
  const sandbox = db ? { app: createSandbox({ db }), credentials: SANDBOX_CREDENTIALS } : undefined;
  const app = createServerApp(config, { ...deps, sandbox });

  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
        resolve(s as Server),
      );
      s.once('error', reject);
    });
  } catch (error) {
    db?.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = (graceMs = 10_000) =>
    (closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        db?.close();
        resolve();
      });
      server.closeIdleConnections();
    }));

  return { url: `http://${displayHost(config.host)}:${port}`, port, close };
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
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
