import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { ACTIVITY_PAGE_LIMIT_MAX, SendPage, type ActivityFilters } from '#contract/send-history';
import { apiRequest } from '@/lib/api-client';
import { activityQueryString, type ActivityPageRange } from '../utils/activity-filters';
import { sendRecordKeys } from './send-record-keys';

/** Sends per page: a screenful to scan, well under the server's maximum. */
export const ACTIVITY_PAGE_SIZE = Math.min(50, ACTIVITY_PAGE_LIMIT_MAX);

/**
 * `GET /api/history/sends`: one page of the sends that match, newest first. A sender gets only their own sends,
 * an admin or viewer everyone's; the server decides, from the session.
 */
function listActivity(
  filters: ActivityFilters,
  range: ActivityPageRange,
  signal?: AbortSignal,
): Promise<SendPage> {
  return apiRequest(`/history/sends?${activityQueryString(filters, range)}`, {
    method: 'GET',
    schema: SendPage,
    signal,
  });
}

/** The sends of a zero-based page of `ACTIVITY_PAGE_SIZE`. */
export function listActivityQueryOptions(filters: ActivityFilters, page: number) {
  const range = { offset: page * ACTIVITY_PAGE_SIZE, limit: ACTIVITY_PAGE_SIZE };
  return queryOptions({
    queryKey: sendRecordKeys.activitySends(filters, range),
    queryFn: ({ signal }) => listActivity(filters, range, signal),
    // The previous page (or filters) stays on screen, marked busy, until the next answer: no skeleton flash.
    placeholderData: keepPreviousData,
  });
}
