/**
 * The events list as it appears in the URL (`/events?tab=past&page=2&q=summit&type=PROGRAM&sort=name`), so a
 * reload, a shared link and the back button all land on the same list. No React here: the router's loader and
 * the server's render read these too.
 */
import { EventType, type ListEventType } from '#contract';

export const EVENT_TABS = [
  { value: 'upcoming', listEventType: 'UPCOMING' },
  { value: 'past', listEventType: 'PAST_OR_COMPLETED' },
  { value: 'cancelled', listEventType: 'CANCELLED_EVENT' },
] as const satisfies ReadonlyArray<{ value: string; listEventType: ListEventType }>;

export type EventTab = (typeof EVENT_TABS)[number]['value'];

/** Start date (soonest first; the most recent first on the Past tab) or name (A to Z). */
export const EVENTS_SORTS = ['start', 'name'] as const;
export type EventsSort = (typeof EVENTS_SORTS)[number];

/** Every choice the events list offers, with its defaults: what the URL says. */
export interface EventsView {
  tab: EventTab;
  /** Zero-based. */
  page: number;
  /** Part of the name, as typed (trimmed); '' for none. */
  search: string;
  type: EventType | undefined;
  sort: EventsSort;
  /** A program's id: only its sessions and trips. */
  parent: string | undefined;
}

const DEFAULT_VIEW: EventsView = {
  tab: 'upcoming',
  page: 0,
  search: '',
  type: undefined,
  sort: 'start',
  parent: undefined,
};

/** The longest name search sent: a name is shorter, and a pasted page of text should not travel as a filter. */
export const EVENTS_SEARCH_MAX_LENGTH = 200;

export function listEventTypeOf(tab: EventTab): ListEventType {
  return EVENT_TABS.find((t) => t.value === tab)?.listEventType ?? 'UPCOMING';
}

/** Reads the URL; anything unknown (an old bookmark, a typo) falls back to the default for that choice. */
export function parseEventsView(params: URLSearchParams): EventsView {
  const page = Number(params.get('page'));
  const type = EventType.safeParse(params.get('type'));
  const parent = params.get('parent') ?? '';
  return {
    tab: EVENT_TABS.find((tab) => tab.value === params.get('tab'))?.value ?? DEFAULT_VIEW.tab,
    // 1-based in the URL, as people count.
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
    search: (params.get('q') ?? '').trim().slice(0, EVENTS_SEARCH_MAX_LENGTH),
    type: type.success ? type.data : undefined,
    sort: EVENTS_SORTS.find((sort) => sort === params.get('sort')) ?? DEFAULT_VIEW.sort,
    // An event id; a page of text is not one.
    parent: parent && parent.length <= EVENTS_SEARCH_MAX_LENGTH ? parent : undefined,
  };
}

/** The search params for a view: defaults are left out, so the plain `/events` is Upcoming by start date. */
export function eventsSearchParams(view: Partial<EventsView>): Record<string, string> {
  const { tab, page, search, type, sort, parent } = { ...DEFAULT_VIEW, ...view };
  const params: Record<string, string> = {};
  if (tab !== DEFAULT_VIEW.tab) params.tab = tab;
  if (page > 0) params.page = String(page + 1);
  if (search) params.q = search;
  if (type) params.type = type;
  if (sort !== DEFAULT_VIEW.sort) params.sort = sort;
  if (parent) params.parent = parent;
  return params;
}
