/**
 * Every migration of the console database, by number. Add the next one as `0002-<what>.ts` and list it here:
 * names sort as strings, so keep the four digits. Listed statically (no folder scan) so tsx and bundlers see them.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-sessions.ts';
import * as m0002 from './0002-send-records.ts';
import * as m0003 from './0003-send-records-read-indexes.ts';
import * as m0004 from './0004-console-keys.ts';
import * as m0005 from './0005-session-grants.ts';
import * as m0006 from './0006-rate-limits.ts';
import * as m0007 from './0007-send-record-error-summary.ts';
import * as m0008 from './0008-scheduled-sends.ts';

export const consoleMigrations: Readonly<Record<string, Migration>> = {
  '0001-sessions': m0001,
  '0002-send-records': m0002,
  '0003-send-records-read-indexes': m0003,
  '0004-console-keys': m0004,
  '0005-session-grants': m0005,
  '0006-rate-limits': m0006,
  '0007-send-record-error-summary': m0007,
  '0008-scheduled-sends': m0008,
};

export function staticMigrationProvider(migrations: Readonly<Record<string, Migration>>): MigrationProvider {
  return { getMigrations: async () => ({ ...migrations }) };
}
