import { useEffect, useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { TravelerFilters } from '../api/traveler-keys';
import { travelersInfiniteQueryOptions } from '../api/list-travelers';

/** Ask for the next page while this many loaded rows are still below the viewport. */
const PREFETCH_ROWS = 40;

/**
 * The picker's travelers for one search and RSVP filter: the pages loaded so far as one list of rows, the
 * number matching in the whole event, and whether a loader row belongs at the end (more to load, or a failed
 * next page to retry).
 */
export function useTravelerPages(eventId: string, companyId: string | undefined, filters: TravelerFilters) {
  const query = useInfiniteQuery({
    ...travelersInfiniteQueryOptions(eventId, companyId, filters),
    // Keep showing the previous results while a new search loads, instead of flashing an empty list.
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.travelers) ?? [], [query.data]);
  return {
    query,
    rows,
    total: query.data?.pages[0]?.total,
    hasLoaderRow: query.hasNextPage || query.isFetchNextPageError,
  };
}

export type TravelerPages = ReturnType<typeof useTravelerPages>;

/**
 * Asks for the next page once the rendered rows come within `PREFETCH_ROWS` of the last loaded one, so scrolling
 * rarely reaches the loader row. Not while a new search's results are pending, nor after a failed page (its
 * loader row offers the retry).
 */
export function usePrefetchNextPage({ query, rows }: TravelerPages, lastRenderedIndex: number) {
  const { hasNextPage, isFetchingNextPage, isPlaceholderData, isFetchNextPageError, fetchNextPage } = query;
  useEffect(() => {
    if (!hasNextPage || isFetchingNextPage || isPlaceholderData || isFetchNextPageError) return;
    if (lastRenderedIndex >= rows.length - PREFETCH_ROWS) void fetchNextPage();
  }, [
    hasNextPage,
    isFetchingNextPage,
    isPlaceholderData,
    isFetchNextPageError,
    lastRenderedIndex,
    rows.length,
    fetchNextPage,
  ]);
}
