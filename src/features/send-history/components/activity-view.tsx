import { useQuery } from '@tanstack/react-query';
import Stack from '@mui/material/Stack';
import type { Role } from '#contract/console-auth';
import { RetryAlert } from '@/components/retry-alert';
import { getActivityFacetsQueryOptions } from '../api/get-activity-facets';
import { activityFilters, seesEveryone } from '../utils/activity-filters';
import {
  NO_ACTIVITY_FILTERS,
  hasActivityFilters,
  withFilters,
  type ActivitySearch,
} from '../utils/activity-search';
import { ActivityFilterBar } from './activity-filter-bar';
import { ActivityResults } from './activity-results';

export interface ActivityViewProps {
  /** Read from the URL by the page; every change goes back there through `onSearchChange`. */
  search: ActivitySearch;
  role: Role;
  onSearchChange: (search: ActivitySearch) => void;
}

/** The Activity page's content: the filters over the sends they select. */
export function ActivityView({ search, role, onSearchChange }: ActivityViewProps) {
  const facets = useQuery(getActivityFacetsQueryOptions());
  const withPerson = seesEveryone(role);
  const clear = hasActivityFilters(search, { withPerson })
    ? () => onSearchChange(NO_ACTIVITY_FILTERS)
    : undefined;

  return (
    <Stack spacing={2}>
      <ActivityFilterBar
        search={search}
        facets={facets.data}
        withPerson={withPerson}
        onChange={(change) => onSearchChange(withFilters(search, change))}
        onClear={clear}
      />
      {facets.isError && (
        // The list still works without them: only the event and person choices are missing.
        <RetryAlert
          severity="warning"
          error={facets.error}
          onRetry={() => void facets.refetch()}
          retrying={facets.isFetching}
        >
          Could not load the events and people to filter by.
        </RetryAlert>
      )}
      <ActivityResults
        filters={activityFilters(search, role)}
        page={search.page}
        onPageChange={(page) => onSearchChange({ ...search, page })}
        onClearFilters={clear}
      />
    </Stack>
  );
}
