/**
 * Blocks: runs of travelers in an event's list order (see `event_travelers` in database.ts). `event_block_counts`
 * holds how many travelers of each state every block has, so the n-th traveler of a filter is found from those
 * counts, and a deep page reads from its block on rather than stepping over every traveler before it (an
 * OFFSET of 9,900 costs as much as reading 9,900 rows).
 *
 * The size trades the two reads of a page: the counts of 10,000 travelers in blocks of 512 are some 100 rows,
 * and a page then skips fewer than 512 rows of its first block.
 */
export const TRAVELER_BLOCK_SIZE = 512;

/** `[block, travelers of the filter in it]`, blocks ascending, as the store reads them. */
export type BlockCount = readonly [block: number, travelers: number];

export interface PageStart {
  /** Travelers of the filter in all blocks. */
  total: number;
  /** The block the page's first traveler is in, and how many of the filter's travelers precede it there. */
  start?: { block: number; skip: number };
}

/** Where the page at `offset` starts, or no start when `offset` is at or past the end. */
export function locatePage(counts: readonly BlockCount[], offset: number): PageStart {
  let before = 0;
  let start: PageStart['start'];
  for (const [block, travelers] of counts) {
    if (start === undefined && before + travelers > offset) start = { block, skip: offset - before };
    before += travelers;
  }
  return start ? { total: before, start } : { total: before };
}
