import type { Kysely } from 'kysely';

// Send later (server/history/scheduled-sends.ts, schedule-runner.ts). A scheduled send is a send record whose
// status is `scheduled` until it starts: `due_at` is when it is due, `scheduled_at` when it was planned (its
// created_at moves to the start, or to the cancellation), `late_minutes` how late it started, `cancelled_by_*` who
// cancelled it. (status, due_at): the runner's claim of the due ones; (event_id, status, due_at): an event's
// scheduled sends. `person_standing`: what the OpenID Provider last said of each person (role, or null once it
// refused them or they left every console group), written at sign-in and at each role re-check, read when a
// scheduled send of theirs runs. Migrations take Kysely<unknown>: the schema as it was at this number.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('send_records').addColumn('due_at', 'bigint').execute();
  await db.schema.alterTable('send_records').addColumn('scheduled_at', 'bigint').execute();
  await db.schema.alterTable('send_records').addColumn('late_minutes', 'integer').execute();
  await db.schema.alterTable('send_records').addColumn('cancelled_by_subject', 'text').execute();
  await db.schema.alterTable('send_records').addColumn('cancelled_by_name', 'text').execute();
  await db.schema.alterTable('send_records').addColumn('cancelled_by_email', 'text').execute();
  await db.schema.alterTable('send_records').addColumn('cancelled_at', 'bigint').execute();
  await db.schema
    .createIndex('send_records_status_due')
    .on('send_records')
    .columns(['status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('send_records_event_status_due')
    .on('send_records')
    .columns(['event_id', 'status', 'due_at'])
    .execute();

  await db.schema
    .createTable('person_standing')
    .addColumn('subject', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    // Null: the provider no longer vouches for them (refused a re-check) or they are in no console group.
    .addColumn('role', 'varchar(16)')
    .addColumn('checked_at', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'varchar(32)')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_standing').execute();
  await db.schema.dropIndex('send_records_event_status_due').execute();
  await db.schema.dropIndex('send_records_status_due').execute();
  for (const column of [
    'cancelled_at',
    'cancelled_by_email',
    'cancelled_by_name',
    'cancelled_by_subject',
    'late_minutes',
    'scheduled_at',
    'due_at',
  ]) {
    await db.schema.alterTable('send_records').dropColumn(column).execute();
  }
}
