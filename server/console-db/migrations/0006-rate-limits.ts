import type { Kysely } from 'kysely';

// The counters of the limits on guessing and sending (server/limits) when the console database is PostgreSQL:
// rate-limiter-flexible's own layout for RateLimiterPostgres, made here rather than by the library at start, so
// instances starting together never race on its CREATE TABLE. Keys are SHA-256 hashes, expire is epoch
// milliseconds. SQLite instances count in memory and leave it empty; it exists on both so the schema is one.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(255)', (column) => column.primaryKey())
    .addColumn('points', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
