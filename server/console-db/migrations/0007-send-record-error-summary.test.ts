// @vitest-environment node
/**
 * Migration 0007 on a database that already has send records (an upgrade): a refused or failed record gets its
 * answer's error count and first message from its stored outcome, so the lists that now read only those columns
 * show what they showed before; every other record counts no error.
 */
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATION_TABLE, migrateConsoleDatabase } from '../migrate.ts';
import { testDialects, useTestDatabase } from '../testing/test-databases.ts';
import { consoleMigrations } from './index.ts';

const NAME = '0007-send-record-error-summary';
const FROM_0007 = Object.keys(consoleMigrations)
  .filter((name) => name >= NAME)
  .reverse();

const refusal = (messages: string[]) =>
  JSON.stringify({
    body: {
      debugIdentifier: 'dbg-1',
      errorMessages: messages.map((message) => ({ errorCode: 'TRAVELER_REMOVED', message })),
    },
  });

describe.each(testDialects)('migration 0007 (send record error summary) on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  it('fills the count and first message of every record completed before it, over several batches', async () => {
    const { db } = await database.open();
    for (const name of FROM_0007) await consoleMigrations[name]?.down?.(db as Kysely<unknown>);
    await sql`delete from ${sql.table(MIGRATION_TABLE)} where name >= ${NAME}`.execute(db);

    const insert = (id: string, status: string, outcome: string | null) =>
      sql`insert into send_records (id, created_at, instance, subject, person_name, person_email, role, event_id,
        action, scope, traveler_ids, request_fingerprint, status, outcome_json)
        values (${id}, 1, 'i', 's', 'Ada', 'ada@example.com', 'sender', 'ev-1', 'send', 'list', '[]', ${id},
        ${status}, ${outcome})`.execute(db);
    // More refusals than one batch of the backfill reads (500).
    for (let i = 0; i < 520; i++)
      await insert(`r-${String(i).padStart(4, '0')}`, 'refused', refusal([`No ${i}.`]));
    await insert('f-1', 'failed', JSON.stringify({ failure: 'unreachable', body: { errorMessages: [] } }));
    await insert('f-2', 'failed', JSON.stringify({ failure: 'bad gateway', body: '<html>' }));
    await insert('f-3', 'failed', '{not json');
    await insert('a-1', 'accepted', JSON.stringify({ body: null }));
    await insert('p-1', 'pending', null);
    await insert('m-1', 'refused', refusal(['Removed from the event.', 'Wrong type.', 'Not found.']));

    expect(await migrateConsoleDatabase(db)).toContain(NAME);
    const read = (id: string) =>
      db
        .selectFrom('send_records')
        .select(['error_count', 'first_error_message'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    expect(await read('m-1')).toEqual({ error_count: 3, first_error_message: 'Removed from the event.' });
    expect(await read('r-0000')).toEqual({ error_count: 1, first_error_message: 'No 0.' });
    expect(await read('r-0519')).toEqual({ error_count: 1, first_error_message: 'No 519.' });
    for (const id of ['f-1', 'f-2', 'f-3', 'a-1', 'p-1']) {
      expect(await read(id)).toEqual({ error_count: 0, first_error_message: null });
    }
  });
});
