/**
 * The send history's store: a send is written as `pending` together with its in-flight row in one
 * transaction before it leaves, and completed with its outcome after. A record left `pending` by a killed server
 * reads as "outcome unknown"; its in-flight row stops counting once it is older than any live send can be.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { SendAction, SendScope, SendStatus } from '#contract/send-history';
import type { Role } from '#contract/console-auth';
import type { SignedInPerson } from '../auth/session-store.ts';
import type { ConsoleDb } from '../console-db/open-console-database.ts';
import type { SendRecordsTable } from '../console-db/schema.ts';
import { fingerprint, type SendRequest } from './send-request.ts';
import { errorSummaryOf } from './error-summary.ts';
import { isUniqueViolation } from './unique-violation.ts';

export interface SendRecord {
  id: string;
  createdAt: number;
  instance: string;
  person: Omit<SignedInPerson, 'role'>;
  role: Role;
  eventId: string;
  eventName: string | null;
  action: SendAction;
  eventType: string | null;
  scope: SendScope;
  travelerCount: number | null;
  travelerIds: string[];
  idempotencyKey: string | null;
  requestFingerprint: string;
  status: SendStatus;
  httpStatus: number | null;
  /** The stored answer: `{ body }` (accepted, refused; null when skipped) or `{ failure, body }` (failed). */
  outcome: unknown;
  completedAt: number | null;
  /** Send later: when it is (was) due, when it was scheduled, and how many minutes late it started (null: on time). */
  dueAt: number | null;
  scheduledAt: number | null;
  lateMinutes: number | null;
}

export type SendOutcome =
  | { status: 'accepted' | 'refused'; httpStatus: number; body: unknown }
  | { status: 'failed'; httpStatus: number | null; failure: string; body: unknown }
  /**
   * Nothing was sent: nobody to send to (a reminder that found no traveler still invited; body null), or a
   * scheduled send not run by the runner's own decision (too late, or its scheduler may no longer send; body: the
   * console's error envelope saying why). A scheduled send that the console's own guards refused when it ran (the
   * send limit, an identical send under way) is `refused`, with that answer, not `skipped`.
   */
  | { status: 'skipped'; httpStatus: null; body: unknown };

export interface BeginSend {
  request: SendRequest;
  person: SignedInPerson;
  instance: string;
  idempotencyKey: string | null;
  eventName?: string | null;
  /** The event's traveler count, recorded for an invite to all of them (a list counts itself). */
  eventTravelerCount?: number | null;
}

export type BeginResult =
  | { kind: 'started'; record: SendRecord }
  /** The key was used before: the first attempt's record. */
  | { kind: 'duplicate-key'; record: SendRecord }
  /** An identical send has not finished: its record says who started it and when. */
  | { kind: 'in-flight'; record: SendRecord };

/**
 * The event's facts learned while the send was out (the send did not wait for them): each fills its column only
 * where the record still says null.
 */
export interface LateEventFacts {
  eventName?: string | null;
  /** The event's traveler count: give it only for an invite/send to all travelers. */
  eventTravelerCount?: number | null;
}

export interface SendRecords {
  begin(send: BeginSend): Promise<BeginResult>;
  /**
   * A scheduled send's record, claimed by the runner (status `pending`), takes the send it is now (its travelers,
   * fingerprint and key) instead of a new record being inserted: `started`, or `in-flight` when an identical send
   * is under way. Throws when the record is not a claimed scheduled send. `lateMinutes` (how late it started, null:
   * on time) is written in the same step: only a send that goes out (or whose outcome is unknown) says it was late.
   */
  adopt(id: string, send: BeginSend, lateMinutes?: number | null): Promise<BeginResult>;
  /** Completes a pending record once; a record already completed is left as it is. */
  complete(id: string, outcome: SendOutcome, late?: LateEventFacts): Promise<void>;
  get(id: string): Promise<SendRecord | undefined>;
  /** Deletes records created before `cutoffMs`; returns how many this call deleted. */
  purgeOlderThan(cutoffMs: number): Promise<number>;
}

export interface SendRecordsOptions {
  /** An in-flight row older than this belongs to a server that died mid-send. */
  staleInFlightMs: number;
  now?: () => number;
}

/** Concurrent writers (PostgreSQL) can both miss each other's row and collide on insert; one retry sees it. */
const BEGIN_ATTEMPTS = 3;

export function createSendRecords({ db }: ConsoleDb, options: SendRecordsOptions): SendRecords {
  const now = options.now ?? Date.now;

  const byId = async (id: string) => {
    const row = await db.selectFrom('send_records').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  };

  async function tryBegin(send: BeginSend, print: string): Promise<BeginResult> {
    return db.transaction().execute(async (trx) => {
      if (send.idempotencyKey !== null) {
        const first = await trx
          .selectFrom('send_records')
          .selectAll()
          .where('idempotency_key', '=', send.idempotencyKey)
          .executeTakeFirst();
        if (first) return { kind: 'duplicate-key', record: toRecord(first) };
      }
      const at = now();
      const inflight = await inFlightOther(trx, print, at);
      if (inflight) return { kind: 'in-flight', record: toRecord(inflight) };
      const row = newRow(send, print, at);
      await trx.insertInto('send_records').values(row).execute();
      await trx
        .insertInto('inflight_sends')
        .values({ fingerprint: print, record_id: row.id, started_at: at })
        .execute();
      return { kind: 'started', record: toRecord(row) };
    });
  }

  /**
   * A live in-flight row of another record with this fingerprint. A dead server's row (or one whose record was
   * purged) no longer blocks, and goes; its record stays pending. Only a stale row goes: on PostgreSQL the delete
   * may see a row committed since the select.
   */
  async function inFlightOther(trx: typeof db, print: string, at: number, ownId?: string) {
    const inflight = await trx
      .selectFrom('inflight_sends')
      .innerJoin('send_records', 'send_records.id', 'inflight_sends.record_id')
      .selectAll('send_records')
      .select('inflight_sends.started_at')
      .where('inflight_sends.fingerprint', '=', print)
      .executeTakeFirst();
    if (inflight && inflight.id !== ownId && inflight.started_at > at - options.staleInFlightMs)
      return inflight;
    await trx
      .deleteFrom('inflight_sends')
      .where('fingerprint', '=', print)
      .where('started_at', '<=', at - options.staleInFlightMs)
      .execute();
    return undefined;
  }

  async function tryAdopt(
    id: string,
    send: BeginSend,
    print: string,
    lateMinutes: number | null,
  ): Promise<BeginResult> {
    return db.transaction().execute(async (trx) => {
      const at = now();
      const inflight = await inFlightOther(trx, print, at, id);
      if (inflight) return { kind: 'in-flight', record: toRecord(inflight) };
      const fresh = newRow(send, print, at);
      const updated = await trx
        .updateTable('send_records')
        .set((eb) => ({
          scope: fresh.scope,
          traveler_count: fresh.traveler_count,
          traveler_ids: fresh.traveler_ids,
          request_fingerprint: print,
          late_minutes: lateMinutes,
          idempotency_key: eb.fn.coalesce('idempotency_key', eb.val(send.idempotencyKey)),
          ...(send.eventName != null && { event_name: eb.fn.coalesce('event_name', eb.val(send.eventName)) }),
        }))
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('due_at', 'is not', null)
        .where('completed_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (updated === undefined) throw new Error('not a claimed scheduled send');
      await trx
        .insertInto('inflight_sends')
        .values({ fingerprint: print, record_id: id, started_at: at })
        .execute();
      return { kind: 'started', record: toRecord(updated) };
    });
  }

  return {
    async adopt(id, send, lateMinutes = null) {
      const print = fingerprint(send.request);
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await tryAdopt(id, send, print, lateMinutes);
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= BEGIN_ATTEMPTS) throw error;
        }
      }
    },

    async begin(send) {
      const print = fingerprint(send.request);
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await tryBegin(send, print);
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= BEGIN_ATTEMPTS) throw error;
        }
      }
    },

    async complete(id, outcome, late = {}) {
      const { body, ...rest } = outcome;
      const stored = outcome.status === 'failed' ? { failure: outcome.failure, body } : { body };
      const { eventName, eventTravelerCount } = late;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('send_records')
          .set((eb) => ({
            status: rest.status,
            http_status: rest.httpStatus,
            outcome_json: JSON.stringify(stored),
            ...errorSummaryOf(rest.status, body),
            completed_at: now(),
            // What the record already says wins: these only fill a null.
            ...(eventName != null && { event_name: eb.fn.coalesce('event_name', eb.val(eventName)) }),
            ...(eventTravelerCount != null && {
              traveler_count: eb.fn.coalesce('traveler_count', eb.val(eventTravelerCount)),
            }),
          }))
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .execute();
        await trx.deleteFrom('inflight_sends').where('record_id', '=', id).execute();
      });
    },

    get: byId,

    async purgeOlderThan(cutoffMs) {
      // A plain DELETE: two purges at once each delete a row at most once between them. A send still scheduled is
      // never purged, however long ago it was planned.
      const result = await db
        .deleteFrom('send_records')
        .where('created_at', '<', cutoffMs)
        .where('status', '<>', 'scheduled')
        .executeTakeFirst();
      await db.deleteFrom('inflight_sends').where('started_at', '<', cutoffMs).execute();
      return Number(result.numDeletedRows);
    },
  };
}

/** The scheduling columns of a send made at once (Send later fills them: scheduled-sends.ts). */
export const NOT_SCHEDULED = {
  due_at: null,
  scheduled_at: null,
  late_minutes: null,
  cancelled_by_subject: null,
  cancelled_by_name: null,
  cancelled_by_email: null,
  cancelled_at: null,
} as const;

export function newRow(send: BeginSend, print: string, at: number): Selectable<SendRecordsTable> {
  const { request, person } = send;
  return {
    id: randomUUID(),
    created_at: at,
    instance: send.instance,
    subject: person.subject,
    person_name: person.name,
    person_email: person.email,
    role: person.role,
    event_id: request.eventId,
    event_name: send.eventName ?? null,
    action: request.action,
    event_type: request.eventType,
    scope: request.userIds === undefined ? 'all' : 'list',
    traveler_count: travelerCount(send),
    traveler_ids: JSON.stringify(request.userIds ?? []),
    idempotency_key: send.idempotencyKey,
    request_fingerprint: print,
    status: 'pending',
    http_status: null,
    outcome_json: null,
    error_count: 0,
    first_error_message: null,
    completed_at: null,
    ...NOT_SCHEDULED,
  };
}

/** The distinct travelers of a list; the event's count for an invite to all; none for a test invite. */
function travelerCount({ request, eventTravelerCount }: BeginSend): number | null {
  if (request.userIds !== undefined) return new Set(request.userIds).size;
  return request.action === 'send' ? (eventTravelerCount ?? null) : null;
}

export function toRecord(row: Selectable<SendRecordsTable>): SendRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    instance: row.instance,
    person: { subject: row.subject, name: row.person_name, email: row.person_email },
    role: row.role,
    eventId: row.event_id,
    eventName: row.event_name,
    action: row.action,
    eventType: row.event_type,
    scope: row.scope,
    travelerCount: row.traveler_count,
    travelerIds: JSON.parse(row.traveler_ids) as string[],
    idempotencyKey: row.idempotency_key,
    requestFingerprint: row.request_fingerprint,
    status: row.status,
    httpStatus: row.http_status,
    outcome: row.outcome_json === null ? null : (JSON.parse(row.outcome_json) as unknown),
    completedAt: row.completed_at,
    dueAt: row.due_at,
    scheduledAt: row.scheduled_at,
    lateMinutes: row.late_minutes,
  };
}
