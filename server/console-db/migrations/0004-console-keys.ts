import type { Kysely } from 'kysely';

// Secret keys the console makes for itself at first start (server/console-db/console-keys.ts), shared by every
// instance on the database. Sign-in attempts move into a sealed cookie under one of them, so their table goes: an
// unauthenticated request no longer writes anything. Migrations take Kysely<unknown>: the schema at this number.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('console_keys')
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // Its index goes with it on both dialects.
  await db.schema.dropTable('sign_in_attempts').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_attempts_expires_at')
    .on('sign_in_attempts')
    .column('expires_at')
    .execute();
  await db.schema.dropTable('console_keys').execute();
}
