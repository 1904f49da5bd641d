import { sql, type Kysely } from 'kysely';

// What a session needs to ask the OpenID Provider again which groups its person is in (server/auth/role-recheck.ts):
// the provider's refresh token and access token, and when the role was last read. A session from before this
// migration holds no token, so its first re-check ends it (README); it counts as checked when it began.
// (subject): the admin Sessions page lists sessions by person and ends them by person.
// Migrations take Kysely<unknown>: the schema as it was at this number.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('refresh_token', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('access_token', 'text').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('role_checked_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update sessions set role_checked_at = created_at`.execute(db);
  await db.schema.createIndex('sessions_subject').on('sessions').column('subject').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sessions_subject').execute();
  await db.schema.alterTable('sessions').dropColumn('role_checked_at').execute();
  await db.schema.alterTable('sessions').dropColumn('access_token').execute();
  await db.schema.alterTable('sessions').dropColumn('refresh_token').execute();
}
