// @vitest-environment node
/**
 * Anyone on the internet can start a sign-in. The running console (launch.ts: the real app, its embedded provider
 * and console database) answers 300 of them, from ten addresses, without adding a row to any table of its
 * database, on SQLite (whose one writer also records sends) and on PostgreSQL, the limit on sign-in starts
 * included (it counts in memory).
 */
import { sql } from 'kysely';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openConsoleDatabase, type ConsoleDb } from '../console-db/open-console-database.ts';
import { testDialects, type TestDialect } from '../console-db/testing/test-databases.ts';
import { launchServer, type RunningServer } from '../launch.ts';

const ADDRESSES = Array.from({ length: 10 }, (_, i) => `127.0.0.${i + 11}`);
const PER_ADDRESS = 30;

/** Every table the database holds, migrations' own included, with its number of rows. */
async function rowCounts({ db }: ConsoleDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name } of await db.introspection.getTables()) {
    const { rows } = await sql<{
      count: number | string;
    }>`select count(*) as count from ${sql.table(name)}`.execute(db);
    counts[name] = Number(rows[0]?.count);
  }
  return counts;
}

/** `GET /auth/sign-in` from `address`, to the public host, as a browser there would send it. */
function startSignIn(server: RunningServer, address: string, returnTo: string) {
  return new Promise<{ status: number; location?: string; setCookie: string[] }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        localAddress: address,
        path: `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`,
        headers: { host: new URL(server.publicUrl).host },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location,
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The console as `npm start` runs it, on a fresh database of the dialect; and a connection to look into it. */
async function launchOn(dialect: TestDialect) {
  const database = await dialect.create();
  cleanups.push(database.dispose);
  const folder = await mkdtemp(join(tmpdir(), 'sign-in-starts-'));
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  const { file, databaseUrl } = database.options;
  const env = databaseUrl === undefined ? { CONSOLE_DB: file ?? '' } : { DATABASE_URL: databaseUrl };
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SANDBOX_DB: join(folder, 'sandbox.db'), ...env });
  const server = await launchServer({ ...config, staticRoot: null }, { log: () => {} });
  cleanups.push(async () => void (await server.close()));
  const inspector = await openConsoleDatabase(database.options);
  cleanups.push(inspector.close);
  return { server, inspector };
}

describe.each(testDialects)('unauthenticated sign-in starts on $name', (dialect) => {
  it(
    `add no row to the console database, ${ADDRESSES.length * PER_ADDRESS} of them`,
    { timeout: 60_000 },
    async () => {
      const { server, inspector } = await launchOn(dialect);
      const before = await rowCounts(inspector);
      expect(Object.keys(before)).toEqual(
        expect.arrayContaining(['sessions', 'send_records', 'console_keys']),
      );

      const answers = [];
      for (let round = 0; round < PER_ADDRESS; round += 1) {
        const batch = ADDRESSES.map((address) => startSignIn(server, address, `/events/ev-${round}`));
        answers.push(...(await Promise.all(batch)));
      }

      // Each one really started: off to the provider, with the sign-in attempt in its cookie.
      expect(answers).toHaveLength(ADDRESSES.length * PER_ADDRESS);
      for (const answer of answers) {
        expect(answer.status).toBe(303);
        expect(answer.location).toMatch(new RegExp(`^${server.publicUrl}/oidc/auth\\?`));
        expect(answer.setCookie.some((cookie) => /^console_session_\d+_sign_in=[^;]/.test(cookie))).toBe(
          true,
        );
      }
      expect(await rowCounts(inspector)).toEqual(before);
    },
  );
});
