// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ConsoleDb } from '../console-db/open-console-database.ts';
import { testDialects, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createSendQueries, MAX_RECENT_INVITE_ROWS, type SendFilters } from './send-queries.ts';
import { createSendRecords } from './send-records.ts';
import { insertRows, MARCUS, PRIYA, recordRow, SOFIA, type SeedRow } from './testing/seed-records.ts';

const T = Date.UTC(2026, 4, 1, 9);
const MINUTE = 60_000;

/** Six sends over ev-1 and ev-2 by Marcus, Sofía and Priya; two of them at the same millisecond. */
function sixSends(): SeedRow[] {
  return [
    recordRow({ id: 'r1', at: T, person: MARCUS, eventName: 'Old name' }),
    recordRow({ id: 'r2', at: T + MINUTE, person: SOFIA, status: 'refused' }),
    recordRow({ id: 'r3', at: T + 2 * MINUTE, person: MARCUS, eventId: 'ev-2', eventName: null }),
    recordRow({ id: 'r4', at: T + 3 * MINUTE, person: PRIYA, status: 'failed', eventName: 'New name' }),
    recordRow({ id: 'r5', at: T + 3 * MINUTE, person: MARCUS, status: 'pending', eventName: null }),
    recordRow({ id: 'r6', at: T + 4 * MINUTE, person: SOFIA, action: 'test', userIds: undefined }),
  ];
}

describe.each(testDialects)('the send history queries on $name', (dialect) => {
  const database = useTestDatabase(dialect);
  let consoleDb: ConsoleDb;
  const seeded = async (rows: SeedRow[] = sixSends()) => {
    consoleDb = await database.open();
    await insertRows(consoleDb, rows);
    return createSendQueries(consoleDb);
  };
  const ids = async (filters: SendFilters, offset = 0, limit = 50) => {
    const { rows, total } = await (await seeded()).page(filters, { offset: offset, limit: limit });
    return { ids: rows.map((row) => row.id), total };
  };

  it('lists newest first, ties by id descending, with the total of every match', async () => {
    expect(await ids({})).toEqual({ ids: ['r6', 'r5', 'r4', 'r3', 'r2', 'r1'], total: 6 });
  });

  it('pages by offset and limit; the total stays the whole count', async () => {
    const queries = await seeded();
    const page = async (offset: number) =>
      (await queries.page({}, { offset: offset, limit: 2 })).rows.map((row) => row.id);
    expect(await page(2)).toEqual(['r4', 'r3']);
    expect(await page(6)).toEqual([]);
    expect((await queries.page({}, { offset: 6, limit: 2 })).total).toBe(6);
  });

  it('pages after a cursor: a send recorded between two pages repeats nothing and skips nothing', async () => {
    const queries = await seeded();
    const first = await queries.page({}, { limit: 4 });
    expect(first.rows.map((row) => row.id)).toEqual(['r6', 'r5', 'r4', 'r3']);
    expect(first.more).toBe(true);
    const last = first.rows.at(-1)!;
    await insertRows(await database.open(), [recordRow({ id: 'r7', at: T + 5 * MINUTE })]);
    const next = await queries.page({}, { limit: 4, before: { createdAt: last.created_at, id: last.id } });
    expect(next.rows.map((row) => row.id)).toEqual(['r2', 'r1']);
    expect(next.more).toBe(false);
    expect(next.total).toBe(7);
  });

  it.each<[string, SendFilters, string[]]>([
    ['event', { eventId: 'ev-2' }, ['r3']],
    ['person', { subject: MARCUS.subject }, ['r5', 'r3', 'r1']],
    ['outcome', { statuses: ['refused'] }, ['r2']],
    ['outcomes', { statuses: ['pending', 'failed'] }, ['r5', 'r4']],
    ['from (inclusive)', { fromMs: T + 3 * MINUTE }, ['r6', 'r5', 'r4']],
    ['to (exclusive)', { toMs: T + MINUTE }, ['r1']],
    [
      'all at once',
      { eventId: 'ev-1', subject: MARCUS.subject, fromMs: T, toMs: T + 4 * MINUTE },
      ['r5', 'r1'],
    ],
  ])('filters by %s', async (_, filters, expected) => {
    expect(await ids(filters)).toEqual({ ids: expected, total: expected.length });
  });

  it('lists without recipient lists, which only a detail reads', async () => {
    const queries = await seeded();
    const { rows } = await queries.page({}, { offset: 0, limit: 1 });
    expect(rows[0]).not.toHaveProperty('traveler_ids');
    expect((await queries.get('r1'))?.traveler_ids).toBe(JSON.stringify(['u-1', 'u-2']));
    expect(await queries.get('nope')).toBeUndefined();
  });

  it('reads in keyset batches that neither skip nor repeat a send at the same millisecond', async () => {
    const rows = Array.from({ length: 23 }, (_, i) =>
      recordRow({ id: `id-${String(i).padStart(2, '0')}`, at: T + Math.floor(i / 5) }),
    );
    const queries = await seeded(rows);
    const batches: string[][] = [];
    for await (const batch of queries.batches({}, { batchSize: 4, withTravelerIds: false })) {
      batches.push(batch.map((row) => row.id));
      expect(batch[0]).not.toHaveProperty('traveler_ids');
    }
    expect(batches.map((b) => b.length)).toEqual([4, 4, 4, 4, 4, 3]);
    const expected = rows.map((row) => row.id).sort((a, b) => (a < b ? 1 : -1));
    expect(batches.flat()).toEqual(expected);
  });

  it('reads batches with recipients and filters when asked', async () => {
    const queries = await seeded();
    const all = [];
    for await (const batch of queries.batches(
      { subject: MARCUS.subject },
      { batchSize: 2, withTravelerIds: true },
    )) {
      all.push(...batch);
    }
    expect(all.map((row) => row.id)).toEqual(['r5', 'r3', 'r1']);
    expect(all[0]?.traveler_ids).toBe(JSON.stringify(['u-1', 'u-2']));
  });

  it('gives the facets: each event once under its latest known name, each person once', async () => {
    const queries = await seeded();
    const facets = await queries.facets();
    expect(sortById(facets.events)).toEqual([
      { id: 'ev-1', name: 'Team Offsite' },
      { id: 'ev-2', name: null },
    ]);
    expect(facets.people.map((p) => p.name).sort()).toEqual(['Marcus Webb', 'Priya Raman', 'Sofía Álvarez']);
    expect(facets.people.find((p) => p.subject === SOFIA.subject)).toEqual({
      subject: SOFIA.subject,
      name: SOFIA.name,
      email: SOFIA.email,
    });
  });

  it('gives a sender’s facets from their own sends only', async () => {
    const queries = await seeded();
    const facets = await queries.facets(SOFIA.subject);
    expect(facets.events).toEqual([{ id: 'ev-1', name: 'Team Offsite' }]);
    expect(facets.people).toEqual([{ subject: SOFIA.subject, name: SOFIA.name, email: SOFIA.email }]);
  });

  it('reads an event’s recent invites: sends that may have gone out, in the window, newest first', async () => {
    const queries = await seeded([
      recordRow({ id: 'old', at: T - 1 }),
      recordRow({ id: 'sent', at: T }),
      recordRow({ id: 'refused', at: T + 1, status: 'refused' }),
      recordRow({ id: 'unknown', at: T + 2, status: 'failed' }),
      recordRow({ id: 'pending', at: T + 3, status: 'pending' }),
      recordRow({ id: 'test', at: T + 4, action: 'test', userIds: undefined }),
      recordRow({ id: 'other-event', at: T + 5, eventId: 'ev-2' }),
      recordRow({ id: 'everyone', at: T + 6, userIds: undefined, travelerCount: 25 }),
    ]);
    const rows = await queries.recentInvites('ev-1', T);
    expect(rows.map((row) => row.id)).toEqual(['everyone', 'pending', 'unknown', 'sent']);
    expect(rows[0]).toMatchObject({ scope: 'all', traveler_count: 25, person_name: 'Marcus Webb' });
  });

  it('reads the latest 1,000 recent invites of an event at most', async () => {
    const queries = await seeded(
      Array.from({ length: MAX_RECENT_INVITE_ROWS + 5 }, (_, i) =>
        recordRow({ id: `s-${String(i).padStart(4, '0')}`, at: T + i, userIds: ['u-1'] }),
      ),
    );
    const rows = await queries.recentInvites('ev-1', T);
    expect(MAX_RECENT_INVITE_ROWS).toBe(1_000);
    expect(rows).toHaveLength(1_000);
    expect([rows[0]!.id, rows.at(-1)!.id]).toEqual(['s-1004', 's-0005']);
  });

  it('no longer lists what the retention purge deleted', async () => {
    const queries = await seeded();
    const records = createSendRecords(consoleDb, { staleInFlightMs: 60_000 });
    expect(await records.purgeOlderThan(T + 2 * MINUTE)).toBe(2);
    expect((await queries.page({}, { offset: 0, limit: 50 })).total).toBe(4);
    expect((await queries.facets(SOFIA.subject)).events).toEqual([{ id: 'ev-1', name: 'Team Offsite' }]);
  });
});

function sortById<T extends { id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.id.localeCompare(b.id));
}
