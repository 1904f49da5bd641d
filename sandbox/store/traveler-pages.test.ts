// @vitest-environment node
/**
 * Pages at any depth, from the block counts (traveler-blocks.ts), must be exactly the pages a plain
 * `ORDER BY sort_name, user_id LIMIT … OFFSET …` over the rows gives: after removals and RSVP changes, at block
 * boundaries, on the last page and past it, for every state filter. The reference here reads the rows directly.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { EventRsvpState } from '#contract';
import { SEED_EVENT_IDS } from '../seed/seed-ids.ts';
import { createHarness, listTravelersPage, type Harness } from '../testing/harness.ts';
import { locatePage, TRAVELER_BLOCK_SIZE } from './traveler-blocks.ts';

const EVENT = SEED_EVENT_IDS.largeSummit;
const LISTED = EventRsvpState.options.filter((state) => state !== 'REMOVED');

interface Page {
  ids: string[];
  states: string[];
  total: number;
}

let harness: Harness;
beforeEach(async () => {
  harness = await createHarness();
});

async function page(offset: number, limit: number, rsvpStates?: string[]): Promise<Page> {
  const filters = rsvpStates ? [{ type: 'INVITATION_STATUS_FILTER', rsvpStates }] : [];
  const { travelers, total } = await listTravelersPage(harness, EVENT, { offset, limit, filters });
  return { ids: travelers.map((t) => t.id), states: travelers.map((t) => t.state), total };
}

/** The same page from the rows themselves, in name order, without blocks or counts. */
function expected(offset: number, limit: number, rsvpStates: readonly string[] = LISTED): Page {
  const rows = harness.db
    .prepare(
      `SELECT user_id, rsvp_state FROM event_travelers
        WHERE event_id = ? AND rsvp_state IN (SELECT value FROM json_each(?)) ORDER BY sort_name, user_id`,
    )
    .all(EVENT, JSON.stringify(rsvpStates)) as { user_id: string; rsvp_state: string }[];
  const slice = rows.slice(offset, offset + limit);
  return { ids: slice.map((r) => r.user_id), states: slice.map((r) => r.rsvp_state), total: rows.length };
}

/** Users at these positions of the event's full list (all states), i.e. spread over several blocks. */
function usersAt(positions: number[]): string[] {
  const ids = harness.db
    .prepare('SELECT user_id FROM event_travelers WHERE event_id = ? ORDER BY sort_name, user_id')
    .pluck()
    .all(EVENT) as string[];
  return positions.map((p) => ids[p]!);
}

const B = TRAVELER_BLOCK_SIZE;
const OFFSETS = [0, 1, B - 1, B, B + 1, 3 * B - 50, 5000, 9849, 9899, 9900, 9949, 9950, 20_000];

async function expectPagesMatch(stateSets: (string[] | undefined)[]): Promise<void> {
  for (const rsvpStates of stateSets) {
    for (const offset of OFFSETS) {
      for (const limit of [1, 100]) {
        const label = `${JSON.stringify(rsvpStates)} offset ${offset} limit ${limit}`;
        expect(await page(offset, limit, rsvpStates), label).toEqual(expected(offset, limit, rsvpStates));
      }
    }
  }
}

const STATE_SETS = [undefined, ['ADDED'], ['INVITED', 'REMOVED'], ['INVITE_DECLINED'], ['REMOVED']];

describe('travelers-list pages from block counts', () => {
  it('match a plain OFFSET over the rows, for every state filter', async () => {
    await expectPagesMatch(STATE_SETS);
  });

  it('still match after travelers are removed from several blocks', async () => {
    const removed = usersAt([0, B - 1, B, B + 1, 4 * B + 7, 9_999]);
    const response = await harness.call('POST', `/v2/events/${EVENT}/travelers/remove`, {
      userIds: removed.map((id) => ({ id })),
    });
    expect(response.status).toBe(200);
    expect((await page(0, 0)).total).toBe(9950 - removed.length);
    await expectPagesMatch(STATE_SETS);
  });

  it('still match after RSVP changes by a send to some travelers and then to all', async () => {
    const some = usersAt([2, 3, B + 5, 2 * B, 7000]).map((id) => ({ id }));
    // Only travelers that are not removed may be invited: drop any the seed removed.
    const states = new Map(
      (
        harness.db
          .prepare(`SELECT user_id, rsvp_state FROM event_travelers WHERE event_id = ?`)
          .all(EVENT) as { user_id: string; rsvp_state: string }[]
      ).map((r) => [r.user_id, r.rsvp_state]),
    );
    const invitable = some.filter(({ id }) => states.get(id) !== 'REMOVED');
    expect(
      (await harness.call('POST', `/v2/events/${EVENT}/invite/send`, { userIds: invitable })).status,
    ).toBe(200);
    await expectPagesMatch([undefined, ['ADDED'], ['INVITED']]);

    expect((await harness.call('POST', `/v2/events/${EVENT}/invite/send`, {})).status).toBe(200);
    expect((await page(0, 0, ['ADDED'])).total).toBe(0);
    await expectPagesMatch([undefined, ['ADDED'], ['INVITED'], ['INVITE_ACCEPTED', 'INVITE_DECLINED']]);
  });

  it('keeps blocks in list order and their counts equal to the rows, also after a write', async () => {
    const check = () => {
      const byBlock = harness.db
        .prepare('SELECT event_id, user_id FROM event_travelers ORDER BY event_id, block, sort_name, user_id')
        .all();
      const byName = harness.db
        .prepare('SELECT event_id, user_id FROM event_travelers ORDER BY event_id, sort_name, user_id')
        .all();
      expect(byBlock).toEqual(byName);
      const kept = harness.db
        .prepare(
          'SELECT event_id, block, rsvp_state, travelers FROM event_block_counts WHERE travelers > 0 ORDER BY 1, 2, 3',
        )
        .all();
      const actual = harness.db
        .prepare(
          'SELECT event_id, block, rsvp_state, count(*) AS travelers FROM event_travelers GROUP BY 1, 2, 3 ORDER BY 1, 2, 3',
        )
        .all();
      expect(kept).toEqual(actual);
    };
    check();
    harness.db
      .prepare(`UPDATE event_travelers SET rsvp_state = 'INVITE_ACCEPTED' WHERE event_id = ? AND block = 3`)
      .run(EVENT);
    check();
  });
});

describe('locatePage', () => {
  const counts = [
    [0, 3],
    [1, 0],
    [2, 2],
    [5, 4],
  ] as const;

  it('finds the block of the offset and how many to skip in it, skipping empty blocks', () => {
    expect(locatePage(counts, 0)).toEqual({ total: 9, start: { block: 0, skip: 0 } });
    expect(locatePage(counts, 2)).toEqual({ total: 9, start: { block: 0, skip: 2 } });
    expect(locatePage(counts, 3)).toEqual({ total: 9, start: { block: 2, skip: 0 } });
    expect(locatePage(counts, 5)).toEqual({ total: 9, start: { block: 5, skip: 0 } });
    expect(locatePage(counts, 8)).toEqual({ total: 9, start: { block: 5, skip: 3 } });
  });

  it('has no start at or past the end, and still tells the total', () => {
    expect(locatePage(counts, 9)).toEqual({ total: 9 });
    expect(locatePage([], 0)).toEqual({ total: 0 });
  });
});
