// @vitest-environment node
/**
 * Large events stay quick by design: a send is a constant number of set-based statements in one transaction,
 * and the travelers list reads one event's travelers in list order without sorting (a search from the trigram
 * index sorts only its few candidates: traveler-search.test.ts). Those properties are asserted exactly, from
 * the SQL the sandbox runs. The goal numbers (send to 10,000 ≤ 300 ms, travelers-list p99
 * ≤ 50 ms under 50 concurrent clients) belong to the benchmark on a quiet machine; the timings here only catch
 * order-of-magnitude regressions, because this file shares two cores with the rest of the test run.
 */
import { describe, expect, it } from 'vitest';
import { createPrng } from '../seed/prng.ts';
import { SEED_EVENT_IDS } from '../seed/seed-ids.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { TRAVELER_BLOCK_SIZE } from './traveler-blocks.ts';

async function recording() {
  const statements: string[] = [];
  const harness = await createHarness({ verbose: (sql) => statements.push(String(sql)) });
  /** The SQL that `action` ran. */
  const record = async (action: (h: Harness) => Promise<unknown>) => {
    statements.length = 0;
    await action(harness);
    return [...statements];
  };
  return { harness, record };
}

/** A statement with its literal values blanked, to compare the shape of two runs. */
const shape = (sql: string) => sql.replace(/'[^']*'/g, '?').replace(/\b\d+(\.\d+)?\b/g, '?');

const travelersPath = `/v2/events/${SEED_EVENT_IDS.largeSummit}/travelers-list`;

describe('invite/send at scale', () => {
  it(
    'runs the same few statements, in one transaction, for 10,000 travelers as for 25',
    { timeout: 30_000 },
    async () => {
      const { record } = await recording();
      const send = (eventId: string) => (h: Harness) =>
        h.call('POST', `/v2/events/${eventId}/invite/send`, {});
      const small = await record(send(SEED_EVENT_IDS.kickoff));
      const large = await record(send(SEED_EVENT_IDS.largeSummit));

      expect(large.map(shape)).toEqual(small.map(shape));
      expect(large.length).toBeLessThanOrEqual(8);
      expect(large.filter((sql) => sql === 'BEGIN')).toHaveLength(1);
      expect(large.filter((sql) => sql === 'COMMIT')).toHaveLength(1);
    },
  );
});

describe('travelers-list at scale', () => {
  it('pages, filters, counts and searches with a few statements and no sorting', async () => {
    const { harness, record } = await recording();
    const bodies = [
      {},
      { offset: 9900, limit: 100 },
      { limit: 100, filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: ['INVITED', 'REMOVED'] }] },
      { limit: 100, filters: [{ type: 'TRAVELER_SEARCH_FILTER', searchTerm: 'nguyen' }] },
    ];
    for (const body of bodies) {
      const statements = await record((h) => h.call('POST', travelersPath, body));
      // The token, the event, then the block counts and the page; for a search from the index, its candidate
      // count and the page, which carries the total.
      expect(statements.length, JSON.stringify(body)).toBeLessThanOrEqual(4);
      for (const sql of statements.filter((s) => s.includes('FROM event_travelers'))) {
        // An unsearched page starts at its block: it never steps over more than one block's rows, however deep.
        const skipped = /OFFSET (\d+)/.exec(sql);
        if (!sql.includes('instr(')) expect(Number(skipped?.[1]), sql).toBeLessThan(TRAVELER_BLOCK_SIZE);
        const plan = (harness.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map(
          (r) => r.detail,
        );
        expect(plan.join('\n'), sql).toMatch(
          /SEARCH event_travelers USING PRIMARY KEY \(event_id=\?( AND block>\?)?\)/,
        );
        expect(plan.join('\n'), sql).not.toMatch(/TEMP B-TREE|SCAN event_travelers/);
      }
    }
  });

  it(
    'answers 50 concurrent clients paging through the 10,000-traveler event (speed: npm run bench)',
    { timeout: 60_000 },
    async () => {
      const harness = await createHarness();
      const prng = createPrng(4);
      const stateSets = [[], ['ADDED'], ['INVITED'], ['INVITE_ACCEPTED', 'INVITE_DECLINED']];
      const body = () => {
        const rsvpStates = prng.pick(stateSets);
        return {
          offset: prng.int(20) * 100,
          limit: 100,
          filters: rsvpStates.length ? [{ type: 'INVITATION_STATUS_FILTER', rsvpStates }] : [],
        };
      };
      await harness.call('POST', travelersPath, body()); // prepares the statements

      // Timing is the benchmark's job; this checks that concurrent readers all get whole pages.
      const statuses: number[] = [];
      const client = async () => {
        for (let i = 0; i < 20; i++) {
          const response = await harness.call('POST', travelersPath, body());
          const page = (await response.json()) as { travelerEventInfos?: unknown[] };
          statuses.push(response.status);
          expect(Array.isArray(page.travelerEventInfos)).toBe(true);
        }
      };
      await Promise.all(Array.from({ length: 50 }, client));
      expect(statuses).toEqual(Array.from({ length: 1000 }, () => 200));
    },
  );
});
