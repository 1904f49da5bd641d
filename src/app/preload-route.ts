/**
 * Starts downloading the code of the page the browser opened, before anything else of the app is evaluated.
 * Imported first by `main.tsx`: the router would only ask for the page's chunk once React has mounted, some
 * hundreds of milliseconds later on a busy machine, and the page's data then arrived before the code to show it.
 * The router's `lazy` imports the same modules, so nothing loads twice.
 */
const PAGES: ReadonlyArray<[RegExp, () => Promise<unknown>]> = [
  [/^\/events\/[^/]+\/?$/, () => import('./routes/event')],
  [/^\/(events\/?)?$/, () => import('./routes/events')],
];

const page = PAGES.find(([path]) => path.test(window.location.pathname));
// A failed download surfaces (and is retried) where the router imports the page.
if (page) page[1]().catch(() => undefined);
