/**
 * Emotion's cache for component tests, keeping only the CSS that decides what a person can see or reach.
 *
 * jsdom computes a style by matching every rule in the document against the element and its ancestors, and
 * Testing Library asks for styles on every `getByRole` (is it hidden? what is its name?). MUI injects ~600 rules
 * per page, almost all of them colours, spacing and fonts, which jsdom has no layout to use. Dropping those
 * declarations leaves the answers to "is it displayed, visible, clickable, transparent" unchanged, and makes
 * each query several times cheaper. The browser tests run with every style.
 *
 * So a component test cannot check any other property (`toHaveStyle({ color })` would pass for nothing); lint
 * refuses `toHaveStyle` in them. The cache is per test file, which relies on Vitest isolating files: shared with a
 * fresh document, it would believe its rules already inserted.
 */
import createCache, { type StylisPlugin } from '@emotion/cache';

/** The properties that jsdom, Testing Library, jest-dom's `toBeVisible` and user-event's pointer check read. */
const PROPERTIES_TESTS_READ = new Set(['display', 'visibility', 'pointer-events', 'opacity', 'content']);

type StylisElement = Parameters<StylisPlugin>[0];

function isRead(element: StylisElement): boolean {
  if (element.type === 'decl') return PROPERTIES_TESTS_READ.has(String(element.props));
  return Array.isArray(element.children) && element.children.some(isRead);
}

const keepOnlyWhatTestsRead: StylisPlugin = (element) => {
  // Keyframes match no element, so jsdom never reads them; emptied, stylis would still write `{}`.
  if (element.type === '@keyframes' || isRead(element)) return;
  // An emptied declaration serialises to nothing. A rule or at-rule with nothing read loses its selector too:
  // emotion's development build inserts an empty `selector{}` otherwise, which jsdom would still match.
  element.value = '';
  element.return = '';
  if (element.type === 'rule') element.props = [];
};

export function createTestStyleCache() {
  return createCache({ key: 'css', stylisPlugins: [keepOnlyWhatTestsRead] });
}
