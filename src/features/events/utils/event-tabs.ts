/**
 * The events list's tabs and page as they appear in the URL (`/events?tab=past&page=2`), so a reload, a shared
 * link and the back button all land on the same list. No React here: the router's loader reads these too.
 */
import type { ListEventType } from '#contract';

export const EVENT_TABS = [
  { value: 'upcoming', listEventType: 'UPCOMING' },
  { value: 'past', listEventType: 'PAST_OR_COMPLETED' },
  { value: 'cancelled', listEventType: 'CANCELLED_EVENT' },
] as const satisfies ReadonlyArray<{ value: string; listEventType: ListEventType }>;

export type EventTab = (typeof EVENT_TABS)[number]['value'];

const DEFAULT_EVENT_TAB: EventTab = 'upcoming';

/** Reads `?tab=`; anything unknown (an old bookmark, a typo) falls back to Upcoming. */
export function parseEventTab(value: string | null): EventTab {
  return EVENT_TABS.find((tab) => tab.value === value)?.value ?? DEFAULT_EVENT_TAB;
}

export function listEventTypeOf(tab: EventTab): ListEventType {
  return EVENT_TABS.find((t) => t.value === tab)?.listEventType ?? 'UPCOMING';
}

/** Reads `?page=` (1-based, as people count) into a zero-based page; anything odd is the first page. */
export function parseEventsPage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page - 1 : 0;
}

/** The search params for a tab and zero-based page: defaults are left out, so the plain `/events` is Upcoming. */
export function eventsSearchParams(tab: EventTab, page = 0): Record<string, string> {
  const params: Record<string, string> = {};
  if (tab !== DEFAULT_EVENT_TAB) params.tab = tab;
  if (page > 0) params.page = String(page + 1);
  return params;
}
