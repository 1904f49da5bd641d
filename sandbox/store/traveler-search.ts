/**
 * A search of one event's travelers: a traveler matches when each folded term occurs in their search_text.
 *
 * Terms of three characters or more are looked up in `users_search`, the trigram index of people's search
 * text (database.ts): a text holds the term exactly when it holds the term's trigrams one after another, so the
 * index yields the people who match, and only their travelers are read, sorted and counted (a few dozen for
 * "garcia", instead of all 10,000 rows of the event). Each candidate still passes the scan's own instr()
 * check, so the answer is the scan's by construction. Shorter terms have no trigram; a search made only of
 * them scans the event in list order.
 *
 * A candidate costs about as much as scanning CANDIDATE_COST rows (three lookups, then a sort), so a term that
 * many people match ("acme", in every e-mail) is faster scanned: the index is used only when it has fewer
 * candidates than the event's travelers / CANDIDATE_COST, which it counts, up to that number, first.
 */
import type { Statement } from 'better-sqlite3';
import type { SandboxDatabase } from './database.ts';
import { statesIn, toRow, type Params, type RawRow, type TravelerRow } from './traveler-sql.ts';

const TRIGRAM = 3;
const CANDIDATE_COST = 12;

interface Statements {
  page: Statement<Params, unknown[]>;
  count: Statement<Params, number>;
}

/** The index's query for the terms it can look up, or null when there is none. */
export function trigramQuery(terms: readonly string[]): string | null {
  // FTS5 reads its query text only up to a NUL ("unterminated string"); such a term is left to the scan.
  const indexed = terms.filter((term) => [...term].length >= TRIGRAM && !term.includes('\0'));
  if (indexed.length === 0) return null;
  // Each term as one quoted phrase (a quote doubled inside), so no character has a meaning of its own.
  return indexed.map((term) => `"${term.replaceAll('"', '""')}"`).join(' AND ');
}

export function createTravelerSearch(db: SandboxDatabase) {
  const fewCandidates = db
    .prepare<Params, number>(
      `WITH size AS (
         SELECT coalesce(sum(travelers), 0) / ${CANDIDATE_COST} AS most FROM event_rsvp_counts WHERE event_id = @eventId
       )
       SELECT count(*) < (SELECT most FROM size)
         FROM (SELECT 1 FROM users_search WHERE users_search MATCH @match LIMIT (SELECT most FROM size))`,
    )
    .pluck();
  const terms = (count: number, column: string) =>
    Array.from({ length: count }, (_, i) => `instr(${column}, @term${i}) > 0`);

  const indexedFor = perTermCount((termCount) => {
    // CROSS JOIN keeps this order: from the index's few candidates to their travelers, never the reverse.
    const from = `users_search CROSS JOIN users u ON u.rowid = users_search.rowid
        CROSS JOIN event_travelers t ON t.event_id = @eventId AND t.user_id = u.id`;
    const where = ['users_search MATCH @match', statesIn('t'), ...terms(termCount, 't.search_text')].join(
      ' AND ',
    );
    return {
      // The total rides along with the page: the candidates are all read to be sorted anyway.
      page: db
        .prepare<Params, unknown[]>(
          `SELECT t.user_id, t.rsvp_state, t.invited_at, count(*) OVER () FROM ${from} WHERE ${where}
              ORDER BY t.block, t.sort_name, t.user_id LIMIT @limit OFFSET @offset`,
        )
        .raw(),
      count: db.prepare<Params, number>(`SELECT count(*) FROM ${from} WHERE ${where}`).pluck(),
    };
  });

  const scannedFor = perTermCount((termCount) => {
    const where = ['event_id = @eventId', statesIn(), ...terms(termCount, 'search_text')].join(' AND ');
    return {
      page: db
        .prepare<Params, unknown[]>(
          `SELECT user_id, rsvp_state, invited_at FROM event_travelers WHERE ${where}
              ORDER BY block, sort_name, user_id LIMIT @limit OFFSET @offset`,
        )
        .raw(),
      count: db.prepare<Params, number>(`SELECT count(*) FROM event_travelers WHERE ${where}`).pluck(),
    };
  });

  /** The page and total of a search; `params` has the event and the states, `searchTerms` at least one term. */
  return function search(
    searchTerms: readonly string[],
    offset: number,
    limit: number,
    params: Params,
  ): { rows: TravelerRow[]; total: number } {
    let match = trigramQuery(searchTerms);
    if (match !== null && fewCandidates.get({ eventId: params.eventId!, match }) !== 1) match = null;
    const all: Params = { ...params, ...(match === null ? {} : { match }) };
    searchTerms.forEach((term, i) => (all[`term${i}`] = term));
    const statements = match === null ? scannedFor(searchTerms.length) : indexedFor(searchTerms.length);
    const raw = statements.page.all({ ...all, limit, offset });
    const rows = raw.map((row) => toRow(row as unknown as RawRow));
    if (match !== null && raw.length > 0) return { rows, total: raw[0]![3] as number };
    // A short page that starts within the results ends them, so it tells the total by itself: a scan for a
    // rare name then reads the event once, not twice.
    const pageTellsTotal = rows.length < limit && (rows.length > 0 || offset === 0);
    return { rows, total: pageTellsTotal ? offset + rows.length : (statements.count.get(all) ?? 0) };
  };
}

/** One pair of statements per number of terms (1, 2, ...), prepared on first use and kept. */
function perTermCount(prepare: (termCount: number) => Statements): (termCount: number) => Statements {
  const prepared = new Map<number, Statements>();
  return (termCount) => {
    let statements = prepared.get(termCount);
    if (!statements) {
      statements = prepare(termCount);
      prepared.set(termCount, statements);
    }
    return statements;
  };
}
