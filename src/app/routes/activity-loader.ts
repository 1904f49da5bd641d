/**
 * The Activity page's loader, in its own small chunk (see router.tsx): it starts the first page and the filters'
 * choices while the page's code downloads, and keeps the Activity code out of every other page's first load.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import type { Role } from '#contract/console-auth';
import { sessionQueryOptions } from '@/features/auth';
import { getActivityFacetsQueryOptions } from '@/features/send-history';
import { listActivityQueryOptions } from '@/features/send-history';
import { activityFilters } from '@/features/send-history';
import { parseActivitySearch } from '@/features/send-history';

export function createActivityLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const search = parseActivitySearch(new URL(request.url).searchParams);
    const session = queryClient.ensureQueryData(sessionQueryOptions());
    const prefetchFirstPage = (role?: Role) =>
      queryClient.prefetchQuery(listActivityQueryOptions(activityFilters(search, role), search.page));
    // The role matters only to a person filter (a sender's is ignored): only then is it worth waiting for.
    if (search.subject) void session.then((loaded) => prefetchFirstPage(loaded.role)).catch(() => undefined);
    else void prefetchFirstPage();
    void queryClient.prefetchQuery(getActivityFacetsQueryOptions());
    // The page shows the session's own error.
    void session.catch(() => undefined);
    return null;
  };
}
