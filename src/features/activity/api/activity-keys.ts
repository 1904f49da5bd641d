/**
 * React Query keys for the Activity page, from general to specific:
 *
 *   ['activity']                                        activityKeys.all
 *   ['activity', 'sends', {filters, offset, limit}]     activityKeys.sends(filters, range)  (GET /api/history/sends)
 *   ['activity', 'facets']                              activityKeys.facets()               (GET /api/history/facets)
 *
 * One root, so a new send can refresh everything the page shows with one invalidation.
 */
import type { ActivityFilters } from '#contract/send-history';
import type { ActivityPageRange } from '../utils/activity-filters';

export const activityKeys = {
  all: ['activity'] as const,
  sends: (filters: ActivityFilters, range: ActivityPageRange) =>
    [...activityKeys.all, 'sends', { ...filters, offset: range.offset, limit: range.limit }] as const,
  facets: () => [...activityKeys.all, 'facets'] as const,
};
