/**
 * The production build: files from `dist/`, and `index.html` for any other page the browser navigates to, so the
 * client-side router can take deep links such as `/events/<id>`. Vite's hashed `/assets/*` never change under a
 * name and are cached for a year; everything else is revalidated so a new build shows up at once.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { errorResponse } from './errors.ts';
import type { ServerEnv } from './server-env.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** The API side: never a file, never the page, whatever the Accept header says. */
const isApiPath = (path: string) => /^\/(api|sandbox|healthz)(\/|$)/.test(path);

export function mountStaticFiles(app: Hono<ServerEnv>, root: string): void {
  const cacheControl = (_file: string, c: Context) => {
    c.header('cache-control', c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
  };
  const files = serveStatic({ root, onFound: cacheControl });
  const page = serveStatic({ root, path: 'index.html', onFound: cacheControl });

  app.use('*', async (c, next) => (isApiPath(c.req.path) ? next() : files(c, next)));
  app.get('*', async (c, next) => {
    const acceptsHtml = c.req.header('accept')?.includes('text/html') ?? false;
    // A missing asset is a 404, not the page: a script tag must never receive HTML.
    if (isApiPath(c.req.path) || c.req.path.startsWith('/assets/') || !acceptsHtml) return next();
    return (await page(c, async () => {})) ?? notBuilt(c);
  });
}

function notBuilt(c: Context<ServerEnv>): Response {
  return errorResponse({
    status: 404,
    errorCode: 'CONSOLE_NOT_BUILT',
    message:
      'The console has not been built: run `npm run build` (or `npm start`, which builds when needed).',
    debugIdentifier: c.get('requestId'),
  });
}
