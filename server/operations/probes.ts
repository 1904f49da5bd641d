/**
 * The probes an orchestrator and a load balancer call. None of them calls Spotnana:
 *   GET /livez   the process answers (liveness: restart it when this fails). No I/O.
 *   GET /readyz  the console database answers with every migration applied, and the instance is not stopping
 *                (readiness: send it traffic only while this is 200).
 *   GET /healthz the upstream's state as last checked in the background (dashboards), see ../healthz.ts.
 */
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { ConsoleDb } from '../console-db/open-console-database.ts';
import { MIGRATION_TABLE } from '../console-db/migrate.ts';
import { consoleMigrations } from '../console-db/migrations/index.ts';
import { healthz } from '../http/healthz.ts';
import type { ServerEnv } from '../http/server-env.ts';
import type { UpstreamHealth } from './upstream-health.ts';

/** A database that takes longer than this to answer `/readyz` is as good as down for traffic. */
const READINESS_TIMEOUT_MS = 2_000;

export interface ProbeDeps {
  health: UpstreamHealth;
  /** Whether this instance may take traffic; the reason when it may not. */
  ready(): Promise<{ ready: true } | { ready: false; reason: string }>;
}

export function probeRoutes({ health, ready }: ProbeDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.use('*', async (c, next) => {
    c.header('cache-control', 'no-store');
    await next();
  });
  app.get('/livez', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const state = await ready();
    return state.ready
      ? c.json({ status: 'ready' })
      : c.json({ status: 'not ready', reason: state.reason }, 503);
  });
  app.get('/healthz', healthz(health));
  return app;
}

/** The newest migration this build knows: once it is recorded, the schema is the one the code expects. */
const LATEST_MIGRATION = Object.keys(consoleMigrations).sort().at(-1) ?? '';

/** Readiness from the console database and the drain: one indexed read, with a timeout. */
export function readiness(consoleDb: ConsoleDb, isDraining: () => boolean): ProbeDeps['ready'] {
  return async () => {
    if (isDraining()) return { ready: false, reason: 'shutting down' };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), READINESS_TIMEOUT_MS);
    });
    try {
      const found = await Promise.race([
        sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} where name = ${LATEST_MIGRATION}`
          .execute(consoleDb.db)
          .then((result) => result.rows.length > 0),
        timeout,
      ]);
      if (found === 'timeout') return { ready: false, reason: 'console database timed out' };
      return found ? { ready: true } : { ready: false, reason: 'console database migrations pending' };
    } catch {
      return { ready: false, reason: 'console database unavailable' };
    } finally {
      clearTimeout(timer);
    }
  };
}
