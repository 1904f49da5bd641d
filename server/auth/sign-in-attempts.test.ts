// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDialects, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createSignInAttempts, SIGN_IN_ATTEMPT_LIFETIME_MS, type SignInAttempt } from './sign-in-attempts.ts';

const attempt: SignInAttempt = { state: 'st', nonce: 'no', codeVerifier: 'verifier', returnTo: '/events/42' };

describe.each(testDialects)('sign-in attempts on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  it('hands an attempt out once: a replayed callback finds nothing', async () => {
    const attempts = createSignInAttempts(await database.open());
    const id = await attempts.create(attempt);
    expect(await attempts.take(id)).toEqual(attempt);
    expect(await attempts.take(id)).toBeUndefined();
  });

  it('hands it to only one of two callbacks racing on two instances', async () => {
    const one = createSignInAttempts(await database.open());
    const other = createSignInAttempts(await database.open());
    const id = await one.create(attempt);
    const taken = await Promise.all([one.take(id), other.take(id)]);
    expect(taken.filter((result) => result !== undefined)).toEqual([attempt]);
  });

  it('refuses an attempt past its lifetime, and purges those', async () => {
    let at = Date.UTC(2030, 0, 1);
    const attempts = createSignInAttempts(await database.open(), { now: () => at });
    const late = await attempts.create(attempt);
    const abandoned = await attempts.create(attempt);
    at += SIGN_IN_ATTEMPT_LIFETIME_MS - 1;
    const fresh = await attempts.create(attempt);
    at += 1;
    expect(await attempts.take(late)).toBeUndefined();
    expect(await attempts.purgeExpired()).toBe(1); // abandoned; late went when taken
    expect(await attempts.take(abandoned)).toBeUndefined();
    expect(await attempts.take(fresh)).toEqual(attempt);
  });

  it('stores only the SHA-256 of the id, and answers unknown or malformed ids with nothing', async () => {
    const instance = await database.open();
    const attempts = createSignInAttempts(instance);
    const id = await attempts.create(attempt);
    const rows = await instance.db.selectFrom('sign_in_attempts').selectAll().execute();
    expect(rows.map((row) => row.id_hash)).toEqual([createHash('sha256').update(id).digest('base64url')]);
    expect(JSON.stringify(rows)).not.toContain(id);
    expect(await attempts.take('B'.repeat(43))).toBeUndefined();
    expect(await attempts.take('not an id')).toBeUndefined();
    expect(await attempts.take(id)).toEqual(attempt);
  });
});
