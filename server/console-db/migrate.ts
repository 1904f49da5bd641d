import { Migrator, type Kysely, type Migration } from 'kysely';
import { consoleMigrations, staticMigrationProvider } from './migrations/index.ts';

/** Our own table names, so a PostgreSQL database shared with another Kysely app keeps the two histories apart. */
export const MIGRATION_TABLE = 'console_migration';
const MIGRATION_LOCK_TABLE = 'console_migration_lock';

/**
 * Applies the pending migrations, in one transaction on both dialects (see sqlite-dialect.ts), under Kysely's
 * migration lock (a PostgreSQL advisory lock), so instances starting together apply each migration once.
 * Returns the names it applied; throws, naming the failed migration, when one fails (nothing of it is kept).
 */
export async function migrateConsoleDatabase<DB>(
  db: Kysely<DB>,
  migrations: Readonly<Record<string, Migration>> = consoleMigrations,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: staticMigrationProvider(migrations),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    const what =
      failed === undefined ? 'Migrating the console database' : `Console database migration ${failed}`;
    throw new Error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return results.map((r) => r.migrationName);
}
