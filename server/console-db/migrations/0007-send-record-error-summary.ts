import { sql, type Kysely } from 'kysely';
import type { SendStatus } from '#contract/send-history';
import { errorSummaryOf } from '../../history/error-summary.ts';

// A send record keeps its answer's error count and first message (server/history/error-summary.ts), written when
// it is completed: lists read these two columns, not the outcome. Records completed before this migration get
// them here, a batch at a time, inside the migration's transaction (on PostgreSQL the table is locked until it
// commits: seconds for a history of 100,000 sends). Stop instances of an older version before it runs: one that
// completes a refusal afterwards would leave its count at 0. Migrations take Kysely<unknown>: the schema as it was
// at this number.

const BATCH = 500;

interface Completed {
  id: string;
  status: SendStatus;
  outcome_json: string;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('send_records')
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('send_records').addColumn('first_error_message', 'text').execute();

  let after = '';
  for (;;) {
    const { rows } = await sql<Completed>`
      select id, status, outcome_json from send_records
      where status in ('refused', 'failed') and outcome_json is not null and id > ${after}
      order by id limit ${BATCH}`.execute(db);
    for (const row of rows) {
      const { error_count, first_error_message } = errorSummaryOf(row.status, storedBody(row.outcome_json));
      if (error_count === 0) continue;
      await sql`update send_records set error_count = ${error_count}, first_error_message = ${first_error_message}
        where id = ${row.id}`.execute(db);
    }
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** The stored answer's body; an outcome that cannot be read counts no error rather than stopping the start. */
function storedBody(outcomeJson: string): unknown {
  try {
    return (JSON.parse(outcomeJson) as { body?: unknown } | null)?.body ?? null;
  } catch {
    return null;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('send_records').dropColumn('first_error_message').execute();
  await db.schema.alterTable('send_records').dropColumn('error_count').execute();
}
