import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

const PAGE_JUMP_ROWS = 10;

interface RovingFocusOptions {
  /** How many rows there are to move between. */
  count: number;
  /** The indexes of the rows now in the DOM (a virtual list renders only some). */
  renderedIndexes: readonly number[];
  /** The DOM id of row `index`'s focusable element; undefined when there is no such row (any more). */
  elementIdAt: (index: number) => string | undefined;
  /** Brings row `index` into the DOM, e.g. by scrolling the virtual list to it. */
  scrollToIndex: (index: number) => void;
  /** A new value (a new search or filter) makes the first row the active one again. */
  resetKey: unknown;
}

/**
 * Roving tabindex over a list: one row is the Tab stop, and arrow keys, Page Up/Down, Home and End move focus
 * between rows. A row not yet in the DOM gets focus once it has rendered. The handlers keep their identity, so
 * memoized rows do not re-render when focus moves.
 */
export function useRovingFocus({
  count,
  renderedIndexes,
  elementIdAt,
  scrollToIndex,
  resetKey,
}: RovingFocusOptions) {
  const [activeIndex, setActiveIndex] = useState(0);
  const [shownResetKey, setShownResetKey] = useState(resetKey);
  if (shownResetKey !== resetKey) {
    setShownResetKey(resetKey);
    setActiveIndex(0);
  }

  // When the active row has scrolled out of the DOM, the first rendered row is the Tab stop.
  const tabStop = renderedIndexes.includes(activeIndex) ? activeIndex : (renderedIndexes[0] ?? 0);

  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const id = elementIdAt(pendingFocus.current);
    const element = id && document.getElementById(id);
    if (element) {
      element.focus();
      pendingFocus.current = null;
    }
  });

  function moveTo(index: number) {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    setActiveIndex(next);
    scrollToIndex(next);
    // A row within the overscan is already in the DOM; one further away gets focus once it has rendered.
    const id = elementIdAt(next);
    const element = id && document.getElementById(id);
    if (element) element.focus();
    else pendingFocus.current = next;
  }

  const latestMoveTo = useRef(moveTo);
  useLayoutEffect(() => {
    latestMoveTo.current = moveTo;
  });

  const onKeyDown = useCallback((index: number, event: KeyboardEvent<HTMLElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_JUMP_ROWS,
      PageUp: index - PAGE_JUMP_ROWS,
      Home: 0,
      End: Number.MAX_SAFE_INTEGER,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    latestMoveTo.current(target);
  }, []);
  const onFocus = useCallback((index: number) => setActiveIndex(index), []);

  return { tabStop, onKeyDown, onFocus };
}
