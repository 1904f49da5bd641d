// @vitest-environment node
/**
 * Migration 0008 on a database that already has send records (an upgrade): they keep everything and read as sends
 * made at once (no due time); scheduled ones can be written; the people's standing table is there; and it goes
 * down again cleanly. A send still scheduled survives the retention purge, however old.
 */
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATION_TABLE, migrateConsoleDatabase } from '../migrate.ts';
import { testDialects, useTestDatabase } from '../testing/test-databases.ts';
import { createSendRecords } from '../../history/send-records.ts';
import { createPersonStandings } from '../../auth/person-standing.ts';
import { consoleMigrations } from './index.ts';

const NAME = '0008-scheduled-sends';
const FROM_0008 = Object.keys(consoleMigrations)
  .filter((name) => name >= NAME)
  .reverse();

describe.each(testDialects)('migration 0008 (scheduled sends) on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  it('adds the schedule columns and the standing table to a history that has records, and goes down again', async () => {
    const consoleDb = await database.open();
    const { db } = consoleDb;
    for (const name of FROM_0008) await consoleMigrations[name]?.down?.(db as Kysely<unknown>);
    await sql`delete from ${sql.table(MIGRATION_TABLE)} where name >= ${NAME}`.execute(db);
    await sql`insert into send_records (id, created_at, instance, subject, person_name, person_email, role, event_id,
      action, scope, traveler_ids, request_fingerprint, status)
      values ('old', 1, 'i', 's', 'Ada', 'ada@example.com', 'sender', 'ev-1', 'send', 'all', '[]', 'f', 'accepted')`.execute(
      db,
    );

    expect(await migrateConsoleDatabase(db)).toContain(NAME);
    expect(
      await db
        .selectFrom('send_records')
        .select([
          'id',
          'status',
          'due_at',
          'scheduled_at',
          'late_minutes',
          'cancelled_by_subject',
          'cancelled_at',
        ])
        .execute(),
    ).toEqual([
      {
        id: 'old',
        status: 'accepted',
        due_at: null,
        scheduled_at: null,
        late_minutes: null,
        cancelled_by_subject: null,
        cancelled_at: null,
      },
    ]);
    await sql`insert into send_records (id, created_at, instance, subject, person_name, person_email, role, event_id,
      action, scope, traveler_ids, request_fingerprint, status, due_at, scheduled_at)
      values ('planned', 2, 'i', 's', 'Ada', 'ada@example.com', 'sender', 'ev-1', 'send', 'all', '[]', 'f',
      'scheduled', 8640000000000000, 2)`.execute(db);

    // However old, a send still scheduled is kept; the rest goes by age as before.
    const records = createSendRecords(consoleDb, { staleInFlightMs: 1_000 });
    expect(await records.purgeOlderThan(1_000)).toBe(1);
    expect(await records.get('planned')).toMatchObject({ status: 'scheduled', dueAt: 8640000000000000 });

    const standings = createPersonStandings(consoleDb);
    const person = { subject: 's', name: 'Ada', email: 'ada@example.com' };
    await standings.vouched(person, 'sender', 10);
    await standings.vouched(person, 'admin', 5); // an older word: ignored
    expect(await standings.get('s')).toMatchObject({ role: 'sender', checkedAt: 10 });
    await standings.lost('s', 'no-group', 20);
    expect(await standings.get('s')).toMatchObject({ role: undefined, reason: 'no-group', checkedAt: 20 });
    await standings.vouched(person, 'viewer', 30);
    expect(await standings.get('s')).toMatchObject({ role: 'viewer', reason: null });

    await consoleMigrations[NAME]?.down?.(db as Kysely<unknown>);
    await sql`delete from ${sql.table(MIGRATION_TABLE)} where name = ${NAME}`.execute(db);
    expect(await migrateConsoleDatabase(db)).toEqual([NAME]);
  });
});
