/**
 * Throwaway PostgreSQL databases for tests: each test gets a database of its own, created on the server at
 * TEST_POSTGRES_URL (default: the local server, trust auth) and dropped after, open connections and all.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestPostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createPostgresDatabase(): Promise<TestPostgresDatabase> {
  // Random, lower-case and alphanumeric: safe to put in the statement unquoted.
  const name = `console_test_${randomBytes(8).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Runs `test` with the URL of a fresh database, dropped afterwards whatever happens. */
export async function withPostgresDatabase<T>(test: (url: string) => Promise<T>): Promise<T> {
  const database = await createPostgresDatabase();
  try {
    return await test(database.url);
  } finally {
    await database.drop();
  }
}

async function asAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `These tests need PostgreSQL at ${ADMIN_URL} (set TEST_POSTGRES_URL to use another server): ${String(error)}`,
      { cause: error },
    );
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
