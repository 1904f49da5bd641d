/**
 * React Query keys for the Activity page, from general to specific:
 *
 *   ['activity']                                        activityKeys.all
 *   ['activity', 'sends', {filters, offset, limit}]     activityKeys.sends(filters, range)  (GET /api/history/sends)
 *   ['activity', 'facets']                              activityKeys.facets()               (GET /api/history/facets)
 *
 * Sends are made on the event pages (another feature, which cannot import these keys), so the queries are never
 * fresh for long: every visit to the page asks again (the answer its loader just started counts), the last answer on
 * screen meanwhile.
 */
import type { ActivityFilters } from '#contract/send-history';
import type { ActivityPageRange } from '../utils/activity-filters';

export const activityKeys = {
  all: ['activity'] as const,
  sends: (filters: ActivityFilters, range: ActivityPageRange) =>
    [...activityKeys.all, 'sends', { ...filters, offset: range.offset, limit: range.limit }] as const,
  facets: () => [...activityKeys.all, 'facets'] as const,
};

/** Long enough for the loader's answer to serve the page it opens, short enough for a return visit to ask again. */
export const ACTIVITY_STALE_MS = 5_000;
