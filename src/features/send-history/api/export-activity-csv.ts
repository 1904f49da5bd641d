import type { ActivityFilters } from '#contract/send-history';
import { activityQueryString } from '../utils/activity-filters';

/**
 * `GET /api/history/sends.csv`: every send that matches, as a CSV file the server streams. A plain link, not a
 * fetch: the browser downloads it as it arrives, however many sends there are, and nothing is held in memory.
 */
export function activityCsvHref(filters: ActivityFilters): string {
  const query = activityQueryString(filters);
  return query ? `/api/history/sends.csv?${query}` : '/api/history/sends.csv';
}
