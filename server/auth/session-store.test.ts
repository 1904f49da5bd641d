// @vitest-environment node
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
    expect(await store.read(id)).toEqual({ ...ada, expiresAt: START + IDLE });
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
    expect(await store.read(id)).toEqual({ ...ada, expiresAt: time.at() + IDLE });
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
    expect(await store.read(id)).toEqual({ ...ada, expiresAt: START + IDLE });
    expect(await lastSeen()).toBe(START);
    time.advance(1);
    expect(await store.read(id)).toEqual({ ...ada, expiresAt: START + MINUTE + IDLE });
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
    await db.updateTable('sessions').set({ role: 'owner' }).execute();
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
