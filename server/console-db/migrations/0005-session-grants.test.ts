// @vitest-environment node
/**
 * Migration 0005 on a database that already has sessions (an upgrade): they stay, hold no provider token, and
 * count as checked when they began, so their first role re-check (which ends them: nothing to ask with) comes
 * ROLE_RECHECK_MINUTES after their sign-in, not at once.
 */
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATION_TABLE, migrateConsoleDatabase } from '../migrate.ts';
import { testDialects, useTestDatabase } from '../testing/test-databases.ts';
import { consoleMigrations } from './index.ts';

const FROM_0005 = Object.keys(consoleMigrations)
  .filter((name) => name >= '0005-session-grants')
  .reverse();

describe.each(testDialects)('migration 0005 (session grants) on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  it('keeps existing sessions, with no token and checked at their start', async () => {
    const { db } = await database.open();
    // Back to the schema as it was before 0005, with one signed-in person.
    for (const name of FROM_0005) await consoleMigrations[name]?.down?.(db as Kysely<unknown>);
    await sql`delete from ${sql.table(MIGRATION_TABLE)} where name >= ${'0005-session-grants'}`.execute(db);
    await sql`insert into sessions (id_hash, subject, name, email, role, created_at, last_seen_at)
      values ('h', 's', 'Ada', 'ada@example.com', 'admin', 1000, 2000)`.execute(db);

    expect(await migrateConsoleDatabase(db)).toContain('0005-session-grants');
    expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([
      expect.objectContaining({
        id_hash: 'h',
        role: 'admin',
        created_at: 1_000,
        last_seen_at: 2_000,
        refresh_token: null,
        access_token: null,
        role_checked_at: 1_000,
      }),
    ]);
  });
});
