/**
 * Every traveler matching the filters, as ids and states: every travelers-list page, a few at a time. For
 * "Select all N matching" and "Paste a list", which need no names. Run on a click, so a plain function, not cached.
 */
import type { TravelerFilters } from '../api/traveler-keys';
import { TRAVELERS_PAGE_SIZE, listTravelerRefs, type TravelerRef } from './list-traveler-refs';

/** How many travelers-list pages (or users lookups) "Select all" and "Paste a list" ask for at once. */
export const ID_FETCH_CONCURRENCY = 6;

interface AllTravelerRefsOptions {
  eventId: string;
  filters: TravelerFilters;
  /** The total the manager saw; the pages' own totals win if the list has grown since. */
  expectedTotal?: number;
  signal?: AbortSignal;
  /** After each page: how many travelers have arrived, of how many. */
  onProgress?: (loaded: number, total: number) => void;
}

/**
 * Each traveler appears once, in the list's order, even if the list shifted between pages. Rejects with the
 * first failure (no further page starts; callers abort `signal` to stop those in flight), or with the signal's
 * reason when it aborts.
 */
export async function listAllTravelerRefs({
  eventId,
  filters,
  expectedTotal,
  signal,
  onProgress,
}: AllTravelerRefsOptions): Promise<TravelerRef[]> {
  const pages = new Map<number, TravelerRef[]>();
  let loaded = 0;
  let total = expectedTotal ?? -1;
  const fetchPage = async (offset: number) => {
    const page = await listTravelerRefs({ eventId, filters, offset }, signal);
    pages.set(offset, page.travelers);
    loaded += page.travelers.length;
    total = Math.max(total, page.total);
    onProgress?.(Math.min(loaded, total), total);
  };
  // p-map loads on the click, not with the page; a failed download rejects like a failed page.
  const { default: pMap } = await import('p-map');
  if (total < 0) await fetchPage(0);

  // Until every page up to the (possibly grown) total is in.
  for (;;) {
    const missing: number[] = [];
    for (let offset = 0; offset < total; offset += TRAVELERS_PAGE_SIZE) {
      if (!pages.has(offset)) missing.push(offset);
    }
    if (missing.length === 0) break;
    await pMap(missing, fetchPage, { concurrency: ID_FETCH_CONCURRENCY, signal });
  }

  const seen = new Set<string>();
  const all: TravelerRef[] = [];
  for (const offset of [...pages.keys()].sort((a, b) => a - b)) {
    for (const traveler of pages.get(offset)!) {
      if (seen.has(traveler.userId)) continue;
      seen.add(traveler.userId);
      all.push(traveler);
    }
  }
  return all;
}
