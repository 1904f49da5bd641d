/**
 * The Activity page's filters and page as they appear in the URL
 * (`/activity?event=evt-1&person=sub-1&outcome=refused&from=2026-03-01&to=2026-03-31&page=2`), so a reload, a
 * shared link and the back button land on the same list. A value that cannot be read is ignored, never an error.
 */
import { ActivityOutcome } from '#contract/send-history';
import { parseLocalDate } from './local-dates';

export interface ActivitySearch {
  eventId?: string;
  /** A person's subject. */
  subject?: string;
  outcome?: ActivityOutcome;
  /** Local calendar days, `YYYY-MM-DD`, both inclusive. */
  fromDate?: string;
  toDate?: string;
  /** Zero-based; the URL counts from 1, as people do. */
  page: number;
}

export type ActivityFilterValues = Omit<ActivitySearch, 'page'>;

export const NO_ACTIVITY_FILTERS: ActivitySearch = { page: 0 };

/** Long enough for any id the server makes; a longer value is not one of them. */
const MAX_ID_LENGTH = 200;

function parseId(value: string | null): string | undefined {
  const id = value?.trim();
  return id && id.length <= MAX_ID_LENGTH ? id : undefined;
}

function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isSafeInteger(page) && page >= 1 ? page - 1 : 0;
}

export function parseActivitySearch(params: URLSearchParams): ActivitySearch {
  const outcome = ActivityOutcome.safeParse(params.get('outcome'));
  return withoutUndefined({
    eventId: parseId(params.get('event')),
    subject: parseId(params.get('person')),
    outcome: outcome.success ? outcome.data : undefined,
    fromDate: parseLocalDate(params.get('from')),
    toDate: parseLocalDate(params.get('to')),
    page: parsePage(params.get('page')),
  });
}

/** The search params for a search: what is not set is left out, so the plain `/activity` is every send. */
export function activitySearchParams(search: ActivitySearch): Record<string, string> {
  const params: Record<string, string> = {};
  if (search.eventId) params.event = search.eventId;
  if (search.subject) params.person = search.subject;
  if (search.outcome) params.outcome = search.outcome;
  if (search.fromDate) params.from = search.fromDate;
  if (search.toDate) params.to = search.toDate;
  if (search.page > 0) params.page = String(search.page + 1);
  return params;
}

/** A filter changed: the list starts again at its first page (page 3 of other results means nothing). */
export function withFilters(search: ActivitySearch, change: ActivityFilterValues): ActivitySearch {
  return withoutUndefined({ ...search, ...change, page: 0 });
}

export function hasActivityFilters(search: ActivitySearch, { withPerson }: { withPerson: boolean }): boolean {
  const { eventId, subject, outcome, fromDate, toDate } = search;
  return Boolean(eventId || outcome || fromDate || toDate || (withPerson && subject));
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
