/**
 * Reading and changing one event's travelers. Every statement is prepared once. The table is clustered in list
 * order and the per-block, per-state totals are kept in `event_block_counts`, so an unsearched page of the
 * 10,000-traveler event, at any depth, is a read of some 100 counts plus a short sequential read from the block
 * the page starts in (traveler-blocks.ts). Searches: traveler-search.ts.
 */
import { EventRsvpState } from '#contract';
import type { SandboxDatabase } from './database.ts';
import { locatePage, type BlockCount } from './traveler-blocks.ts';
import { createTravelerSearch } from './traveler-search.ts';
import { stateParams, statesIn, toRow, type Params, type RawRow, type TravelerRow } from './traveler-sql.ts';

export type { TravelerRow } from './traveler-sql.ts';

export interface TravelerQuery {
  eventId: string;
  /** At least one state. */
  states: readonly EventRsvpState[];
  /** Folded search terms; a traveler matches when each one occurs in their names or e-mail. */
  terms: readonly string[];
  offset: number;
  limit: number;
}

export function createTravelerStore(db: SandboxDatabase) {
  const blockCounts = db
    .prepare<Params, BlockCount>(
      `SELECT block, sum(travelers) FROM event_block_counts WHERE event_id = @eventId AND ${statesIn()}
        GROUP BY block ORDER BY block`,
    )
    .raw();
  const pageFromBlock = db
    .prepare<Params, RawRow>(
      `SELECT user_id, rsvp_state, invited_at FROM event_travelers
        WHERE event_id = @eventId AND block >= @block AND ${statesIn()}
        ORDER BY block, sort_name, user_id LIMIT @limit OFFSET @skip`,
    )
    .raw();
  const search = createTravelerSearch(db);

  const statesOf = db.prepare<[string, string], { user_id: string; rsvp_state: EventRsvpState }>(
    `SELECT user_id, rsvp_state FROM event_travelers WHERE event_id = ? AND user_id IN (SELECT value FROM json_each(?))`,
  );
  const remove = db.prepare<[string, string]>(
    `UPDATE event_travelers SET rsvp_state = 'REMOVED' WHERE event_id = ? AND user_id IN (SELECT value FROM json_each(?))`,
  );

  return {
    list(query: TravelerQuery): { rows: TravelerRow[]; total: number } {
      const params: Params = { eventId: query.eventId, ...stateParams(query.states) };
      if (query.terms.length > 0) return search(query.terms, query.offset, query.limit, params);
      // Unsearched: where the page starts and the total from the block counts, then only the page's rows.
      const { total, start } = locatePage(blockCounts.all(params), query.offset);
      const rows =
        start && query.limit > 0
          ? pageFromBlock.all({ ...params, ...start, limit: query.limit }).map(toRow)
          : [];
      return { rows, total };
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
