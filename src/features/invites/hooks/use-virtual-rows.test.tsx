import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useEffect } from 'react';
import { act, fireEvent, render } from '@testing-library/react';
import { useVirtualRows } from './use-virtual-rows';

const VIEWPORT = 100;

/** What the tests call from outside the list. */
const api: Pick<ReturnType<typeof useVirtualRows>, 'scrollToIndex' | 'measureElement'> = {
  scrollToIndex: () => undefined,
  measureElement: () => undefined,
};

/** `count` rows named `row-<index>`. */
function List({ count }: { count: number }) {
  const { rows, setScrollElement, setContainer, measureElement, scrollToIndex } = useVirtualRows({
    count,
    getKey: (index) => `row-${index}`,
    estimateSize: 20,
    initialHeight: VIEWPORT,
    overscan: 1,
  });
  useEffect(() => {
    api.scrollToIndex = scrollToIndex;
    api.measureElement = measureElement;
  });
  return (
    <div data-testid="scroller" ref={setScrollElement} style={{ height: VIEWPORT, overflowY: 'auto' }}>
      <ul data-testid="list" ref={setContainer} style={{ position: 'relative' }}>
        {rows.map((row) => (
          <li key={row.key} data-index={row.index} ref={measureElement} style={{ position: 'absolute' }}>
            {row.key}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A row's laid-out height (jsdom lays nothing out). */
let heights: (index: number) => number;

function rendered() {
  return [...document.querySelectorAll('li')].map((li) => Number(li.dataset.index));
}

function top(index: number) {
  const li = document.querySelector<HTMLElement>(`li[data-index="${index}"]`)!;
  return Number(/translate3d\(0, (-?[\d.]+)px, 0\)/.exec(li.style.transform)![1]);
}

describe('useVirtualRows', () => {
  beforeEach(() => {
    heights = () => 20;
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(VIEWPORT);
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.dataset.index === undefined ? 0 : heights(Number(this.dataset.index));
    });
  });

  it('renders the rows in view and the overscan, at their offsets, in a list as tall as all rows', () => {
    const { getByTestId } = render(<List count={1000} />);
    // 100 px of 20 px rows: rows 0-5 touch the viewport, plus one row of overscan.
    expect(rendered()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(top(3)).toBe(60);
    expect(getByTestId('list').style.height).toBe('20000px');
  });

  it('positions rows by their measured heights', () => {
    heights = (index) => (index === 1 ? 50 : 20);
    const { getByTestId } = render(<List count={10} />);
    expect(top(1)).toBe(20);
    expect(top(2)).toBe(70);
    expect(getByTestId('list').style.height).toBe(`${9 * 20 + 50}px`);
  });

  it('renders the rows scrolled to', () => {
    const { getByTestId } = render(<List count={1000} />);
    const scroller = getByTestId('scroller');
    scroller.scrollTop = 500;
    fireEvent.scroll(scroller);
    expect(rendered()).toEqual([24, 25, 26, 27, 28, 29, 30, 31]);
    expect(top(25)).toBe(500);
  });

  it('scrolls the least needed to show a row, and renders it at once', () => {
    const { getByTestId } = render(<List count={1000} />);
    const scroller = getByTestId('scroller');
    act(() => api.scrollToIndex(50));
    // Row 50 spans 1000-1020: scrolled so that it is the last row in view.
    expect(scroller.scrollTop).toBe(920);
    expect(rendered()).toContain(50);
    act(() => api.scrollToIndex(48));
    expect(scroller.scrollTop).toBe(920);
    act(() => api.scrollToIndex(0));
    expect(scroller.scrollTop).toBe(0);
    expect(rendered()[0]).toBe(0);
  });

  it('keeps what is in view in place when a row above it turns out taller than estimated', () => {
    const { getByTestId } = render(<List count={1000} />);
    const scroller = getByTestId('scroller');
    scroller.scrollTop = 500;
    fireEvent.scroll(scroller);
    // Row 24 (above the viewport, in the overscan) is measured again at 30 px instead of 20.
    heights = (index) => (index === 24 ? 30 : 20);
    const row = document.querySelector<HTMLElement>('li[data-index="24"]')!;
    act(() => {
      api.measureElement(null);
      api.measureElement(row);
    });
    expect(scroller.scrollTop).toBe(510);
    expect(top(25)).toBe(510);
  });
});
