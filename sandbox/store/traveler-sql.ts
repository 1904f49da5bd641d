/** SQL pieces shared by the statements that list an event's travelers (traveler-store.ts, traveler-search.ts). */
import { EventRsvpState } from '#contract';

export interface TravelerRow {
  user_id: string;
  rsvp_state: EventRsvpState;
  invited_at: string | null;
}

export type Params = Record<string, string | number>;

// States are bound as a fixed number of parameters (repeating one to fill up), so one statement serves
// every combination of states. A chain of = is used rather than IN (...): SQLite evaluates it about twice as
// fast per row, which is what a scan costs.
const STATE_SLOTS = EventRsvpState.options.length;

/** The state condition on the travelers table, or on its alias `table`. */
export function statesIn(table?: string): string {
  const column = table ? `${table}.rsvp_state` : 'rsvp_state';
  return `(${Array.from({ length: STATE_SLOTS }, (_, i) => `${column} = @state${i}`).join(' OR ')})`;
}

export function stateParams(states: readonly EventRsvpState[]): Params {
  const params: Params = {};
  for (let i = 0; i < STATE_SLOTS; i++) params[`state${i}`] = states[Math.min(i, states.length - 1)]!;
  return params;
}

/** A page read as an array (`.raw()`): better-sqlite3 builds row objects far more slowly than V8 does. */
export type RawRow = [user_id: string, rsvp_state: EventRsvpState, invited_at: string | null];

export const toRow = ([user_id, rsvp_state, invited_at]: RawRow): TravelerRow => ({
  user_id,
  rsvp_state,
  invited_at,
});
