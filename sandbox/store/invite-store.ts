/**
 * Sending invites: the state changes and the outbox rows of one send, as set-based statements inside one
 * transaction. Inviting all 10,000 travelers of an event is then two statements, not 20,000, and a crash in
 * the middle leaves all of it or none of it.
 *
 * Who gets an e-mail: travelers who are ADDED (they become INVITED) or already INVITED (a reminder, with a
 * fresh invitedAt). Travelers who accepted or declined keep their state and get no e-mail: they have answered.
 */
import type { SandboxDatabase } from './database.ts';

const INVITABLE = `rsvp_state IN ('ADDED', 'INVITED')`;

export function createInviteStore(db: SandboxDatabase) {
  const outboxAll = db.prepare<{ eventId: string; now: string }>(
    `INSERT INTO outbox (event_id, user_id, email, kind, created_at)
     SELECT t.event_id, t.user_id, u.email, 'INVITE', @now
       FROM event_travelers t JOIN users u ON u.id = t.user_id
      WHERE t.event_id = @eventId AND t.${INVITABLE}
      ORDER BY t.block, t.sort_name, t.user_id`,
  );
  const inviteAll = db.prepare<{ eventId: string; now: string }>(
    `UPDATE event_travelers SET rsvp_state = 'INVITED', invited_at = @now WHERE event_id = @eventId AND ${INVITABLE}`,
  );
  const outboxSome = db.prepare<{ eventId: string; now: string; ids: string }>(
    `INSERT INTO outbox (event_id, user_id, email, kind, created_at)
     SELECT t.event_id, t.user_id, u.email, 'INVITE', @now
       FROM event_travelers t JOIN users u ON u.id = t.user_id
      WHERE t.event_id = @eventId AND t.user_id IN (SELECT value FROM json_each(@ids)) AND t.${INVITABLE}
      ORDER BY t.block, t.sort_name, t.user_id`,
  );
  const inviteSome = db.prepare<{ eventId: string; now: string; ids: string }>(
    `UPDATE event_travelers SET rsvp_state = 'INVITED', invited_at = @now
      WHERE event_id = @eventId AND user_id IN (SELECT value FROM json_each(@ids)) AND ${INVITABLE}`,
  );
  const outboxTest = db.prepare<[string, string, string, string]>(
    `INSERT INTO outbox (event_id, user_id, email, kind, created_at) VALUES (?, ?, ?, 'TEST', ?)`,
  );

  return {
    /**
     * Invites `userIds` (already checked to be travelers that are not removed), or every traveler when null.
     * Returns how many e-mails went to the outbox.
     */
    send: db.transaction((eventId: string, userIds: readonly string[] | null, now: string): number => {
      if (userIds === null) {
        const { changes } = outboxAll.run({ eventId, now });
        inviteAll.run({ eventId, now });
        return changes;
      }
      const ids = JSON.stringify(userIds);
      const { changes } = outboxSome.run({ eventId, now, ids });
      inviteSome.run({ eventId, now, ids });
      return changes;
    }),

    sendTest(eventId: string, userId: string, email: string, now: string): void {
      outboxTest.run(eventId, userId, email, now);
    },
  };
}

export type InviteStore = ReturnType<typeof createInviteStore>;
