/**
 * Where the limits keep their counts: in this process's memory when the console database is a SQLite file (one
 * instance), in PostgreSQL when it is DATABASE_URL (instances behind one load balancer share every budget).
 * The PostgreSQL table is made by the console's migrations (0006-rate-limits), never by rate-limiter-flexible at
 * start, so instances starting together do not race on CREATE TABLE.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { retryAfterSeconds } from './wait-text.ts';
import { logger } from '../operations/logger.ts';

export const RATE_LIMITS_TABLE = 'rate_limits';

export interface LimiterSpec {
  /** Names the counter; keys of different limiters never meet. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  /** Once past `points`, the key is refused this long (from the consume that went past). */
  blockSeconds?: number;
}

export interface LimiterFactory {
  store: 'memory' | 'postgres';
  create(spec: LimiterSpec): RateLimiterAbstract;
  /** Stops the purge and ends the pool; calling it again does nothing. */
  close(): Promise<void>;
}

/** Rows whose window ended this long ago are deleted, at most this often (as the library's own timer would). */
const PURGE_AFTER_MS = 60 * 60_000;
const PURGE_INTERVAL_MS = 5 * 60_000;

const options = (spec: LimiterSpec) => ({
  keyPrefix: spec.keyPrefix,
  points: spec.points,
  duration: spec.durationSeconds,
  blockDuration: spec.blockSeconds ?? 0,
});

export function memoryLimiters(): LimiterFactory {
  return { store: 'memory', create: (spec) => new RateLimiterMemory(options(spec)), close: async () => {} };
}

/** A small pool of its own from the same URL: the limits never wait behind the console database's queries. */
export function postgresLimiters(databaseUrl: string): LimiterFactory {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // As for the console database's pool: a dropped idle connection must not end the process.
  pool.on('error', (error) => logger.warn({ detail: error.message }, 'rate limits: idle connection lost'));
  // One purge for the whole table instead of one timer per limiter (clearExpiredByTimeout), which could not be
  // stopped at close.
  const purge = setInterval(() => {
    pool
      .query(`DELETE FROM ${RATE_LIMITS_TABLE} WHERE expire < $1`, [Date.now() - PURGE_AFTER_MS])
      .catch(() => {}); // an expired row is ignored by every read anyway; the next purge tries again
  }, PURGE_INTERVAL_MS);
  purge.unref();
  let closing: Promise<void> | undefined;
  return {
    store: 'postgres',
    create: (spec) =>
      new RateLimiterPostgres({
        ...options(spec),
        storeClient: pool,
        storeType: 'pool',
        tableName: RATE_LIMITS_TABLE,
        tableCreated: true,
        clearExpiredByTimeout: false,
      }),
    close: () => {
      clearInterval(purge);
      return (closing ??= pool.end());
    },
  };
}

export function createLimiterFactory({ databaseUrl }: { databaseUrl: string | undefined }): LimiterFactory {
  return databaseUrl === undefined ? memoryLimiters() : postgresLimiters(databaseUrl);
}

/**
 * A fixed-length key (the table's is varchar(255)) that stores no email, address or subject in the clear.
 */
export function limitKey(...parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** Counts one for `key`: 0 when allowed, else the seconds to wait. A store failure is thrown. */
export async function consumeOrWait(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return retryAfterSeconds(rejection.msBeforeNext);
    throw rejection;
  }
}
