import { queryOptions } from '@tanstack/react-query';
import { ActivityFacets } from '#contract/send-history';
import { apiRequest } from '@/lib/api-client';
import { activityKeys } from './activity-keys';

/** `GET /api/history/facets`: the events and people the reader's Activity can be filtered by. */
function getActivityFacets(signal?: AbortSignal): Promise<ActivityFacets> {
  return apiRequest('/history/facets', { method: 'GET', schema: ActivityFacets, signal });
}

export function getActivityFacetsQueryOptions() {
  return queryOptions({
    queryKey: activityKeys.facets(),
    queryFn: ({ signal }) => getActivityFacets(signal),
  });
}
