/**
 * The store of Send later: a scheduled send is a send record (send-records.ts) whose status is `scheduled` until it
 * starts, so the History, the Activity page, Details, the CSV and "Load into the form" all show it.
 *
 * - scheduled: created_at = scheduled_at = when it was planned; due_at = when it is due.
 * - claimed (the runner, schedule-runner.ts): `pending`, created_at = the start, in one atomic step that exactly one
 *   instance wins (PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite, one instance: a conditional UPDATE that checks it
 *   is still `scheduled` and still due, so a send moved later between the select and the update stays scheduled).
 *   From then on it is an ordinary send under way: an instance that dies now leaves it `pending` ("outcome
 *   unknown"), and nothing ever claims it again.
 * - moved (reschedule) or cancelled (`cancelled`, created_at = the cancellation) only while still `scheduled`; a
 *   second cancel of a cancelled one finds it `cancelled` (the route answers it as done).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { SignedInPerson } from '../auth/session-store.ts';
import type { ConsoleDb } from '../console-db/open-console-database.ts';
import type { ConsoleDatabase, SendRecordsTable } from '../console-db/schema.ts';
import { fingerprint, type SendRequest } from './send-request.ts';
import { newRow, toRecord, type SendRecord } from './send-records.ts';
import { isUniqueViolation } from './unique-violation.ts';

export interface NewSchedule {
  request: SendRequest;
  person: SignedInPerson;
  instance: string;
  dueAt: number;
  /** The browser's Idempotency-Key for the scheduling request, if it gave one: a retry gets the same schedule. */
  idempotencyKey: string | null;
  eventName?: string | null;
  eventTravelerCount?: number | null;
}

export type ScheduleResult =
  | { kind: 'scheduled'; record: SendRecord }
  /** The key was used before: the first request's schedule. */
  | { kind: 'duplicate-key'; record: SendRecord };

/** A change to a scheduled send: done, or why not (gone, or it is no longer `scheduled`). */
export type ChangeResult =
  { kind: 'changed'; record: SendRecord } | { kind: 'not-found' } | { kind: 'started'; record: SendRecord };

export interface Claimed {
  record: SendRecord;
  /** When this claim started it (its created_at now). */
  startedAt: number;
}

export interface ScheduledSends {
  schedule(plan: NewSchedule): Promise<ScheduleResult>;
  /** The record, to check who may change it. */
  get(id: string): Promise<SendRecord | undefined>;
  reschedule(id: string, dueAt: number): Promise<ChangeResult>;
  cancel(id: string, by: Omit<SignedInPerson, 'role'>): Promise<ChangeResult>;
  /**
   * Claims up to `limit` sends due at `now` (soonest due first) for this instance: each becomes `pending`, started
   * now. A send another instance claims at the same moment is skipped, never claimed twice.
   */
  claimDue(now: number, limit: number, instance: string): Promise<Claimed[]>;
  /** A claimed send that will not run: `skipped` with the console's envelope saying why. */
  notRun(id: string, envelope: unknown): Promise<void>;
}

/** Test hooks only. */
export interface ScheduledSendsTesting {
  /** SQLite: runs between the select of the due sends and their claiming UPDATE (a reschedule may land there). */
  afterDueSelected?(ids: readonly string[]): Promise<void>;
}

/** SQLite: how many times a claim selects again when every send it selected was moved or taken meanwhile. */
const SQLITE_CLAIM_PASSES = 3;

/** The ids of the sends still scheduled and due at `at`, soonest first: what a claim takes. */
function dueIds(db: Kysely<ConsoleDatabase>, at: number, limit: number) {
  return db
    .selectFrom('send_records')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('due_at', '<=', at)
    .orderBy('due_at')
    .limit(limit);
}

export function createScheduledSends(
  consoleDb: ConsoleDb,
  now: () => number = Date.now,
  testing: ScheduledSendsTesting = {},
): ScheduledSends {
  const { db, dialect } = consoleDb;
  const byId = async (id: string) => {
    const row = await db.selectFrom('send_records').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  };

  async function change(id: string, update: () => Promise<Selectable<SendRecordsTable> | undefined>) {
    const changed = await update();
    if (changed !== undefined) return { kind: 'changed' as const, record: toRecord(changed) };
    const record = await byId(id);
    return record === undefined || record.dueAt === null
      ? { kind: 'not-found' as const }
      : { kind: 'started' as const, record };
  }

  return {
    async schedule(plan) {
      const at = now();
      const print = fingerprint(plan.request);
      const row = {
        ...newRow(
          {
            request: plan.request,
            person: plan.person,
            instance: plan.instance,
            idempotencyKey: plan.idempotencyKey,
            eventName: plan.eventName,
            eventTravelerCount: plan.eventTravelerCount,
          },
          print,
          at,
        ),
        id: randomUUID(),
        status: 'scheduled' as const,
        due_at: plan.dueAt,
        scheduled_at: at,
      };
      if (plan.request.action === 'remind') {
        // Who is reminded is read when it runs; the record lists them then.
        row.traveler_count = null;
      }
      try {
        await db.insertInto('send_records').values(row).execute();
      } catch (error) {
        if (!isUniqueViolation(error) || plan.idempotencyKey === null) throw error;
        const first = await db
          .selectFrom('send_records')
          .selectAll()
          .where('idempotency_key', '=', plan.idempotencyKey)
          .executeTakeFirst();
        if (first === undefined) throw error;
        return { kind: 'duplicate-key', record: toRecord(first) };
      }
      return { kind: 'scheduled', record: toRecord(row) };
    },

    get: byId,

    reschedule: (id, dueAt) =>
      change(id, () =>
        db
          .updateTable('send_records')
          .set({ due_at: dueAt })
          .where('id', '=', id)
          .where('status', '=', 'scheduled')
          .returningAll()
          .executeTakeFirst(),
      ),

    cancel: (id, by) =>
      change(id, () => {
        const at = now();
        return db
          .updateTable('send_records')
          .set({
            status: 'cancelled',
            created_at: at,
            completed_at: at,
            cancelled_at: at,
            cancelled_by_subject: by.subject,
            cancelled_by_name: by.name,
            cancelled_by_email: by.email,
          })
          .where('id', '=', id)
          .where('status', '=', 'scheduled')
          .returningAll()
          .executeTakeFirst();
      }),

    async claimDue(at, limit, instance) {
      const start = { status: 'pending' as const, created_at: at, instance };
      if (dialect === 'postgres') {
        // Locked rows (another instance's claim under way) are skipped, not waited for; the UPDATE in the same
        // transaction makes them `pending`, which no later claim selects.
        const rows = await db.transaction().execute(async (trx) => {
          const due = await dueIds(trx, at, limit).forUpdate().skipLocked().execute();
          if (due.length === 0) return [];
          return trx
            .updateTable('send_records')
            .set(start)
            .where(
              'id',
              'in',
              due.map((row) => row.id),
            )
            .where('status', '=', 'scheduled')
            .where('due_at', '<=', at)
            .returningAll()
            .execute();
        });
        return rows.map((row) => ({ record: toRecord(row), startedAt: at }));
      }
      // SQLite (one instance): each row is taken by a conditional UPDATE, which only one caller can win, and only
      // while it is still due (a reschedule may have moved it since the select).
      const claimed: Claimed[] = [];
      for (let pass = 1; pass <= SQLITE_CLAIM_PASSES && claimed.length < limit; pass += 1) {
        const due = await dueIds(db, at, limit - claimed.length).execute();
        if (due.length === 0) break;
        await testing.afterDueSelected?.(due.map((row) => row.id));
        for (const { id } of due) {
          const row = await db
            .updateTable('send_records')
            .set(start)
            .where('id', '=', id)
            .where('status', '=', 'scheduled')
            .where('due_at', '<=', at)
            .returningAll()
            .executeTakeFirst();
          if (row !== undefined) claimed.push({ record: toRecord(row), startedAt: at });
        }
      }
      return claimed;
    },

    async notRun(id, envelope) {
      const entries = (envelope as { errorMessages?: { message?: string }[] }).errorMessages ?? [];
      await db
        .updateTable('send_records')
        .set({
          status: 'skipped',
          http_status: null,
          outcome_json: JSON.stringify({ body: envelope }),
          error_count: entries.length,
          first_error_message: entries[0]?.message ?? null,
          completed_at: now(),
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
      await db.deleteFrom('inflight_sends').where('record_id', '=', id).execute();
    },
  };
}
