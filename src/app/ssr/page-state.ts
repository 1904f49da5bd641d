/**
 * What a page rendered on the server hands the browser: React Query's cache as the server filled it, the router's
 * loader data, and the instant the page was rendered (relative times hydrate as "now" was then). It travels as
 * JSON in a `<script type="application/json">`, which never runs, so the CSP's `script-src 'self'` stands.
 */
import type { DehydratedState } from '@tanstack/react-query';
import type { HydrationState } from 'react-router';

export const PAGE_STATE_ID = 'console-page-state';

export interface PageState {
  queries: DehydratedState;
  router: HydrationState;
  renderedAt: number;
}

const MAP_TAG = '__map';

/**
 * JSON that keeps Maps (the name lookups hold them, with undefined for a name nobody knows) and can sit inside
 * `<script>`: no `<` reaches the HTML.
 */
export function serializePageState(state: PageState): string {
  return JSON.stringify(state, (_key, value: unknown) =>
    value instanceof Map
      ? { [MAP_TAG]: [...value].map(([key, entry]) => (entry === undefined ? [key] : [key, entry])) }
      : value,
  ).replace(/</g, '\\u003c');
}

export function parsePageState(text: string): PageState {
  return JSON.parse(text, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && MAP_TAG in value
      ? new Map((value as Record<typeof MAP_TAG, [unknown, unknown][]>)[MAP_TAG])
      : value,
  ) as PageState;
}

/** The state a server-rendered page carries; undefined for a page the browser renders itself. */
export function readPageState(doc: Document): PageState | undefined {
  const element = doc.getElementById(PAGE_STATE_ID);
  return element?.textContent ? parsePageState(element.textContent) : undefined;
}
