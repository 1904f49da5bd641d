// @vitest-environment node
import type { Role } from '#contract/console-auth';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDialects, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createSessionStore, type SignedInPerson } from './session-store.ts';

const MINUTE = 60_000;
const IDLE = 30 * MINUTE;
const ABSOLUTE = 8 * 60 * MINUTE;
const START = Date.UTC(2030, 0, 1, 9);

const ada: SignedInPerson = {
  subject: 'sub-ada',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  role: 'sender',
};

/** A clock the test moves by hand. */
function clock() {
  let at = START;
  return { now: () => at, advance: (ms: number) => void (at += ms), at: () => at };
}

describe.each(testDialects)('the session store on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  async function storeWithClock() {
    const time = clock();
    const instance = await database.open();
    const store = createSessionStore(instance, {
      idleTimeoutMs: IDLE,
      absoluteLifetimeMs: ABSOLUTE,
      now: time.now,
    });
    return { time, store, db: instance.db };
  }

  it('creates a session under a new random id, reads it back and destroys it', async () => {
    const { store } = await storeWithClock();
    const id = await store.create(ada);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    expect(await store.create(ada)).not.toBe(id);
    expect(await store.read(id)).toEqual({ ...ada, expiresAt: START + IDLE, roleCheckedAt: START });
    await store.destroy(id);
    expect(await store.read(id)).toBeUndefined();
  });

  it('reads unknown and malformed ids as no session', async () => {
    const { store } = await storeWithClock();
    await store.create(ada);
    expect(await store.read('A'.repeat(43))).toBeUndefined();
    expect(await store.read('')).toBeUndefined();
    expect(await store.read("' or 1=1 --")).toBeUndefined();
  });

  it('stores only the SHA-256 of the id: the raw id appears nowhere in the table', async () => {
    const { store, db } = await storeWithClock();
    const id = await store.create(ada);
    const rows = await db.selectFrom('sessions').selectAll().execute();
    expect(rows.map((row) => row.id_hash)).toEqual([createHash('sha256').update(id).digest('base64url')]);
    expect(JSON.stringify(rows)).not.toContain(id);
  });

  it('ends a session left idle for the idle timeout; each use within it slides it', async () => {
    const { store, time } = await storeWithClock();
    const id = await store.create(ada);
    time.advance(IDLE - 1);
    expect(await store.read(id)).toEqual({ ...ada, expiresAt: time.at() + IDLE, roleCheckedAt: START });
    time.advance(IDLE - 1);
    expect(await store.read(id)).toBeDefined();
    time.advance(IDLE);
    expect(await store.read(id)).toBeUndefined();
  });

  it('writes the slide at most once a minute', async () => {
    const { store, time, db } = await storeWithClock();
    const id = await store.create(ada);
    const lastSeen = async () =>
      (await db.selectFrom('sessions').select('last_seen_at').executeTakeFirst())?.last_seen_at;
    time.advance(MINUTE - 1);
    expect(await store.read(id)).toEqual({ ...ada, expiresAt: START + IDLE, roleCheckedAt: START });
    expect(await lastSeen()).toBe(START);
    time.advance(1);
    expect(await store.read(id)).toEqual({
      ...ada,
      expiresAt: START + MINUTE + IDLE,
      roleCheckedAt: START,
    });
    expect(await lastSeen()).toBe(START + MINUTE);
  });

  it('ends a session at its absolute lifetime however busy it is, and says so in expiresAt', async () => {
    const { store, time } = await storeWithClock();
    const id = await store.create(ada);
    while (time.at() + 10 * MINUTE < START + ABSOLUTE) {
      time.advance(10 * MINUTE);
      expect(await store.read(id)).toBeDefined();
    }
    expect((await store.read(id))?.expiresAt).toBe(START + ABSOLUTE);
    time.advance(START + ABSOLUTE - time.at());
    expect(await store.read(id)).toBeUndefined();
  });

  it('signs out a session whose stored role is no longer one the console knows', async () => {
    const { store, db } = await storeWithClock();
    const id = await store.create(ada);
    await db
      .updateTable('sessions')
      .set({ role: 'owner' as Role })
      .execute();
    expect(await store.read(id)).toBeUndefined();
  });

  it('purges idle-expired and over-age sessions and keeps live ones', async () => {
    const { store, time } = await storeWithClock();
    const overAge = await store.create(ada);
    time.advance(IDLE / 2);
    const idle = await store.create({ ...ada, subject: 'sub-idle' });
    // Keep overAge busy until its absolute end; idle is never read again.
    while (time.at() + 10 * MINUTE < START + ABSOLUTE) {
      time.advance(10 * MINUTE);
      await store.read(overAge);
    }
    const live = await store.create({ ...ada, subject: 'sub-live' });
    time.advance(START + ABSOLUTE - time.at());
    expect(await store.purgeExpired()).toBe(2);
    expect(await store.purgeExpired()).toBe(0);
    expect((await store.read(live))?.subject).toBe('sub-live');
    expect(await store.read(idle)).toBeUndefined();
  });

  it("keeps the provider's tokens for the re-check only: read() never returns them", async () => {
    const { store } = await storeWithClock();
    const id = await store.create(ada, { refreshToken: 'rt-1', accessToken: 'at-1' });
    expect(JSON.stringify(await store.read(id))).not.toMatch(/rt-1|at-1/);
    expect(await store.providerTokens(id)).toEqual({ refreshToken: 'rt-1', accessToken: 'at-1' });
    const without = await store.create(ada);
    expect(await store.providerTokens(without)).toEqual({});
    expect(await store.providerTokens('A'.repeat(43))).toBeUndefined();
  });

  it('hands a re-check to one caller, and stores its role and the rotated refresh token', async () => {
    const { store, time } = await storeWithClock();
    const id = await store.create(ada, { refreshToken: 'rt-1', accessToken: 'at-1' });
    time.advance(10 * MINUTE);
    expect(await store.claimRoleCheck(id, START)).toBe(true);
    // Another request (or instance) that read the session before the claim does not check it again.
    expect(await store.claimRoleCheck(id, START)).toBe(false);
    expect((await store.read(id))?.roleCheckedAt).toBe(START + 10 * MINUTE);

    await store.recordRoleCheck(id, 'admin', { refreshToken: 'rt-2', accessToken: 'at-2' });
    expect(await store.read(id)).toMatchObject({ role: 'admin' });
    expect(await store.providerTokens(id)).toEqual({ refreshToken: 'rt-2', accessToken: 'at-2' });
    // A provider that does not rotate sends no refresh token: the one there stays.
    await store.recordRoleCheck(id, 'viewer', { accessToken: 'at-3' });
    expect(await store.providerTokens(id)).toEqual({ refreshToken: 'rt-2', accessToken: 'at-3' });
  });

  it("lists the people with a live session, one entry each, and ends all of one person's sessions", async () => {
    const { store, time } = await storeWithClock();
    const bob = { subject: 'sub-bob', name: 'Bob Ross', email: 'bob@example.com', role: 'viewer' as const };
    const idle = await store.create({ ...bob, subject: 'sub-idle' });
    time.advance(20 * MINUTE);
    await store.create(ada, { refreshToken: 'rt-ada' });
    time.advance(MINUTE);
    const bobs = await store.create(bob);
    time.advance(MINUTE);
    const adaAgain = await store.create({ ...ada, role: 'admin' });
    time.advance(10 * MINUTE);
    await store.read(adaAgain);
    time.advance(MINUTE);
    await store.read(bobs);

    // Most recently active first; a person's role and sign-in time from their latest session; the idle one gone.
    const people = await store.listSignedIn();
    expect(people).toEqual([
      { ...bob, signedInAt: START + 21 * MINUTE, lastActiveAt: START + 33 * MINUTE, sessions: 1 },
      {
        ...ada,
        role: 'admin',
        signedInAt: START + 22 * MINUTE,
        lastActiveAt: START + 32 * MINUTE,
        sessions: 2,
      },
    ]);
    expect(JSON.stringify(people)).not.toContain('rt-ada');
    expect(await store.read(idle)).toBeUndefined();

    expect(await store.destroyAllFor(ada.subject)).toBe(2);
    expect(await store.read(adaAgain)).toBeUndefined();
    expect((await store.listSignedIn()).map((person) => person.subject)).toEqual([bob.subject]);
    expect(await store.destroyAllFor(ada.subject)).toBe(0);
  });

  it('is shared by every instance on the same database: signed in on one, signed in on the other', async () => {
    const options = { idleTimeoutMs: IDLE, absoluteLifetimeMs: ABSOLUTE };
    const one = createSessionStore(await database.open(), options);
    const other = createSessionStore(await database.open(), options);
    const id = await one.create(ada);
    expect(await other.read(id)).toMatchObject(ada);
    await other.destroy(id);
    expect(await one.read(id)).toBeUndefined();
  });
});
