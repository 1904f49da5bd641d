// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { consoleKey } from './console-keys.ts';
import { postgresDialect, testDialects, useTestDatabase } from './testing/test-databases.ts';

describe.each(testDialects)('console keys on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  it('makes a random 32-byte key at first start and gives the same one after a restart', async () => {
    const first = await database.open();
    const key = await consoleKey(first, 'sign-in-attempts');
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect(await consoleKey(first, 'sign-in-attempts')).toBe(key);
    await first.close();

    const restarted = await database.open();
    expect(await consoleKey(restarted, 'sign-in-attempts')).toBe(key);
    expect(await consoleKey(restarted, 'another-purpose')).not.toBe(key);
    const rows = await restarted.db.selectFrom('console_keys').select('name').orderBy('name').execute();
    expect(rows.map((row) => row.name)).toEqual(['another-purpose', 'sign-in-attempts']);
  });
});

describe('console instances starting at once on one PostgreSQL database', () => {
  const database = useTestDatabase(postgresDialect);

  it('all read the same key: one insert wins, the others do nothing', async () => {
    const instances = await Promise.all(Array.from({ length: 4 }, () => database.open()));
    const keys = await Promise.all(instances.map((instance) => consoleKey(instance, 'sign-in-attempts')));
    expect(new Set(keys).size).toBe(1);
  });
});
