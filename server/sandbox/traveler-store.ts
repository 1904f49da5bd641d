/**
 * Reading and changing one event's travelers. Every statement is prepared once. The table is clustered in list
 * order and the per-block, per-state totals are kept in `event_block_counts`, so an unsearched page of the
 * 10,000-traveler event, at any depth, is a read of some 100 counts plus a short sequential read from the block
 * the page starts in (traveler-blocks.ts), and a search reads one contiguous range at most twice.
 */
import type { Statement } from 'better-sqlite3';
import { EventRsvpState } from '../../src/contract/spotnana.ts';
import type { SandboxDatabase } from './database.ts';
import { locatePage, type BlockCount } from './traveler-blocks.ts';

export interface TravelerRow {
  user_id: string;
  rsvp_state: EventRsvpState;
  invited_at: string | null;
}

export interface TravelerQuery {
  eventId: string;
  /** At least one state. */
  states: readonly EventRsvpState[];
  /** Folded search terms; a traveler matches when each one occurs in their names or e-mail. */
  terms: readonly string[];
  offset: number;
  limit: number;
}

type Params = Record<string, string | number>;

// States are bound as a fixed number of parameters (repeating one to fill up), so one statement serves
// every combination of states. A chain of = is used rather than IN (...): SQLite evaluates it about twice as
// fast per row, which is what a deep OFFSET costs.
const STATE_SLOTS = EventRsvpState.options.length;
const STATES_IN = `(${Array.from({ length: STATE_SLOTS }, (_, i) => `rsvp_state = @state${i}`).join(' OR ')})`;

function stateParams(states: readonly EventRsvpState[]): Params {
  const params: Params = {};
  for (let i = 0; i < STATE_SLOTS; i++) params[`state${i}`] = states[Math.min(i, states.length - 1)]!;
  return params;
}

type RawRow = [user_id: string, rsvp_state: EventRsvpState, invited_at: string | null];

interface ListStatements {
  page: Statement<Params, TravelerRow>;
  count: Statement<Params, number>;
}

// better-sqlite3 builds a row object far more slowly than V8 builds the same literal: pages are read as arrays.
const toRow = ([user_id, rsvp_state, invited_at]: RawRow): TravelerRow => ({
  user_id,
  rsvp_state,
  invited_at,
});

export function createTravelerStore(db: SandboxDatabase) {
  const blockCounts = db
    .prepare<Params, BlockCount>(
      `SELECT block, sum(travelers) FROM event_block_counts WHERE event_id = @eventId AND ${STATES_IN}
        GROUP BY block ORDER BY block`,
    )
    .raw();
  const pageFromBlock = db
    .prepare<Params, RawRow>(
      `SELECT user_id, rsvp_state, invited_at FROM event_travelers
        WHERE event_id = @eventId AND block >= @block AND ${STATES_IN}
        ORDER BY block, sort_name, user_id LIMIT @limit OFFSET @skip`,
    )
    .raw();

  /** An unsearched page: where it starts and the total from the block counts, then only the page's rows. */
  const listUnsearched = (query: TravelerQuery, params: Params) => {
    const { total, start } = locatePage(blockCounts.all(params), query.offset);
    const rows =
      start && query.limit > 0
        ? pageFromBlock.all({ ...params, ...start, limit: query.limit }).map(toRow)
        : [];
    return { rows, total };
  };

  // Searches: one pair of statements per number of search terms (1, 2, ...), prepared on first use.
  const byTermCount = new Map<number, ListStatements>();
  const statementsFor = (termCount: number): ListStatements => {
    let statements = byTermCount.get(termCount);
    if (!statements) {
      const where = [
        'event_id = @eventId',
        STATES_IN,
        ...Array.from({ length: termCount }, (_, i) => `instr(search_text, @term${i}) > 0`),
      ].join(' AND ');
      statements = {
        page: db.prepare(
          `SELECT user_id, rsvp_state, invited_at FROM event_travelers WHERE ${where}
            ORDER BY block, sort_name, user_id LIMIT @limit OFFSET @offset`,
        ),
        count: db.prepare<Params, number>(`SELECT count(*) FROM event_travelers WHERE ${where}`).pluck(),
      };
      byTermCount.set(termCount, statements);
    }
    return statements;
  };

  const statesOf = db.prepare<[string, string], { user_id: string; rsvp_state: EventRsvpState }>(
    `SELECT user_id, rsvp_state FROM event_travelers WHERE event_id = ? AND user_id IN (SELECT value FROM json_each(?))`,
  );
  const remove = db.prepare<[string, string]>(
    `UPDATE event_travelers SET rsvp_state = 'REMOVED' WHERE event_id = ? AND user_id IN (SELECT value FROM json_each(?))`,
  );

  return {
    list(query: TravelerQuery): { rows: TravelerRow[]; total: number } {
      const params: Params = { eventId: query.eventId, ...stateParams(query.states) };
      if (query.terms.length === 0) return listUnsearched(query, params);
      const statements = statementsFor(query.terms.length);
      query.terms.forEach((term, i) => (params[`term${i}`] = term));
      const rows = statements.page.all({ ...params, limit: query.limit, offset: query.offset });
      // A short page that starts within the results ends them, so it tells the total by itself: a search for a
      // rare name then scans the event once, not twice.
      const pageTellsTotal = rows.length < query.limit && (rows.length > 0 || query.offset === 0);
      return {
        rows,
        total: pageTellsTotal ? query.offset + rows.length : (statements.count.get(params) ?? 0),
      };
    },

    /** The RSVP state of each of `userIds` that is a traveler of the event (others are absent from the map). */
    statesOf(eventId: string, userIds: readonly string[]): Map<string, EventRsvpState> {
      const rows = statesOf.all(eventId, JSON.stringify(userIds));
      return new Map(rows.map((row) => [row.user_id, row.rsvp_state]));
    },

    remove(eventId: string, userIds: readonly string[]): void {
      remove.run(eventId, JSON.stringify(userIds));
    },
  };
}

export type TravelerStore = ReturnType<typeof createTravelerStore>;
