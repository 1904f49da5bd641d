export { getActivityFacetsQueryOptions } from './api/get-activity-facets';
export { listActivityQueryOptions } from './api/list-activity';
export { ActivityTableSkeleton } from './components/activity-table';
export { ActivityView } from './components/activity-view';
export { recentInvitesCheck } from './components/recent-invites-check';
export { SendHistorySection } from './components/send-history-section';
export { activityFilters } from './utils/activity-filters';
export { activitySearchParams, parseActivitySearch } from './utils/activity-search';
export type { TravelerNames } from './utils/traveler-names';
