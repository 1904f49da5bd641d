/**
 * Dates as the console shows them. Each renders a `<time>` with the machine-readable value, so the text can be
 * friendly while the exact value stays in the DOM.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { DateTimeLocal, DateTimeOffset } from '#contract';
import { formatInstant, formatRelativeTime, formatWallClockDateRange, formatWallClockRange } from './format';
import { LazyTooltip } from './lazy-tooltip';
import { useHydrated } from './use-hydrated';

export interface WallClockRangeProps {
  start: DateTimeLocal | undefined;
  end: DateTimeLocal | undefined;
  /** Compact dates without times, for lists: "Dec 1 – 3, 2026". */
  dateOnly?: boolean;
}

/** An event's start and end, e.g. "Tue, Dec 1, 2026, 9:00 AM – 5:00 PM"; "Dates not set" when both are missing. */
export function WallClockRange({ start, end, dateOnly = false }: WallClockRangeProps) {
  const text = dateOnly
    ? formatWallClockDateRange(start?.iso8601, end?.iso8601)
    : formatWallClockRange(start?.iso8601, end?.iso8601);
  if (!text) return <>Dates not set</>;
  return <time dateTime={start?.iso8601 ?? end?.iso8601}>{text}</time>;
}

// One shared ticker for every relative time on screen: they all move on together, once a minute.
const TICK_MS = 60_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    // React compares the snapshot again right after subscribing, so a stale first render corrects itself.
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * When the server rendered the page: its "now" while rendering, and the browser's while hydrating that page, so
 * both write the same "3 minutes ago". Undefined for a page the browser renders itself.
 */
export const RenderedAt = createContext<number | undefined>(undefined);

/** The current time, updated once a minute: enough for "3 hours ago" without re-rendering every second. */
export function useNow(): number {
  const renderedAt = useContext(RenderedAt);
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => renderedAt ?? now,
  );
}


/**
 * An instant, "Dec 7, 2026, 4:05 PM EST", in the viewer's time zone. The server does not know that zone: its HTML
 * says UTC, and the browser writes the viewer's own once it has taken the page over.
 */
export function Instant({ value }: { value: string }) {
  const local = useHydrated();
  return <time dateTime={value}>{formatInstant(value, local ? undefined : 'UTC')}</time>;
}

/**
 * "3 hours ago", with the exact time (in the viewer's zone, zone named) on hover. Accepts a `DateTimeOffset`
 * or its `iso8601` text; renders "—" when there is no time.
 */
export function RelativeTime({
  value,
  fallback = '—',
}: {
  value: DateTimeOffset | string | undefined;
  fallback?: string;
}) {
  const current = useNow();
  const local = useHydrated();
  const iso = typeof value === 'string' ? value : value?.iso8601;
  if (!iso) return <>{fallback}</>;
  return (
    <LazyTooltip title={formatInstant(iso, local ? undefined : 'UTC')}>
      <time dateTime={iso}>{formatRelativeTime(iso, current)}</time>
    </LazyTooltip>
  );
}
