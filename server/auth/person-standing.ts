/**
 * What the OpenID Provider last said of each person, kept beyond their sessions: their role, or none once the
 * provider refused a re-check (`provider-refused`) or they were in no console group any more (`no-group`). Written
 * at sign-in, at each role re-check (role-recheck.ts) and when a re-check ends a session; read when a scheduled send
 * of theirs runs (server/history/schedule-runner.ts), which is sent as them only while this says sender or admin.
 * With no session of theirs open, that is what the provider said at their last sign-in or re-check.
 */
import { ROLES, type Role } from '#contract/console-auth';
import type { ConsoleDb } from '../console-db/open-console-database.ts';

export type StandingLostReason = 'provider-refused' | 'no-group';

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
  /** The provider said at `checkedAt` that they may not use the console any more. */
  lost(subject: string, reason: StandingLostReason, checkedAt: number): Promise<void>;
  get(subject: string): Promise<PersonStanding | undefined>;
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
  };
}
