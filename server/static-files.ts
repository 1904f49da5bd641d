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
  const files = serveStatic({ root });
  const page = serveStatic({ root, path: 'index.html' });
  /** serveStatic yields the file's Response, or whatever `next` yields when there is no such file. */
  const cached = (result: unknown, c: Context) => {
    if (!(result instanceof Response)) return undefined;
    result.headers.set('cache-control', c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    return result;
  };

  app.use('*', async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    const found = cached(await files(c, next), c);
    if (found) return found;
  });
  app.get('*', async (c, next) => {
    const acceptsHtml = c.req.header('accept')?.includes('text/html') ?? false;
    // A missing asset is a 404, not the page: a script tag must never receive HTML.
    if (isApiPath(c.req.path) || c.req.path.startsWith('/assets/') || !acceptsHtml) return next();
    return cached(await page(c, async () => {}), c) ?? notBuilt(c);
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
