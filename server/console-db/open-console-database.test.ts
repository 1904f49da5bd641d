// @vitest-environment node
import { sql, type Kysely, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATION_TABLE, migrateConsoleDatabase } from './migrate.ts';
import { consoleMigrations } from './migrations/index.ts';
import type { ConsoleDb } from './open-console-database.ts';
import { postgresDialect, testDialects, useTestDatabase } from './testing/test-databases.ts';

const ALL_MIGRATIONS = Object.keys(consoleMigrations);

async function appliedMigrations({ db }: ConsoleDb): Promise<string[]> {
  const { rows } = await sql<{
    name: string;
  }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
  return rows.map((row) => row.name);
}

async function tableNames({ db }: ConsoleDb): Promise<string[]> {
  return (await db.introspection.getTables()).map((table) => table.name);
}

describe.each(testDialects)('the console database on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  it('migrates an empty database to the latest schema, and applies nothing again on restart', async () => {
    const first = await database.open();
    expect(first.dialect).toBe(dialect.name);
    expect(await appliedMigrations(first)).toEqual(ALL_MIGRATIONS);
    expect(await tableNames(first)).toEqual(
      expect.arrayContaining(['sessions', 'console_keys', 'send_records', 'inflight_sends']),
    );
    // Sign-in attempts live in a sealed cookie now.
    expect(await tableNames(first)).not.toContain('sign_in_attempts');
    const row = {
      id_hash: 'h',
      subject: 's',
      name: 'Ada',
      email: 'ada@example.com',
      role: 'admin' as const,
      created_at: 1,
      last_seen_at: 2,
    };
    await first.db.insertInto('sessions').values(row).execute();
    await first.close();

    const restarted = await database.open();
    expect(await appliedMigrations(restarted)).toEqual(ALL_MIGRATIONS);
    // Migration 0005's columns: no provider token, and role_checked_at's default.
    expect(await restarted.db.selectFrom('sessions').selectAll().execute()).toEqual([
      { ...row, refresh_token: null, access_token: null, role_checked_at: 0 },
    ]);
  });

  it('keeps times as integer milliseconds and returns them as numbers', async () => {
    const { db } = await database.open();
    // Far beyond 2^31 and any Date of ours, still a safe integer: what bigint columns are for.
    const farFuture = 8_640_000_000_000_000;
    await db
      .insertInto('sessions')
      .values({
        id_hash: 'h',
        subject: 's',
        name: 'n',
        email: 'e',
        role: 'viewer',
        created_at: 0,
        last_seen_at: farFuture,
      })
      .execute();
    const stored = await db.selectFrom('sessions').select(['created_at', 'last_seen_at']).executeTakeFirst();
    expect(stored).toStrictEqual({ created_at: 0, last_seen_at: farFuture });
    const { count } = await db
      .selectFrom('sessions')
      .where('last_seen_at', '>', farFuture - 1)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(count).toBe(1);
  });

  it('keeps nothing of a migration that fails, and names it', async () => {
    const instance = await database.open();
    const broken: Migration = {
      async up(db: Kysely<unknown>) {
        await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
        await sql`insert into no_such_table values (1)`.execute(db);
      },
    };
    await expect(
      migrateConsoleDatabase(instance.db, { ...consoleMigrations, '9999-broken': broken }),
    ).rejects.toThrow(/9999-broken failed/);
    expect(await tableNames(instance)).not.toContain('half_done');
    expect(await appliedMigrations(instance)).toEqual(ALL_MIGRATIONS);
  });
});

// Only PostgreSQL serves several console instances at once. (Two SQLite connections in one process cannot
// even take turns: one waiting for the file's write lock blocks the event loop the other needs to let it go.)
describe('several console instances starting at once on one PostgreSQL database', () => {
  const database = useTestDatabase(postgresDialect);

  it('all start: the migration lock lets one instance migrate while the others wait, then find nothing to do', async () => {
    const instances = await Promise.all(Array.from({ length: 4 }, () => database.open()));
    for (const instance of instances) expect(await appliedMigrations(instance)).toEqual(ALL_MIGRATIONS);
  });
});
