/**
 * What the OpenID Provider last said of each person, kept beyond their sessions: their role, or none once the
 * provider refused a re-check (`provider-refused`), they were in no console group any more (`no-group`: at a
 * re-check, or at a sign-in refused for it), or an admin ended all their sessions (`sessions-ended`: the Sessions
 * page). Written at sign-in (a refused one too), at each role re-check (role-recheck.ts), when a re-check ends a
 * session and when an admin ends someone's sessions; read when a scheduled send of theirs runs
 * (server/history/schedule-runner.ts), which is sent as them only while this says sender or admin. With no session
 * of theirs open and no admin action since, that is what the provider said at their last sign-in or re-check.
 *
 * A row holds a name and an email: the retention purge (history/start-send-history.ts) deletes the rows not
 * written for SEND_RECORD_RETENTION_DAYS whose person has nothing still scheduled.
 */
import { ROLES, type Role } from '#contract/console-auth';
import type { ConsoleDb } from '../console-db/open-console-database.ts';

export type StandingLostReason = 'provider-refused' | 'no-group' | 'sessions-ended';

export interface PersonStanding {
  subject: string;
  name: string;
  email: string;
  /** Undefined: the provider no longer vouches for them, or they are in no console group (`reason` says which). */
  role: Role | undefined;
  checkedAt: number;
  reason: string | null;
}

export interface PersonStandings {
  /** The provider said `role` at `checkedAt`; an older word than the one stored is ignored. */
  vouched(
    person: { subject: string; name: string; email: string },
    role: Role,
    checkedAt: number,
  ): Promise<void>;
  /**
   * At `checkedAt` the provider said they may not use the console any more, or an admin ended their sessions
   * (`sessions-ended`): nothing is sent as them until a newer word (their next sign-in). Only a row that exists
   * changes: with none, nothing was ever scheduled as them.
   */
  lost(subject: string, reason: StandingLostReason, checkedAt: number): Promise<void>;
  get(subject: string): Promise<PersonStanding | undefined>;
  /**
   * Deletes the rows last written before `cutoffMs` whose person has no send still `scheduled` (their name and
   * email are then kept no longer than their send records); returns how many.
   */
  purgeOlderThan(cutoffMs: number): Promise<number>;
}

export function createPersonStandings({ db }: Pick<ConsoleDb, 'db'>): PersonStandings {
  return {
    async vouched({ subject, name, email }, role, checkedAt) {
      await db
        .insertInto('person_standing')
        .values({ subject, name, email, role, checked_at: checkedAt, reason: null })
        .onConflict((oc) =>
          oc
            .column('subject')
            .doUpdateSet({ name, email, role, checked_at: checkedAt, reason: null })
            .where('person_standing.checked_at', '<=', checkedAt),
        )
        .execute();
    },

    async lost(subject, reason, checkedAt) {
      await db
        .updateTable('person_standing')
        .set({ role: null, reason, checked_at: checkedAt })
        .where('subject', '=', subject)
        .where('checked_at', '<=', checkedAt)
        .execute();
    },

    async get(subject) {
      const row = await db
        .selectFrom('person_standing')
        .selectAll()
        .where('subject', '=', subject)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const role =
        row.role !== null && (ROLES as readonly string[]).includes(row.role) ? (row.role as Role) : undefined;
      return {
        subject: row.subject,
        name: row.name,
        email: row.email,
        role,
        checkedAt: row.checked_at,
        reason: row.reason,
      };
    },

    async purgeOlderThan(cutoffMs) {
      const result = await db
        .deleteFrom('person_standing')
        .where('checked_at', '<', cutoffMs)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('send_records')
                .select('send_records.id')
                .whereRef('send_records.subject', '=', 'person_standing.subject')
                .where('send_records.status', '=', 'scheduled'),
            ),
          ),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
