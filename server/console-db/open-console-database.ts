/**
 * Opens the console's own database, choosing the dialect once: PostgreSQL when a URL is given (instances sharing
 * it share sessions), otherwise a SQLite file. Migrations run before it is handed out.
 */
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, type Dialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { migrateConsoleDatabase } from './migrate.ts';
import type { ConsoleDatabase } from './schema.ts';
import { ConsoleSqliteDialect } from './sqlite-dialect.ts';
import { logger } from '../operations/logger.ts';

export type ConsoleDialect = 'sqlite' | 'postgres';

export interface ConsoleDb {
  db: Kysely<ConsoleDatabase>;
  dialect: ConsoleDialect;
  /** Closes the file or ends the pool; calling it again does nothing. */
  close(): Promise<void>;
}

/** PostgreSQL when `databaseUrl` is set (e.g. postgres://user@host:5432/console), else the SQLite `file`. */
export type ConsoleDbOptions =
  | { databaseUrl: string; file?: string }
  /** The SQLite file (':memory:' for a throwaway one); the config names it (CONSOLE_DB). */
  | { file: string; databaseUrl?: undefined };

export async function openConsoleDatabase(options: ConsoleDbOptions): Promise<ConsoleDb> {
  const opened =
    options.databaseUrl !== undefined
      ? consoleDb(postgresDialect(options.databaseUrl), 'postgres')
      : consoleDb(sqliteDialect(options.file), 'sqlite');
  try {
    await migrateConsoleDatabase(opened.db);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}

function consoleDb(kyselyDialect: Dialect, dialect: ConsoleDialect): ConsoleDb {
  const db = new Kysely<ConsoleDatabase>({ dialect: kyselyDialect });
  let closing: Promise<void> | undefined;
  return { db, dialect, close: () => (closing ??= db.destroy()) };
}

function sqliteDialect(file: string): ConsoleSqliteDialect {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  // WAL: readers never wait for the writer. busy_timeout: a second process on the file waits instead of failing.
  // synchronous=FULL: a committed row (the send history's too) survives a power cut.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  return new ConsoleSqliteDialect({ database });
}

function postgresDialect(connectionString: string): PostgresDialect {
  const pool = new pg.Pool({ connectionString, types: { getTypeParser } });
  // An idle connection that the server drops emits 'error' on the pool; unhandled, that would end the process.
  // The pool replaces the connection, and the next query reports its own failure.
  pool.on('error', (error) =>
    logger.warn({ detail: error.message }, 'console database: idle connection lost'),
  );
  return new PostgresDialect({ pool });
}

const INT8_OID = 20;

/** pg returns bigint (int8) as a string; our int8 columns are epoch milliseconds, which a number holds exactly. */
const getTypeParser = ((oid: number, format?: 'text' | 'binary') => {
  if (oid === INT8_OID && format !== 'binary') return parseInt8;
  return pg.types.getTypeParser(oid, format);
}) as typeof pg.types.getTypeParser;

function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new RangeError(`console database: ${value} does not fit a JavaScript number`);
  return n;
}
