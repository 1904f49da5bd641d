/**
 * The console's pages: each one's path, as the router matches it, and the module that renders it. The browser's
 * router (src/app/router.tsx) builds its routes on these paths; the server (server/static/page-html.ts) matches a
 * request against them to name that module's chunks in the page it sends. One list, so the two cannot drift.
 */
export interface ConsolePage {
  path: string;
  /** The route's module, as Vite's build manifest names it. */
  module: string;
}

export const CONSOLE_PAGES = {
  events: { path: '/events', module: 'src/app/routes/events.tsx' },
  event: { path: '/events/:eventId', module: 'src/app/routes/event.tsx' },
  activity: { path: '/activity', module: 'src/app/routes/activity.tsx' },
  sessions: { path: '/sessions', module: 'src/app/routes/sessions.tsx' },
} as const satisfies Record<string, ConsolePage>;

/** Where `/` goes. */
export const HOME_PAGE = CONSOLE_PAGES.events;
