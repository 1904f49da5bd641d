// @vitest-environment node
/**
 * A search looked up in the trigram index must answer exactly what a scan with instr() over the event's rows
 * answers: the same travelers, order and total, for short and long terms, several terms, quotes, spaces,
 * e-mail parts and state filters, at any offset, and after people's search text changes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { EventRsvpState } from '#contract';
import { SEED_COMPANY_ID, SEED_EVENT_IDS } from '../seed/seed-ids.ts';
import { createHarness, listTravelersPage, type Harness } from '../testing/harness.ts';
import { fold } from '../text.ts';
import { trigramQuery } from './traveler-search.ts';

const EVENT = SEED_EVENT_IDS.largeSummit;
const LISTED = EventRsvpState.options.filter((state) => state !== 'REMOVED');

interface Page {
  ids: string[];
  total: number;
}

let harness: Harness;
beforeEach(async () => {
  harness = await createHarness();
});

async function searchPage(terms: string[], offset: number, limit: number, rsvpStates?: string[]) {
  const filters: unknown[] = terms.map((searchTerm) => ({ type: 'TRAVELER_SEARCH_FILTER', searchTerm }));
  if (rsvpStates) filters.push({ type: 'INVITATION_STATUS_FILTER', rsvpStates });
  const { travelers, total } = await listTravelersPage(harness, EVENT, { offset, limit, filters });
  return { ids: travelers.map((t) => t.id), total };
}

/** The page from a scan of the rows: every folded term must occur in the traveler's search text. */
function scanned(
  terms: string[],
  offset: number,
  limit: number,
  rsvpStates: readonly string[] = LISTED,
): Page {
  const folded = terms.map((term) => fold(term).trim().replace(/\s+/g, ' ')).filter(Boolean);
  const ids = (
    harness.db
      .prepare(
        `SELECT user_id, search_text FROM event_travelers
          WHERE event_id = ? AND rsvp_state IN (SELECT value FROM json_each(?)) ORDER BY sort_name, user_id`,
      )
      .all(EVENT, JSON.stringify(rsvpStates)) as { user_id: string; search_text: string }[]
  )
    .filter((row) => folded.every((term) => row.search_text.includes(term)))
    .map((row) => row.user_id);
  return { ids: ids.slice(offset, offset + limit), total: ids.length };
}

const TERMS: string[][] = [
  ['garcia'],
  ['GARCÍA'],
  ['ana'],
  ['an'],
  ['a'],
  ["o'brien"],
  ['ana garcia'],
  ['garcia ana'],
  ['  Müller  '],
  ['@acme.exam'],
  ['.example'],
  ['kim', 'ji'],
  ['ana', 'silva'],
  ['ng', 'uye'],
  ['say "hi"'],
  ['gar\0cia'],
  ['zzz-nobody'],
];

describe('travelers-list search from the trigram index', () => {
  it('answers what a scan of the rows answers, for every kind of term, state filter and offset', async () => {
    for (const terms of TERMS) {
      for (const rsvpStates of [undefined, ['INVITED'], ['ADDED', 'REMOVED']]) {
        const total = scanned(terms, 0, 0, rsvpStates).total;
        for (const [offset, limit] of [
          [0, 100],
          [0, 0],
          [1, 5],
          [100, 100],
          [Math.max(0, total - 3), 100],
          [total, 10],
          [total + 50, 10],
        ] as const) {
          const label = `${JSON.stringify(terms)} ${JSON.stringify(rsvpStates)} offset ${offset} limit ${limit}`;
          expect(await searchPage(terms, offset, limit, rsvpStates), label).toEqual(
            scanned(terms, offset, limit, rsvpStates),
          );
        }
      }
    }
  });

  it('follows a change of a person’s search text, and finds a traveler added later', async () => {
    const [someone] = (await searchPage(['garcia'], 0, 1)).ids;
    harness.db.prepare(`UPDATE users SET search_text = 'quetzalcoatl xyzzy' WHERE id = ?`).run(someone);
    harness.db
      .prepare(`UPDATE event_travelers SET search_text = 'quetzalcoatl xyzzy' WHERE user_id = ?`)
      .run(someone);
    expect((await searchPage(['garcia'], 0, 100)).ids).not.toContain(someone);
    expect(await searchPage(['xyzzy'], 0, 100)).toEqual({ ids: [someone], total: 1 });

    const id = 'a0000000-0000-4000-8000-00000000beef';
    harness.db
      .prepare(
        `INSERT INTO users (id, company_id, given, family, email, sort_name, search_text, created_at)
         VALUES (?, ?, 'Zyx', 'Plugh', 'zyx.plugh@acme.example', 'zyx plugh', ?, '2025-01-01T09:00:00')`,
      )
      .run(id, SEED_COMPANY_ID, 'zyx plugh\nplugh zyx\nzyx.plugh@acme.example');
    // Last in list order, so in the last block.
    harness.db
      .prepare(
        `INSERT INTO event_travelers (event_id, block, sort_name, user_id, rsvp_state, search_text)
         SELECT ?, max(block), 'zyx plugh', ?, 'ADDED', ? FROM event_travelers WHERE event_id = ?`,
      )
      .run(EVENT, id, 'zyx plugh\nplugh zyx\nzyx.plugh@acme.example', EVENT);
    expect(await searchPage(['PLUGH'], 0, 100)).toEqual({ ids: [id], total: 1 });
  });

  it('reads from the index first, then only the candidates’ travelers', async () => {
    const statements: string[] = [];
    const recorded = await createHarness({ verbose: (sql) => statements.push(String(sql)) });
    statements.length = 0;
    await recorded.call('POST', `/v2/events/${EVENT}/travelers-list`, {
      limit: 100,
      filters: [{ type: 'TRAVELER_SEARCH_FILTER', searchTerm: 'garcia' }],
    });
    const search = statements.find(
      (sql) => sql.includes('users_search MATCH') && sql.includes('event_travelers'),
    );
    expect(search).toBeDefined();
    const plan = (recorded.db.prepare(`EXPLAIN QUERY PLAN ${search}`).all() as { detail: string }[]).map(
      (r) => r.detail,
    );
    expect(plan.find((line) => /^(SCAN|SEARCH) /.test(line))).toMatch(/^SCAN users_search VIRTUAL TABLE/);
    expect(plan.join('\n')).toMatch(
      /SEARCH t USING INDEX event_travelers_by_user \(event_id=\? AND user_id=\?\)/,
    );
  });
});

describe('choosing between the index and the scan', () => {
  const pageStatement = async (eventId: string, searchTerm: string) => {
    const statements: string[] = [];
    const recorded = await createHarness({ verbose: (sql) => statements.push(String(sql)) });
    statements.length = 0;
    await recorded.call('POST', `/v2/events/${eventId}/travelers-list`, {
      limit: 100,
      filters: [{ type: 'TRAVELER_SEARCH_FILTER', searchTerm }],
    });
    return statements.find((sql) => sql.includes('SELECT t.user_id') || sql.includes('SELECT user_id'));
  };

  it('scans when the term is in nearly everyone’s text, or the event is smaller than the candidates', async () => {
    expect(await pageStatement(EVENT, 'garcia')).toContain('users_search MATCH');
    expect(await pageStatement(EVENT, 'acme')).not.toContain('users_search MATCH');
    expect(await pageStatement(SEED_EVENT_IDS.kickoff, 'garcia')).not.toContain('users_search MATCH');
  });
});

describe('trigramQuery', () => {
  it('quotes each term of three characters or more as one phrase, and leaves shorter ones out', () => {
    expect(trigramQuery(['garcia'])).toBe('"garcia"');
    expect(trigramQuery(['ab', 'kim', 'say "hi"'])).toBe('"kim" AND "say ""hi"""');
    expect(trigramQuery(['ab', 'é'])).toBeNull();
    expect(trigramQuery(['a\0bc'])).toBeNull();
  });
});
