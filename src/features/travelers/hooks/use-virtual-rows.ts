import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export const ROW_ESTIMATE_PX = 64;
export const LIST_HEIGHT_PX = 440;
const OVERSCAN_ROWS = 6;

interface VirtualRowsOptions {
  count: number;
  /** A stable key per row, so a measured height follows its row when pages arrive. */
  keyAt: (index: number) => string;
  /** A new value (a new search or filter) scrolls back to the top. */
  resetKey: unknown;
}

/**
 * Keeps only the rows in view (plus a few) in the DOM of a fixed-height scroll box, whether the list has 25 rows
 * or 10,000. Attach `scrollRef` to the scroll box, `containerRef` to the list and `measureElement` to each item.
 */
export function useVirtualRows({ count, keyAt, resetKey }: VirtualRowsOptions) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's API is built around a mutable instance
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    // The list's height is fixed: knowing it up front puts the first rows in the very first render, instead of
    // after a measuring pass.
    initialRect: { width: 0, height: LIST_HEIGHT_PX },
    overscan: OVERSCAN_ROWS,
    getItemKey: keyAt,
    // Row positions and the list's height are written straight to the DOM; React re-renders only when the set of
    // rendered rows changes. Measuring a row or scrolling within the rendered range costs no render (and no new
    // CSS class for each new height), which is what keeps a 10,000-row list smooth.
    directDomUpdates: true,
    useFlushSync: false,
  });

  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [resetKey]);

  return {
    /** For the fixed-height box that scrolls. */
    scrollRef,
    items: virtualizer.getVirtualItems(),
    /** For the list element's `ref`: the virtualizer sizes it and places the items. */
    containerRef: virtualizer.containerRef,
    /** For each item's `ref`: measures its real height. */
    measureElement: virtualizer.measureElement,
    scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  };
}
