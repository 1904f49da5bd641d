/**
 * Reading and changing one event's travelers. Every statement is prepared once; the listing filters, counts
 * and pages through the `event_travelers_by_name` index without a join, so the 10,000-traveler event answers in
 * a few milliseconds.
 */
import type { Statement } from 'better-sqlite3';
import type { EventRsvpState } from '../../src/contract/spotnana.ts';
import type { SandboxDatabase } from './database.ts';

export interface TravelerRow {
  user_id: string;
  rsvp_state: EventRsvpState;
  invited_at: string | null;
}

export interface TravelerQuery {
  eventId: string;
  states: readonly EventRsvpState[];
  /** Folded search terms; a traveler matches when each one occurs in their names or e-mail. */
  terms: readonly string[];
  offset: number;
  limit: number;
}

type ListParams = Record<string, string | number>;

export function createTravelerStore(db: SandboxDatabase) {
  // One pair of statements per number of search terms (0, 1, 2, ...), prepared on first use.
  const listStatements = new Map<
    number,
    { page: Statement<ListParams, TravelerRow>; count: Statement<ListParams, number> }
  >();
  const statementsFor = (termCount: number) => {
    let statements = listStatements.get(termCount);
    if (!statements) {
      const where = [
        'event_id = @eventId',
        'rsvp_state IN (SELECT value FROM json_each(@states))',
        ...Array.from({ length: termCount }, (_, i) => `instr(search_text, @term${i}) > 0`),
      ].join(' AND ');
      statements = {
        page: db.prepare<ListParams, TravelerRow>(
          `SELECT user_id, rsvp_state, invited_at FROM event_travelers WHERE ${where}
            ORDER BY sort_name, user_id LIMIT @limit OFFSET @offset`,
        ),
        count: db.prepare<ListParams, number>(`SELECT count(*) FROM event_travelers WHERE ${where}`).pluck(),
      };
      listStatements.set(termCount, statements);
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
      const statements = statementsFor(query.terms.length);
      const params: ListParams = { eventId: query.eventId, states: JSON.stringify(query.states) };
      query.terms.forEach((term, i) => (params[`term${i}`] = term));
      return {
        rows: statements.page.all({ ...params, limit: query.limit, offset: query.offset }),
        total: statements.count.get(params) ?? 0,
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
