import { useCallback, useLayoutEffect, useReducer, useState } from 'react';

/** A row to render: its position in the list, its key, and its top edge within the list. */
export interface VirtualRow {
  index: number;
  key: string;
  start: number;
}

export interface VirtualRowsOptions {
  count: number;
  /** The row's identity: a measured height follows the row (by key) when the list above it changes. */
  getKey: (index: number) => string;
  /** The height assumed for a row until it has been measured. */
  estimateSize: number;
  /** The scrolling element's height before it has been measured: it puts the first rows in the first render. */
  initialHeight: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number;
}

const NO_ROWS = { first: 0, last: -1 };

/**
 * The list's geometry, outside React: row heights (measured, else estimated), the scroll position, and which rows
 * are rendered. Rows are positioned by writing their transform (and the list's height) straight to the DOM, so
 * measuring a row or scrolling within the rendered rows costs no React render; only a change of the rendered
 * range does.
 */
class RowWindow {
  private readonly sizes = new Map<string, number>();
  private readonly written = new WeakMap<HTMLElement, number>();
  private starts = new Float64Array(1);
  private count = 0;
  private getKey: (index: number) => string = String;
  private estimate = 0;
  private overscan = 0;
  private scrollTop = 0;
  private viewport: number;
  private scrollElement: HTMLElement | null = null;
  private container: HTMLElement | null = null;
  private rendered = NO_ROWS;
  private readonly observer: ResizeObserver | null;

  constructor(
    initialHeight: number,
    private readonly onRangeChange: () => void,
  ) {
    this.viewport = initialHeight;
    // jsdom has no ResizeObserver: rows are then measured once, when they mount.
    this.observer =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => this.onResize(entries));
  }

  /** Called on every render: the rows may have changed (a new page, a new search). */
  setOptions({ count, getKey, estimateSize, overscan }: VirtualRowsOptions) {
    this.count = count;
    this.getKey = getKey;
    this.estimate = estimateSize;
    this.overscan = overscan;
    this.layout();
  }

  /** The rows the render should contain, remembered as the rendered range. */
  rows(): VirtualRow[] {
    this.rendered = this.range();
    const rows: VirtualRow[] = [];
    for (let index = this.rendered.first; index <= this.rendered.last; index++) {
      rows.push({ index, key: this.getKey(index), start: this.starts[index]! });
    }
    return rows;
  }

  /** Ref of the scrolling element. */
  setScrollElement = (element: HTMLElement | null) => {
    if (element === this.scrollElement) return;
    if (this.scrollElement) {
      this.scrollElement.removeEventListener('scroll', this.onScroll);
      this.observer?.unobserve(this.scrollElement);
    }
    this.scrollElement = element;
    if (!element) return;
    element.addEventListener('scroll', this.onScroll, { passive: true });
    this.observer?.observe(element);
    this.readScrollElement(element);
  };

  /** Ref of the element holding the rows: it gets the height of every row together. */
  setContainer = (element: HTMLElement | null) => {
    this.container = element;
    this.writeStyles();
  };

  /** Ref of each row (carrying `data-index`): measures it now and whenever its size changes. */
  measureElement = (element: HTMLElement | null) => {
    if (!element) return;
    this.observer?.observe(element);
    if (this.measure(element)) this.relayout();
    else this.writePosition(element);
    return () => this.observer?.unobserve(element);
  };

  scrollToTop() {
    this.scrollElement?.scrollTo?.({ top: 0 });
  }

  /** Scrolls the least needed to show the row in full (none if it is already). */
  scrollToIndex(index: number) {
    const element = this.scrollElement;
    if (!element || index < 0 || index >= this.count) return;
    const start = this.starts[index]!;
    const end = this.starts[index + 1]!;
    const top = element.scrollTop;
    const next = start < top ? start : end > top + this.viewport ? end - this.viewport : top;
    if (next === top) return;
    element.scrollTop = next;
    // Render the rows there now, not after the scroll event: the caller wants to focus one of them.
    this.scrollTop = next;
    this.checkRange();
  }

  /** Writes the list's height and every rendered row's position (after each render). */
  writeStyles() {
    if (this.container) this.container.style.height = `${this.starts[this.count]}px`;
    for (const row of this.container?.children ?? []) {
      if (row instanceof HTMLElement && row.dataset.index !== undefined) this.writePosition(row);
    }
  }

  destroy() {
    this.setScrollElement(null);
    this.observer?.disconnect();
  }

  private readonly onScroll = () => {
    if (this.scrollElement) this.readScrollElement(this.scrollElement);
  };

  private readScrollElement(element: HTMLElement) {
    this.scrollTop = element.scrollTop;
    if (element.clientHeight > 0) this.viewport = element.clientHeight;
    this.checkRange();
  }

  private onResize(entries: ResizeObserverEntry[]) {
    let changed = false;
    for (const { target } of entries) {
      if (!(target instanceof HTMLElement)) continue;
      if (target === this.scrollElement) this.readScrollElement(target);
      else if (!target.isConnected) this.observer?.unobserve(target);
      else if (this.measure(target)) changed = true;
    }
    if (changed) this.relayout();
  }

  /** Records the row's height; true when it changed. A row above the viewport keeps what is shown in place. */
  private measure(element: HTMLElement): boolean {
    const index = Number(element.dataset.index);
    if (!(index >= 0 && index < this.count)) return false;
    const size = element.offsetHeight;
    const key = this.getKey(index);
    const current = this.sizes.get(key) ?? this.estimate;
    // 0: not laid out (hidden, or detached); keep what we had.
    if (size <= 0 || size === current) return false;
    this.sizes.set(key, size);
    if (this.starts[index]! < this.scrollTop && this.scrollElement) {
      this.scrollTop += size - current;
      this.scrollElement.scrollTop = this.scrollTop;
    }
    return true;
  }

  private relayout() {
    this.layout();
    this.writeStyles();
    this.checkRange();
  }

  private layout() {
    const starts = new Float64Array(this.count + 1);
    for (let i = 0; i < this.count; i++) {
      starts[i + 1] = starts[i]! + (this.sizes.get(this.getKey(i)) ?? this.estimate);
    }
    this.starts = starts;
  }

  private writePosition(element: HTMLElement) {
    const index = Number(element.dataset.index);
    const start = this.starts[index];
    if (start === undefined || this.written.get(element) === start) return;
    this.written.set(element, start);
    element.style.transform = `translate3d(0, ${start}px, 0)`;
  }

  /** The last row starting at or above `offset`. */
  private indexAt(offset: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private range() {
    if (this.count === 0) return NO_ROWS;
    return {
      first: Math.max(0, this.indexAt(this.scrollTop) - this.overscan),
      last: Math.min(this.count - 1, this.indexAt(this.scrollTop + this.viewport) + this.overscan),
    };
  }

  private checkRange() {
    const { first, last } = this.range();
    if (first !== this.rendered.first || last !== this.rendered.last) this.onRangeChange();
  }
}

/**
 * A virtualized list of rows of varying height in a scrolling element (`setScrollElement`): only the rows in view
 * (and `overscan` more on each side) are rendered. Render `rows` inside an element with `setContainer` (position: relative),
 * each as an absolutely positioned element with `data-index={row.index}` and `ref={measureElement}`; their
 * positions and the list's height are written to the DOM directly.
 */
export function useVirtualRows(options: VirtualRowsOptions) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [list] = useState(() => new RowWindow(options.initialHeight, rerender));
  list.setOptions(options);
  const rows = list.rows();

  useLayoutEffect(() => list.writeStyles());
  useLayoutEffect(() => () => list.destroy(), [list]);

  const scrollToIndex = useCallback((index: number) => list.scrollToIndex(index), [list]);
  const scrollToTop = useCallback(() => list.scrollToTop(), [list]);
  return {
    rows,
    setScrollElement: list.setScrollElement,
    setContainer: list.setContainer,
    measureElement: list.measureElement,
    scrollToIndex,
    scrollToTop,
  };
}
