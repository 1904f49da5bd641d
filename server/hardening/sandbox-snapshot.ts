/**
 * Test support (not a test): reads the embedded sandbox's SQLite file directly, beside the running server, so the
 * hardening tests can compare every traveler's state before and after, and count the e-mails in the outbox,
 * without trusting the API they are testing.
 */
import Database from 'better-sqlite3';
import type { EventRsvpState } from '#contract';

export interface TravelerState {
  state: EventRsvpState;
  invitedAt: string | null;
}

export interface OutboxRow {
  id: number;
  eventId: string;
  userId: string;
  email: string;
  kind: 'INVITE' | 'TEST';
  createdAt: string;
}

/** Opens the file read-only; WAL lets it read beside the server that writes it. */
export function openSnapshotReader(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const travelers = db.prepare<
    [],
    { event_id: string; user_id: string; rsvp_state: EventRsvpState; invited_at: string | null }
  >('SELECT event_id, user_id, rsvp_state, invited_at FROM event_travelers');
  const outbox = db.prepare<
    [number],
    {
      id: number;
      event_id: string;
      user_id: string;
      email: string;
      kind: 'INVITE' | 'TEST';
      created_at: string;
    }
  >('SELECT id, event_id, user_id, email, kind, created_at FROM outbox WHERE id > ? ORDER BY id');
  return {
    db,
    /** Every traveler of every event, keyed `eventId/userId`. */
    travelers(): Map<string, TravelerState> {
      return new Map(
        travelers
          .all()
          .map((row) => [
            `${row.event_id}/${row.user_id}`,
            { state: row.rsvp_state, invitedAt: row.invited_at },
          ]),
      );
    },
    /** Outbox rows with an id above `afterId`, oldest first. */
    outbox(afterId = 0): OutboxRow[] {
      return outbox.all(afterId).map((row) => ({
        id: row.id,
        eventId: row.event_id,
        userId: row.user_id,
        email: row.email,
        kind: row.kind,
        createdAt: row.created_at,
      }));
    },
    lastOutboxId(): number {
      return db.prepare('SELECT coalesce(max(id), 0) FROM outbox').pluck().get() as number;
    },
    /** The per-state totals the sandbox keeps by trigger, for one event. */
    keptCounts(eventId: string): Record<string, number> {
      const rows = db
        .prepare<[string], { rsvp_state: string; travelers: number }>(
          'SELECT rsvp_state, travelers FROM event_rsvp_counts WHERE event_id = ? AND travelers > 0',
        )
        .all(eventId);
      return Object.fromEntries(rows.map((row) => [row.rsvp_state, row.travelers]));
    },
    /** The same totals counted from the rows themselves. */
    countedStates(eventId: string): Record<string, number> {
      const rows = db
        .prepare<[string], { rsvp_state: string; n: number }>(
          'SELECT rsvp_state, count(*) AS n FROM event_travelers WHERE event_id = ? GROUP BY rsvp_state',
        )
        .all(eventId);
      return Object.fromEntries(rows.map((row) => [row.rsvp_state, row.n]));
    },
    close: () => db.close(),
  };
}

export type SnapshotReader = ReturnType<typeof openSnapshotReader>;
