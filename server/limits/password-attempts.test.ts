// @vitest-environment node
/**
 * The count of wrong passwords on both stores: this process's memory, and the console database's rate_limits
 * table on PostgreSQL (migrated as at start), where a lockout made by one instance holds on another.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openConsoleDatabase } from '../console-db/open-console-database.ts';
import { createPostgresDatabase } from '../console-db/testing/postgres.ts';
import { memoryLimiters, postgresLimiters } from './limiter-factory.ts';
import { createPasswordAttempts, type PasswordAttempts } from './password-attempts.ts';

const SMALL = { consecutiveFailures: 3, lockoutSeconds: 15 * 60, dailyFailuresPerAddress: 5 };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Two instances' counts: in memory there is one process, so one count; on PostgreSQL two pools on one database.
 */
const stores: [string, () => Promise<[PasswordAttempts, PasswordAttempts]>][] = [
  [
    'memory',
    async () => {
      const attempts = createPasswordAttempts(memoryLimiters(), SMALL);
      return [attempts, attempts];
    },
  ],
  [
    'postgres',
    async () => {
      const database = await createPostgresDatabase();
      cleanups.push(database.drop);
      const migrated = await openConsoleDatabase({ databaseUrl: database.url });
      await migrated.close();
      const instances = [postgresLimiters(database.url), postgresLimiters(database.url)];
      cleanups.push(async () => void (await Promise.all(instances.map((limiters) => limiters.close()))));
      const [one, two] = instances.map((limiters) => createPasswordAttempts(limiters, SMALL));
      return [one!, two!];
    },
  ],
];

describe.each(stores)('wrong passwords counted in %s', (_, open) => {
  const ada = { email: 'Ada@Example.com ', address: '192.0.2.1' };

  it('lock an email and address at the n-th failure, for the lockout, and on every instance', async () => {
    const [a, b] = await open();
    expect(await a.failed(ada)).toBe(0);
    expect(await b.failed(ada)).toBe(0);
    expect(await a.lockedFor(ada)).toBe(0);

    const lockout = await b.failed({ ...ada, email: 'ada@example.com' });
    expect(lockout).toBe(15 * 60);
    const left = await a.lockedFor(ada);
    expect(left).toBeGreaterThan(14 * 60);
    expect(left).toBeLessThanOrEqual(15 * 60);
    // The same address with another email, and the same email from another address, may still try.
    expect(await a.lockedFor({ ...ada, email: 'grace@example.com' })).toBe(0);
    expect(await a.lockedFor({ ...ada, address: '192.0.2.2' })).toBe(0);
  });

  it('start the count again at a right password, on every instance', async () => {
    const [a, b] = await open();
    await a.failed(ada);
    await a.failed(ada);
    await b.succeeded(ada);
    expect(await a.failed(ada)).toBe(0);
    expect(await a.failed(ada)).toBe(0);
    expect(await a.lockedFor(ada)).toBe(0);
  });

  it('lock an address for a day at its daily failures, whatever the emails', async () => {
    const [attempts] = await open();
    for (let i = 0; i < 4; i += 1)
      expect(await attempts.failed({ ...ada, email: `p${i}@example.com` })).toBe(0);
    expect(await attempts.failed({ ...ada, email: 'p4@example.com' })).toBe(24 * 60 * 60);
    expect(await attempts.lockedFor({ ...ada, email: 'someone.new@example.com' })).toBeGreaterThan(
      23 * 60 * 60,
    );
  });
});
