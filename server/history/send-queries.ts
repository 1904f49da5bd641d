/**
 * The send history's read side (send-records.ts writes): a page of sends and its total, the CSV export's keyset
 * batches, the Activity facets, and an event's invites of the last 24 hours. Every list is newest first,
 * (created_at, id) descending, so paging and batches are stable under sends made at the same millisecond.
 */
import type { Expression, ExpressionBuilder, Selectable, SqlBool } from 'kysely';
import type { ConsoleDb } from '../console-db/open-console-database.ts';
import type { ConsoleDatabase, SendRecordsTable } from '../console-db/schema.ts';
import type { SendStatus } from '#contract/send-history';

export interface SendFilters {
  eventId?: string;
  subject?: string;
  /** Any of these (the Activity's `unknown` outcome is pending or failed). */
  statuses?: readonly SendStatus[];
  /** None of these (an event's History lists its `scheduled` sends apart, above the others). */
  excludeStatuses?: readonly SendStatus[];
  /** Epoch ms, inclusive. */
  fromMs?: number;
  /** Epoch ms, exclusive. */
  toMs?: number;
}

export type SendRow = Selectable<SendRecordsTable>;
/** What a list shows: neither the recipients (up to 20,000 ids) nor the answer (up to megabytes). */
export type SendSummaryRow = Pick<SendRow, (typeof SUMMARY_COLUMNS)[number]>;
/** What the export writes: every entry of the answer, and the recipients when the reader may see them. */
export type SendExportRow = SendSummaryRow & Pick<SendRow, 'outcome_json'> & { traveler_ids?: string };

export interface SendPageRows {
  rows: SendSummaryRow[];
  total: number;
  /** Whether rows follow this page. */
  more: boolean;
}

/** A place in the newest-first order: the rows after it are older (or as old, with a smaller id). */
export interface SendCursor {
  createdAt: number;
  id: string;
}

export interface PageRequest {
  limit: number;
  /** Rows to skip (numbered pages); with `before`, counted from there. */
  offset?: number;
  before?: SendCursor;
}

export interface BatchOptions {
  batchSize: number;
  /** Read `traveler_ids` too (only for a reader allowed to see them). */
  withTravelerIds: boolean;
}

export interface Facets {
  events: { id: string; name: string | null }[];
  people: { subject: string; name: string; email: string }[];
}

export type RecentInviteRow = Pick<
  SendRow,
  | 'id'
  | 'created_at'
  | 'person_name'
  | 'action'
  | 'scope'
  | 'status'
  | 'traveler_ids'
  | 'traveler_count'
  | 'due_at'
>;

export interface SendQueries {
  page(filters: SendFilters, request: PageRequest): Promise<SendPageRows>;
  get(id: string): Promise<SendRow | undefined>;
  /** The matching sends in batches of `batchSize`, each read when the previous one has been consumed. */
  batches(filters: SendFilters, options: BatchOptions): AsyncGenerator<SendExportRow[]>;
  /** The events and people of the sends `subject` made (everyone's when undefined). */
  facets(subject?: string): Promise<Facets>;
  /**
   * The event's invite/send records since `sinceMs` that may have sent something (not refused, not tests), newest
   * first: the latest `MAX_RECENT_INVITE_ROWS` of them at most.
   */
  recentInvites(eventId: string, sinceMs: number): Promise<RecentInviteRow[]>;
  /**
   * The event's invite/sends and reminders still `scheduled` (Send later), whatever their due time, soonest due
   * first: the recent-invites check names them too. At most `MAX_SCHEDULED_ROWS`.
   */
  scheduledInvites(eventId: string): Promise<RecentInviteRow[]>;
  /** The event's `scheduled` sends (any action), soonest due first, at most `MAX_SCHEDULED_ROWS`. */
  scheduled(eventId: string): Promise<SendSummaryRow[]>;
}

/** The most scheduled sends of one event a list reads: far more than an event's managers plan ahead. */
export const MAX_SCHEDULED_ROWS = 100;

const SUMMARY_COLUMNS = [
  'id',
  'created_at',
  'instance',
  'subject',
  'person_name',
  'person_email',
  'role',
  'event_id',
  'event_name',
  'action',
  'event_type',
  'scope',
  'traveler_count',
  'idempotency_key',
  'request_fingerprint',
  'status',
  'http_status',
  'error_count',
  'first_error_message',
  'completed_at',
  'due_at',
  'late_minutes',
] as const;

/**
 * The most sends one recent-invites check reads: each holds up to 20,000 traveler ids (~780 KB), and the window is
 * a day, so an event sent to over and over (a script, a loop) must not make one check read them all. A thousand
 * sends to one event in a day is far beyond what managers do; past it, the oldest sends of the day go uncounted.
 */
export const MAX_RECENT_INVITE_ROWS = 1_000;

/** Statuses after which invites may have gone out: accepted, or no clear answer. */
const MAY_HAVE_SENT: SendStatus[] = ['accepted', 'pending', 'failed'];

type Records = ExpressionBuilder<ConsoleDatabase, 'send_records'>;
/** `send_records as s`, the outer row of the facet queries. */
type Outer = ExpressionBuilder<ConsoleDatabase & { s: SendRecordsTable }, 's'>;

function matching(filters: SendFilters) {
  return (eb: Records) => {
    const conditions: Expression<SqlBool>[] = [];
    if (filters.eventId !== undefined) conditions.push(eb('event_id', '=', filters.eventId));
    if (filters.subject !== undefined) conditions.push(eb('subject', '=', filters.subject));
    if (filters.statuses !== undefined && filters.statuses.length > 0) {
      conditions.push(eb('status', 'in', filters.statuses));
    }
    if (filters.excludeStatuses !== undefined && filters.excludeStatuses.length > 0) {
      conditions.push(eb('status', 'not in', filters.excludeStatuses));
    }
    if (filters.fromMs !== undefined) conditions.push(eb('created_at', '>=', filters.fromMs));
    if (filters.toMs !== undefined) conditions.push(eb('created_at', '<', filters.toMs));
    return eb.and(conditions);
  };
}

/** After `cursor` in the newest-first order, by (created_at, id): the index's own order. */
function olderThan(cursor: SendCursor) {
  return (eb: Records) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(cursor.createdAt, cursor.id));
}

export function createSendQueries({ db }: ConsoleDb): SendQueries {
  const newestFirst = () => db.selectFrom('send_records').orderBy('created_at', 'desc').orderBy('id', 'desc');

  return {
    async page(filters, { limit, offset = 0, before }) {
      // The page's ids first, from an index alone; only those rows are read whole, however deep the page. One row
      // past the page says whether another follows.
      const pageIds = newestFirst()
        .select('id')
        .where(matching(filters))
        .$if(before !== undefined, (qb) => qb.where(olderThan(before!)))
        .limit(limit + 1)
        .offset(offset);
      const [found, counted] = await Promise.all([
        newestFirst().select(SUMMARY_COLUMNS).where('id', 'in', pageIds).execute(),
        db
          .selectFrom('send_records')
          .where(matching(filters))
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows: found.slice(0, limit), total: Number(counted.count), more: found.length > limit };
    },

    get: (id) => db.selectFrom('send_records').selectAll().where('id', '=', id).executeTakeFirst(),

    async *batches(filters, { batchSize, withTravelerIds }) {
      const exported = [...SUMMARY_COLUMNS, 'outcome_json' as const];
      const columns = withTravelerIds ? [...exported, 'traveler_ids' as const] : exported;
      let after: { created_at: number; id: string } | undefined;
      for (;;) {
        const last = after;
        const batch: SendExportRow[] = await newestFirst()
          .select(columns)
          .where(matching(filters))
          .$if(last !== undefined, (qb) => qb.where(olderThan({ createdAt: last!.created_at, id: last!.id })))
          .limit(batchSize)
          .execute();
        if (batch.length > 0) yield batch;
        if (batch.length < batchSize) return;
        after = batch[batch.length - 1];
      }
    },

    async facets(subject) {
      const own = (eb: Outer) => (subject === undefined ? eb.and([]) : eb('s.subject', '=', subject));
      const [events, people] = await Promise.all([
        db
          .selectFrom('send_records as s')
          .where(own)
          .groupBy('s.event_id')
          .select('s.event_id as id')
          // The latest name the event was recorded under; a send whose name was unknown does not hide it.
          .select((eb) =>
            eb
              .selectFrom('send_records as n')
              .select('n.event_name')
              .whereRef('n.event_id', '=', 's.event_id')
              .where('n.event_name', 'is not', null)
              .orderBy('n.created_at', 'desc')
              .limit(1)
              .as('name'),
          )
          .execute(),
        db
          .selectFrom('send_records as s')
          .where(own)
          .groupBy('s.subject')
          .select('s.subject')
          .select((eb) => latestOfPerson(eb, 'person_name').as('name'))
          .select((eb) => latestOfPerson(eb, 'person_email').as('email'))
          .execute(),
      ]);
      return {
        events: events.map((e) => ({ id: e.id, name: e.name ?? null })),
        people: people.map((p) => ({ subject: p.subject, name: p.name ?? '', email: p.email ?? '' })),
      };
    },

    recentInvites: (eventId, sinceMs) =>
      newestFirst()
        .select(RECENT_COLUMNS)
        .where('event_id', '=', eventId)
        .where('created_at', '>=', sinceMs)
        // A reminder is an invite/send to the travelers still invited; a test invite goes to no traveler.
        .where('action', 'in', ['send', 'remind'])
        .where('status', 'in', MAY_HAVE_SENT)
        .limit(MAX_RECENT_INVITE_ROWS)
        .execute(),

    scheduledInvites: (eventId) =>
      db
        .selectFrom('send_records')
        .select(RECENT_COLUMNS)
        .where('event_id', '=', eventId)
        .where('status', '=', 'scheduled')
        .where('action', 'in', ['send', 'remind'])
        .orderBy('due_at', 'asc')
        .orderBy('id', 'asc')
        .limit(MAX_SCHEDULED_ROWS)
        .execute(),

    scheduled: (eventId) =>
      db
        .selectFrom('send_records')
        .select(SUMMARY_COLUMNS)
        .where('event_id', '=', eventId)
        .where('status', '=', 'scheduled')
        .orderBy('due_at', 'asc')
        .orderBy('id', 'asc')
        .limit(MAX_SCHEDULED_ROWS)
        .execute(),
  };
}

const RECENT_COLUMNS = [
  'id',
  'created_at',
  'person_name',
  'action',
  'scope',
  'status',
  'traveler_ids',
  'traveler_count',
  'due_at',
] as const;

/** A person's name or email as their latest send recorded it (people change names; the latest one counts). */
function latestOfPerson(eb: Outer, column: 'person_name' | 'person_email') {
  return eb
    .selectFrom('send_records as p')
    .select(`p.${column}`)
    .whereRef('p.subject', '=', 's.subject')
    .orderBy('p.created_at', 'desc')
    .limit(1);
}
