/**
 * Renders a console page on the server for a signed-in person's navigation. The app's loaders run here with the
 * app's own API client, whose requests reach this server's `/api` in process (no HTTP hop) with the person's
 * cookie: the same session, role and route-table checks as the browser's requests, as that person.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { renderPage, type RenderedPage } from '../../src/app/ssr/render-page.tsx';
import { setApiTransport } from '../../src/lib/api-client.ts';

type InProcessFetch = (request: Request) => Response | Promise<Response>;

interface PageRequest {
  cookie: string;
  publicOrigin: string;
  fetch: InProcessFetch;
}

const pageRequest = new AsyncLocalStorage<PageRequest>();

// One transport for the process: each call finds the page request it belongs to.
setApiTransport(async (url, init) => {
  const page = pageRequest.getStore();
  if (page === undefined)
    throw new Error('The console’s API client ran on the server outside a page render.');
  const headers = new Headers(init.headers);
  headers.set('cookie', page.cookie);
  // The page's own origin: the API's cross-site guard lets through what the page itself would send.
  headers.set('origin', page.publicOrigin);
  return page.fetch(new Request(new URL(url, page.publicOrigin), { ...init, headers }));
});

export interface PageRendererOptions {
  /** The server app's own fetch, which the loaders' requests go through. */
  fetch: InProcessFetch;
  publicOrigin: string;
  /** How long the page's data may take before the shell goes out instead (RENDER_BOUND_MS). */
  boundMs: number;
}

export type PageRenderer = (request: Request, nonce: string) => Promise<RenderedPage>;

export function createPageRenderer({ fetch, publicOrigin, boundMs }: PageRendererOptions): PageRenderer {
  return (request, nonce) => {
    const { pathname, search } = new URL(request.url);
    // The page as the browser knows it: at the public origin, whatever host the request came in by.
    const page = new Request(new URL(pathname + search, publicOrigin));
    const cookie = request.headers.get('cookie') ?? '';
    return pageRequest.run({ cookie, publicOrigin, fetch }, () => renderPage(page, { nonce, boundMs }));
  };
}
