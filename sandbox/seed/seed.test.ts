// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSandboxDatabase } from '../store/database.ts';
import { SEED_EVENT_IDS, SEED_TRAVELER_STATES, SEED_USER_COUNTS } from './seed-ids.ts';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the seed', () => {
  it('is the same people, ids and states every time', () => {
    const a = openSandboxDatabase(':memory:');
    const b = openSandboxDatabase(':memory:');
    const people = 'SELECT id, given, middle, family, email FROM users ORDER BY id';
    const travelers = 'SELECT event_id, user_id, rsvp_state FROM event_travelers ORDER BY event_id, user_id';
    expect(a.prepare(people).all()).toEqual(b.prepare(people).all());
    expect(a.prepare(travelers).all()).toEqual(b.prepare(travelers).all());
  });

  it('has the promised numbers of people and travelers in each state', () => {
    const db = openSandboxDatabase(':memory:');
    const users = db
      .prepare(
        'SELECT c.name, count(*) AS n FROM users u JOIN companies c ON c.id = u.company_id GROUP BY 1 ORDER BY 1',
      )
      .all();
    expect(users).toEqual([
      { name: 'Acme Corp', n: SEED_USER_COUNTS.acme },
      { name: 'Globex Industries', n: SEED_USER_COUNTS.globex },
    ]);
    for (const [key, states] of Object.entries(SEED_TRAVELER_STATES)) {
      const rows = db
        .prepare('SELECT rsvp_state, count(*) AS n FROM event_travelers WHERE event_id = ? GROUP BY 1')
        .all(SEED_EVENT_IDS[key as keyof typeof SEED_EVENT_IDS]) as { rsvp_state: string; n: number }[];
      expect(Object.fromEntries(rows.map((r) => [r.rsvp_state, r.n])), key).toEqual(states);
    }
  });

  it('draws names from many cultures, with accents, apostrophes and particles', () => {
    const db = openSandboxDatabase(':memory:');
    const names = db.prepare(`SELECT given || ' ' || family FROM users`).pluck().all() as string[];
    expect(new Set(names).size).toBeGreaterThan(7000);
    for (const pattern of [/[éèçñãõü]/i, /[ąćęłńśźżőűă]/i, /'/, / van | de /, /[ễạđ]/i, /-/]) {
      expect(
        names.some((name) => pattern.test(name)),
        String(pattern),
      ).toBe(true);
    }
  });

  it('keeps upcoming events after the moment of seeding', () => {
    const now = new Date();
    const db = openSandboxDatabase(':memory:', { now });
    const end = db.prepare('SELECT end_at FROM events WHERE id = ?').pluck();
    expect(end.get(SEED_EVENT_IDS.largeSummit)).toBeGreaterThan(now.getTime() + 30 * 86_400_000);
    expect(end.get(SEED_EVENT_IDS.pastSummit)).toBeLessThan(now.getTime());
  });
});

describe('the database file', () => {
  it('survives a restart, and reset wipes what changed', () => {
    const path = join(dir, 'nested', 'sandbox.db');
    const first = openSandboxDatabase(path);
    expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
    first
      .prepare(`UPDATE event_travelers SET rsvp_state = 'INVITED' WHERE event_id = ?`)
      .run(SEED_EVENT_IDS.draft);
    first.close();

    const reopened = openSandboxDatabase(path);
    const states = 'SELECT DISTINCT rsvp_state FROM event_travelers WHERE event_id = ?';
    expect(reopened.prepare(states).pluck().all(SEED_EVENT_IDS.draft)).toEqual(['INVITED']);
    reopened.close();

    const reset = openSandboxDatabase(path, { reset: true });
    expect(reset.prepare(states).pluck().all(SEED_EVENT_IDS.draft)).toEqual(['ADDED']);
    expect(reset.prepare('SELECT count(*) FROM users').pluck().get()).toBe(
      SEED_USER_COUNTS.acme + SEED_USER_COUNTS.globex,
    );
    reset.close();
  });

  it('reseeds a file written by an older schema instead of failing on it', () => {
    const path = join(dir, 'old.db');
    const old = openSandboxDatabase(path);
    old.exec('DROP TABLE outbox');
    old.pragma('user_version = 1');
    old.close();
    const db = openSandboxDatabase(path);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(Object.keys(SEED_EVENT_IDS).length);
    db.close();
  });
});
