/**
 * The production build: files from `dist/`, and the console's page for any other page the browser navigates to,
 * so the client-side router can take deep links such as `/events/<id>`. Vite's hashed `/assets/*` never change
 * under a name and are cached for a year; everything else is revalidated so a new build shows up at once.
 * Text files go out as the brotli or gzip copies the build writes beside them, when the browser accepts one.
 * Assets are public (they hold no data); the page is not: a navigation without a session goes to sign-in first and
 * comes back to the same path and query.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { CONSOLE_PAGES } from '#contract/console-pages';
import { signInLocation } from '../auth/return-to.ts';
import { consoleError } from '../http/errors.ts';
import type { ServerEnv } from '../http/server-env.ts';
import { SERVER_PATH } from '../http/server-paths.ts';
import type { PageRenderer } from '../render/page-renderer.ts';
import { streamRenderedPage, withNonce } from '../render/page-stream.ts';
import { createPageHtml, pageModule } from './page-html.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Never a file, never the page, whatever the Accept header says: the API side, and hidden files and folders such as
 * the build's `.vite/manifest.json` (the server reads it; the browser has no business with it).
 */
const isApiPath = (path: string) => SERVER_PATH.test(path) || /(^|\/)\./.test(path);

export interface StaticOptions {
  /** Whether the request carries a valid session (the page is for signed-in people only). */
  signedIn(c: Context<ServerEnv>): Promise<boolean>;
  /** Renders the pages in RENDERED_PAGES on the server; without it, the browser renders every page. */
  renderPage?: PageRenderer;
}

/** The pages the server renders: the event page, the events list and the Activity page. */
const RENDERED_PAGES = new Set<string | undefined>([
  CONSOLE_PAGES.event.module,
  CONSOLE_PAGES.events.module,
  CONSOLE_PAGES.activity.module,
]);

function rendersOnServer(path: string, query: URLSearchParams): boolean {
  // `/` only redirects (the browser's router does it at once).
  if (path === '/' || !RENDERED_PAGES.has(pageModule(path))) return false;
  // The Activity page's dates are days in the viewer's time zone, which the server does not know.
  return !(pageModule(path) === CONSOLE_PAGES.activity.module && (query.has('from') || query.has('to')));
}

export function mountStaticFiles(
  app: Hono<ServerEnv>,
  root: string,
  { signedIn, renderPage }: StaticOptions,
): void {
  const files = serveStatic({ root, precompressed: true });
  const pageHtml = createPageHtml(root);

  app.use('*', async (c, next) => {
    // The page is never served as a file: it always goes through pageHtml, which adds the route's preloads.
    if (isApiPath(c.req.path) || c.req.path === '/' || c.req.path === '/index.html') return next();
    const found = await files(c, next);
    if (!(found instanceof Response)) return undefined;
    found.headers.set('cache-control', c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    return found;
  });
  app.get('*', async (c, next) => {
    const acceptsHtml = c.req.header('accept')?.includes('text/html') ?? false;
    // The page itself answers any client (curl, an uptime probe); other paths only a browser navigating there.
    const isPage = c.req.path === '/' || c.req.path === '/index.html';
    // A missing asset is a 404, not the page: a script tag must never receive HTML.
    if (isApiPath(c.req.path) || c.req.path.startsWith('/assets/') || (!acceptsHtml && !isPage))
      return next();
    if (!(await signedIn(c))) {
      c.header('cache-control', 'no-store');
      return c.redirect(signInLocation(`${c.req.path}${new URL(c.req.url).search}`), 303);
    }
    const html = pageHtml(c.req.path);
    if (html === undefined) return notBuilt(c);
    // Not kept by the browser: after sign-out, Back must not show the console from its cache.
    c.header('cache-control', 'no-store');
    const nonce = c.get('secureHeadersNonce') ?? '';
    if (renderPage !== undefined && rendersOnServer(c.req.path, new URL(c.req.url).searchParams)) {
      return streamRenderedPage(c, html, renderPage, nonce);
    }
    return c.html(withNonce(html, nonce));
  });
}

function notBuilt(c: Context<ServerEnv>): Response {
  return consoleError(c, 404, {
    errorCode: 'CONSOLE_NOT_BUILT',
    message:
      'The console has not been built: run `npm run build` (or `npm start`, which builds when needed).',
  });
}
