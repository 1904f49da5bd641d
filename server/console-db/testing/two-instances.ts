/**
 * Test support: two running consoles on one throwaway PostgreSQL database, behind one PUBLIC_URL as behind a load
 * balancer. A runs the embedded provider; B signs people in through it and shares everything else through the
 * database. Each has its own sandbox file. `close` stops both and drops the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedIssuerEnv } from '../../auth/testing/sign-in-over-http.ts';
import { loadConfig } from '../../config.ts';
import { launchServer, type RunningServer } from '../../launch.ts';
import { createPostgresDatabase, type TestPostgresDatabase } from './postgres.ts';

export interface TwoInstances {
  a: RunningServer;
  b: RunningServer;
  database: TestPostgresDatabase;
  close(): Promise<void>;
}

/** `env`: more settings for both (e.g. a small SEND_LIMIT_PER_10_MIN). */
export async function launchTwoOnPostgres(env: Record<string, string> = {}): Promise<TwoInstances> {
  const dir = mkdtempSync(join(tmpdir(), 'console-two-'));
  const database = await createPostgresDatabase();
  const common = { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database.url, ...env };
  const launch = (settings: Record<string, string>) =>
    launchServer({ ...loadConfig({ ...common, ...settings }), staticRoot: null }, { log: () => {} });
  const a = await launch({ SANDBOX_DB: join(dir, 'a.db') });
  const b = await launch({
    ...embeddedIssuerEnv(`${a.publicUrl}/oidc`),
    PUBLIC_URL: a.publicUrl,
    SANDBOX_DB: join(dir, 'b.db'),
  });
  return {
    a,
    b,
    database,
    async close() {
      await Promise.all([a.close(), b.close()]);
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
