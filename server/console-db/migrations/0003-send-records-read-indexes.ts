import type { Kysely } from 'kysely';

// The read side of the send history (server/history/send-queries.ts). Lists run newest first by (created_at, id):
// with id in the index a page's ids are found without visiting the table, however deep the page, and a filter by
// outcome ("Refused") and its count no longer read every record. (created_at, id) replaces (created_at), which
// the purge by age uses just as well. (subject, event_id): the events of a sender's own sends (Activity facets)
// from the index alone. Migrations take Kysely<unknown>: the schema as it was at this number.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('send_records_created_id')
    .on('send_records')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema.dropIndex('send_records_created').execute();
  await db.schema
    .createIndex('send_records_status_created_id')
    .on('send_records')
    .columns(['status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('send_records_subject_event')
    .on('send_records')
    .columns(['subject', 'event_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('send_records_subject_event').execute();
  await db.schema.dropIndex('send_records_status_created_id').execute();
  await db.schema.createIndex('send_records_created').on('send_records').column('created_at').execute();
  await db.schema.dropIndex('send_records_created_id').execute();
}
