/**
 * From what the URL says to what the server is asked: `/api/history/sends` and `/api/history/sends.csv` take the
 * same filters, so the table and the export always show the same sends.
 */
import type { Role } from '#contract/console-auth';
import type { ActivityFilters } from '#contract/send-history';
import type { ActivitySearch } from './activity-search';
import { localMidnight } from './local-dates';

/** Admins and viewers read everyone's sends; a sender reads only their own (the server enforces it). */
export function seesEveryone(role: Role | undefined): boolean {
  return role === 'admin' || role === 'viewer';
}

/**
 * The server's filters for a search. A person filter counts only for those who see everyone: a sender naming
 * anyone would get 403, and naming themselves changes nothing. The `to` day is inclusive for the person, so the
 * server (`to` exclusive) gets the next day's midnight.
 */
export function activityFilters(search: ActivitySearch, role: Role | undefined): ActivityFilters {
  const filters: ActivityFilters = {};
  if (search.eventId) filters.eventId = search.eventId;
  if (search.subject && seesEveryone(role)) filters.subject = search.subject;
  if (search.outcome) filters.outcome = search.outcome;
  if (search.fromDate) filters.from = localMidnight(search.fromDate);
  if (search.toDate) filters.to = localMidnight(search.toDate, 1);
  return filters;
}

export interface ActivityPageRange {
  offset: number;
  limit: number;
}

/** `eventId=…&outcome=…&offset=0&limit=50`, in a fixed order; filters not set are left out. */
export function activityQueryString(filters: ActivityFilters, range?: ActivityPageRange): string {
  const params = new URLSearchParams();
  const keys = ['eventId', 'subject', 'outcome', 'from', 'to'] as const;
  for (const key of keys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (range) {
    params.set('offset', String(range.offset));
    params.set('limit', String(range.limit));
  }
  return params.toString();
}
