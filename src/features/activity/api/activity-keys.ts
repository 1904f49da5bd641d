/**
 * React Query keys for the Activity page, from general to specific:
 *
 *   ['send-records', 'activity']                                  activityKeys.all
 *   ['send-records', 'activity', 'sends', {filters, offset, limit}]  (GET /api/history/sends)
 *   ['send-records', 'activity', 'facets']                        (GET /api/history/facets)
 *
 * Under the shared root `sharedKeys.sendRecords`, which a send or a test invite invalidates from the event page.
 */
import type { ActivityFilters } from '#contract/send-history';
import { sharedKeys } from '@/lib/query-keys';
import type { ActivityPageRange } from '../utils/activity-filters';

export const activityKeys = {
  all: [...sharedKeys.sendRecords, 'activity'] as const,
  sends: (filters: ActivityFilters, range: ActivityPageRange) =>
    [...activityKeys.all, 'sends', { ...filters, offset: range.offset, limit: range.limit }] as const,
  facets: () => [...activityKeys.all, 'facets'] as const,
};
