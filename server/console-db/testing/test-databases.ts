/**
 * The dialects the console database runs on, for `describe.each(testDialects)`: the same test bodies run against
 * a SQLite file and a PostgreSQL database, each fresh per test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import {
  openConsoleDatabase,
  type ConsoleDb,
  type ConsoleDbOptions,
  type ConsoleDialect,
} from '../open-console-database.ts';
import { createPostgresDatabase } from './postgres.ts';

export interface TestDialect {
  name: ConsoleDialect;
  /** An empty database: the options that open it, and how to remove it. */
  create(): Promise<{ options: ConsoleDbOptions; dispose(): Promise<void> }>;
}

export const sqliteDialect: TestDialect = {
  name: 'sqlite',
  async create() {
    const folder = await mkdtemp(join(tmpdir(), 'console-db-'));
    // A folder that does not exist yet: opening creates it, as it creates data/ on a fresh checkout.
    const file = join(folder, 'data', 'console.db');
    return { options: { file }, dispose: () => rm(folder, { recursive: true, force: true }) };
  },
};

export const postgresDialect: TestDialect = {
  name: 'postgres',
  async create() {
    const database = await createPostgresDatabase();
    return { options: { databaseUrl: database.url }, dispose: database.drop };
  },
};

export const testDialects: readonly TestDialect[] = [sqliteDialect, postgresDialect];

export interface TestDatabase {
  /** Starts another console instance on this test's database (migrating it, as at start). Closed after the test. */
  open(): Promise<ConsoleDb>;
}

/** Gives each test of the enclosing describe an empty database of the dialect, removed after it. */
export function useTestDatabase(dialect: TestDialect): TestDatabase {
  let current: Awaited<ReturnType<TestDialect['create']>> | undefined;
  const instances: ConsoleDb[] = [];
  beforeEach(async () => {
    current = await dialect.create();
  });
  afterEach(async () => {
    await Promise.all(instances.splice(0).map((instance) => instance.close()));
    await current?.dispose();
    current = undefined;
  });
  return {
    async open() {
      if (current === undefined) throw new Error('useTestDatabase: open() is for use inside a test');
      const instance = await openConsoleDatabase(current.options);
      instances.push(instance);
      return instance;
    },
  };
}
