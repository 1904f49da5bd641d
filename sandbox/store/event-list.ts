/**
 * The SQL of `POST /v2/events/list`: which events a tab shows, its filters and its sort options. Every statement
 * is put together from the fixed fragments below; what the caller sent is only ever a bound parameter.
 */
import type { EventSortField, EventType, ListEventType, SortOrder } from '#contract';
import type { Statement } from 'better-sqlite3';
import type { SandboxDatabase } from './database.ts';
import type { EventRow } from './event-store.ts';
import { fold } from '../text.ts';

/** TRAVELER_NAME sorts a traveler's own events (`listByTravelerEvents`), which the sandbox does not list. */
export type EventSortKey = Exclude<EventSortField, 'TRAVELER_NAME'>;

export interface EventListQuery {
  kind: ListEventType;
  company: string;
  now: number;
  /** Trimmed, non-empty; the name must contain every one. */
  names: readonly string[];
  /** The lists of the type filters that name types; the type must be in every one. */
  typeLists: readonly (readonly EventType[])[];
  /** The parent must be every one of these (so two different ids match nothing). */
  parentIds: readonly string[];
  /** Empty: the tab's own order. */
  sort: readonly { field: EventSortKey; order: SortOrder }[];
  offset: number;
  limit: number;
}

// REMOVED travelers are no longer travelers of the event, so they do not count.
export const SELECT_EVENT = `
  SELECT e.*, (SELECT coalesce(sum(travelers), 0) FROM event_rsvp_counts n WHERE n.event_id = e.id AND n.rsvp_state <> 'REMOVED') AS num_travelers
    FROM events e`;

/** Which events each `listEventType` shows, and their order when the request names none. */
const TABS: Record<ListEventType, { where: string; order: string }> = {
  UPCOMING: { where: `e.status IN ('PUBLISH', 'DRAFT') AND e.end_at > @now`, order: 'e.start_at, e.id' },
  PAST_OR_COMPLETED: {
    where: `e.status IN ('PUBLISH', 'DRAFT') AND e.end_at <= @now`,
    order: 'e.start_at DESC, e.id',
  },
  CANCELLED_EVENT: { where: `e.status = 'CANCELLED'`, order: 'e.start_at, e.id' },
};

// Names are compared folded (sandbox_fold, registered below): SQLite's lower() and NOCASE know ASCII only. instr
// finds a name literally (no LIKE wildcards to escape), and has no limit on the length of what it looks for.
const NAME_CONTAINS_ALL =
  'NOT EXISTS (SELECT 1 FROM json_each(@names) WHERE instr(sandbox_fold(e.name), value) = 0)';
const TYPE_IN = 'e.type IN (SELECT value FROM json_each(@types))';
const PARENT_IS_ALL = 'NOT EXISTS (SELECT 1 FROM json_each(@parents) WHERE value IS NOT e.parent_event_id)';

/** CREATION_DATE: the sandbox keeps no creation time; the rowid is the order events were inserted in. */
const SORT_COLUMNS: Record<EventSortKey, string> = {
  START_DATE: 'e.start_at',
  END_DATE: 'e.end_at',
  EVENT_NAME: 'sandbox_fold(e.name)',
  CREATION_DATE: 'e.rowid',
};
const DIRECTIONS: Record<SortOrder, string> = { ASC: 'ASC', DESC: 'DESC' };

/** Enough for every shape a console sends; an unusual one past that is prepared again when it comes back. */
const CACHE_SIZE = 64;

type Params = Record<string, string | number>;
type Statements = { page: Statement<Params, EventRow>; count: Statement<Params, number> };

export function createEventLister(db: SandboxDatabase) {
  db.function('sandbox_fold', { deterministic: true }, (text: unknown) => fold(String(text)));
  const cache = new Map<string, Statements>();

  function statements(where: string, order: string): Statements {
    const key = `${where} ORDER BY ${order}`;
    let found = cache.get(key);
    if (found) {
      cache.delete(key); // most recently used last
    } else {
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      found = {
        page: db.prepare<Params, EventRow>(`${SELECT_EVENT} WHERE ${key} LIMIT @limit OFFSET @offset`),
        count: db.prepare<Params, number>(`SELECT count(*) FROM events e WHERE ${where}`).pluck(),
      };
    }
    cache.set(key, found);
    return found;
  }

  return function list(query: EventListQuery): { rows: EventRow[]; total: number } {
    const tab = TABS[query.kind];
    const params: Params = { company: query.company, now: query.now };
    const where = ['e.company_id = @company', tab.where];
    if (query.names.length > 0) {
      where.push(NAME_CONTAINS_ALL);
      params.names = JSON.stringify(query.names.map(fold));
    }
    if (query.typeLists.length > 0) {
      where.push(TYPE_IN);
      const [first, ...rest] = query.typeLists;
      params.types = JSON.stringify(first!.filter((type) => rest.every((list) => list.includes(type))));
    }
    if (query.parentIds.length > 0) {
      where.push(PARENT_IS_ALL);
      params.parents = JSON.stringify(query.parentIds);
    }
    const { page, count } = statements(where.join(' AND '), orderBy(query.sort) ?? tab.order);
    return {
      rows: page.all({ ...params, limit: query.limit, offset: query.offset }),
      total: count.get(params) ?? 0,
    };
  };
}

/** The options in order, each field once (a later one could not change the order), then the id for ties. */
function orderBy(sort: EventListQuery['sort']): string | undefined {
  if (sort.length === 0) return undefined;
  const seen = new Set<EventSortKey>();
  const terms: string[] = [];
  for (const { field, order } of sort) {
    if (seen.has(field)) continue;
    seen.add(field);
    terms.push(`${SORT_COLUMNS[field]} ${DIRECTIONS[order]}`);
  }
  return [...terms, 'e.id'].join(', ');
}
