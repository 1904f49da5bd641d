/**
 * Secret keys the console makes for itself: generated in the console database at first start, so a fresh machine
 * needs no setting and every instance on one PostgreSQL database reads the same key.
 */
import { randomBytes } from 'node:crypto';
import type { ConsoleDb } from './open-console-database.ts';

/** 256 random bits, base64url: what a key is stored as. */
export function newConsoleKey(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The key named `name`, made now if there is none yet. Instances starting together may each try to insert one;
 * the first insert wins, the others do nothing, and all of them read that one back.
 */
export async function consoleKey({ db }: Pick<ConsoleDb, 'db'>, name: string): Promise<string> {
  await db
    .insertInto('console_keys')
    .values({ name, key: newConsoleKey(), created_at: Date.now() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const { key } = await db
    .selectFrom('console_keys')
    .select('key')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return key;
}
