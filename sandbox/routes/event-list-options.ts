/**
 * The filters and sort options of `POST /v2/events/list`, read into the store's query. The name, type and
 * parent filters are applied; the description's other wrappers (dates, status, ids, …) are accepted and ignored.
 */
import { z } from 'zod';
import {
  EventNameFilter,
  EventParentFilter,
  EventTypeFilter,
  type EventType,
  type ListEventsRequest,
} from '#contract';
import { param, type ErrorEntry } from '../../server/http/errors.ts';
import type { EventListQuery, EventSortKey } from '../store/event-list.ts';
import { issuesToEntries } from './validation.ts';

/** Every name is matched against every row: a request cannot make that unbounded. */
const MAX_FILTERS = 20;
const MAX_NAME_LENGTH = 200;

export type ListOptions = Pick<EventListQuery, 'names' | 'typeLists' | 'parentIds' | 'sort'>;

export function readListOptions(
  body: ListEventsRequest,
): { ok: true; options: ListOptions } | { ok: false; entries: ErrorEntry[] } {
  const issues: z.core.$ZodIssue[] = [];
  // The contract lets any object through as "another wrapper", a known one with a bad value too; checking the
  // known ones again makes a mistyped type a 400 rather than a filter silently ignored.
  const check = <S extends z.core.$ZodType>(schema: S, filter: object, index: number) => {
    const result = z.safeParse(schema, filter);
    if (result.success) return result.data;
    issues.push(
      ...result.error.issues.map((issue) => ({ ...issue, path: ['filters', index, ...issue.path] })),
    );
    return undefined;
  };

  const filters = body.filters ?? [];
  if (filters.length > MAX_FILTERS) {
    return {
      ok: false,
      entries: [
        {
          errorCode: 'TOO_BIG',
          message: `filters: at most ${MAX_FILTERS} filters.`,
          errorParameters: [param('filters', String(filters.length))],
        },
      ],
    };
  }
  const tooLong: ErrorEntry[] = [];
  const options = { names: [] as string[], typeLists: [] as EventType[][], parentIds: [] as string[] };
  for (const [index, filter] of filters.entries()) {
    if ('eventNameFilter' in filter) {
      const name = check(EventNameFilter, filter, index)?.eventNameFilter.trim();
      if (name !== undefined && name.length > MAX_NAME_LENGTH) {
        tooLong.push({
          errorCode: 'TOO_BIG',
          message: `filters[${index}].eventNameFilter: at most ${MAX_NAME_LENGTH} characters.`,
          errorParameters: [param(`filters[${index}].eventNameFilter`, name)],
        });
      } else if (name) options.names.push(name);
    }
    if ('eventTypeFilter' in filter) {
      const types = check(EventTypeFilter, filter, index)?.eventTypeFilter.types;
      if (types?.length) options.typeLists.push(types);
    }
    if ('eventParentFilter' in filter) {
      const parent = check(EventParentFilter, filter, index)?.eventParentFilter.parentEventId;
      if (parent !== undefined) options.parentIds.push(parent);
    }
  }
  if (issues.length > 0 || tooLong.length > 0) {
    return { ok: false, entries: [...issuesToEntries(issues, body), ...tooLong] };
  }

  // TRAVELER_NAME orders a traveler's own events (listByTravelerEvents); a company's list has no one traveler.
  const sort = (body.sortOptions ?? []).flatMap(({ sortField, sortOrder }) =>
    sortField === 'TRAVELER_NAME' ? [] : [{ field: sortField satisfies EventSortKey, order: sortOrder }],
  );
  return { ok: true, options: { ...options, sort } };
}
