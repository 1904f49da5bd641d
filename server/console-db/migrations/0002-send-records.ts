import type { Kysely } from 'kysely';

// The send history. Migrations take Kysely<unknown>: the schema as it was at this number.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('send_records')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('instance', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('person_email', 'text', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_name', 'text')
    .addColumn('action', 'varchar(8)', (c) => c.notNull())
    .addColumn('event_type', 'text')
    .addColumn('scope', 'varchar(8)', (c) => c.notNull())
    // Null for scope 'all': the server does not know the event's traveler count at send time.
    .addColumn('traveler_count', 'integer')
    .addColumn('traveler_ids', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'varchar(200)', (c) => c.unique())
    .addColumn('request_fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('outcome_json', 'text')
    .addColumn('completed_at', 'bigint')
    .execute();
  // An event's History, a person's Activity, and the purge by age.
  await db.schema
    .createIndex('send_records_event_created')
    .on('send_records')
    .columns(['event_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('send_records_subject_created')
    .on('send_records')
    .columns(['subject', 'created_at'])
    .execute();
  await db.schema.createIndex('send_records_created').on('send_records').column('created_at').execute();

  // One row per send in flight, keyed by what makes two sends identical: a second insert of the same fingerprint
  // fails on both dialects, which a partial unique index on send_records could not say portably.
  await db.schema
    .createTable('inflight_sends')
    .addColumn('fingerprint', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('record_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inflight_sends_record').on('inflight_sends').column('record_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inflight_sends').execute();
  await db.schema.dropTable('send_records').execute();
}
