import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type SqliteDialectConfig,
} from 'kysely';

/**
 * Kysely's SQLite dialect with two changes:
 * - migrations run in a transaction, as on PostgreSQL (SQLite's DDL is transactional; Kysely just doesn't say so),
 *   so a failed migration leaves nothing half-applied;
 * - transactions start with BEGIN IMMEDIATE: a second process on the same file waits (busy_timeout) for the write
 *   lock up front instead of failing with SQLITE_BUSY when a read transaction upgrades to a write.
 */
export class ConsoleSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createAdapter() {
    return new TransactionalDdlSqliteAdapter();
  }

  override createDriver() {
    return new ImmediateTransactionSqliteDriver(this.#config);
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateTransactionSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
