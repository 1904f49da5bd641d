import { queryOptions } from '@tanstack/react-query';
import { ActivityFacets } from '#contract/send-history';
import { apiRequest } from '@/lib/api-client';
import { sendRecordKeys } from './send-record-keys';

/** `GET /api/history/facets`: the events and people the reader's Activity can be filtered by. */
function getActivityFacets(signal?: AbortSignal): Promise<ActivityFacets> {
  return apiRequest('/history/facets', { method: 'GET', schema: ActivityFacets, signal });
}

export function getActivityFacetsQueryOptions() {
  return queryOptions({
    queryKey: sendRecordKeys.activityFacets(),
    queryFn: ({ signal }) => getActivityFacets(signal),
  });
}
