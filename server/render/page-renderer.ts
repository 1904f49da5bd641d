/**
 * Renders a console page on the server for a signed-in person's navigation. The app's loaders run here with the
 * app's own API client, whose requests reach this server's `/api` in process (no HTTP hop) with the person's
 * cookie: the same session, role and route-table checks as the browser's requests, as that person.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { renderPage, type RenderedPage } from '../../src/app/ssr/render-page.tsx';
import { setApiTransport } from '../../src/lib/api-client.ts';
import { ALLOWED_ROUTES } from '../forwarder/allowed-routes.ts';
import { errorName, logger } from '../operations/logger.ts';

type InProcessFetch = (request: Request) => Response | Promise<Response>;

interface PageRequest {
  cookie: string;
  publicOrigin: string;
  requestId: string | undefined;
  fetch: InProcessFetch;
}

const pageRequest = new AsyncLocalStorage<PageRequest>();

/** The routes that send or test-send: a render only reads, so these never go out from one (nor any other write). */
const SENDING_ROUTES = ALLOWED_ROUTES.filter((route) => route.records !== undefined).map(
  (route) => new RegExp(`^/api${route.path.replace(/:\w+/g, '[^/]+')}$`),
);

/** A read: GET, or one of Spotnana's list queries that are POSTs (events, travelers, users). */
function isRead(method: string, path: string): boolean {
  if (method === 'GET') return true;
  if (method !== 'POST' || !path.startsWith('/api/v')) return false;
  return !SENDING_ROUTES.some((route) => route.test(path));
}

// One transport for the process: each call finds the page request it belongs to.
setApiTransport(async (url, init) => {
  const page = pageRequest.getStore();
  if (page === undefined)
    throw new Error('The console’s API client ran on the server outside a page render.');
  const target = new URL(url, page.publicOrigin);
  const method = init.method ?? 'GET';
  if (!isRead(method, target.pathname)) {
    throw new Error(`A page render may only read; it asked for ${method} ${target.pathname}.`);
  }
  const headers = new Headers(init.headers);
  headers.set('cookie', page.cookie);
  // The page's own origin, for the list queries that are POSTs: the render only reads (see above).
  headers.set('origin', page.publicOrigin);
  // The page's request id: the request log ties each of these to the page it was made for.
  if (page.requestId !== undefined) headers.set('x-request-id', page.requestId);
  return page.fetch(new Request(target, { ...init, headers }));
});

export interface PageRendererOptions {
  /** The server app's own fetch, which the loaders' requests go through. */
  fetch: InProcessFetch;
  publicOrigin: string;
  /** How long the page's data may take before the shell goes out instead (RENDER_BOUND_MS). */
  boundMs: number;
}

export type PageRenderer = (request: Request, nonce: string, requestId?: string) => Promise<RenderedPage>;

export function createPageRenderer({ fetch, publicOrigin, boundMs }: PageRendererOptions): PageRenderer {
  return (request, nonce, requestId) => {
    const { pathname, search } = new URL(request.url);
    // The page as the browser knows it: at the public origin, whatever host the request came in by.
    const page = new Request(new URL(pathname + search, publicOrigin));
    const cookie = request.headers.get('cookie') ?? '';
    // React's report names the error only: its message may quote the page's data.
    const onError = (error: unknown) =>
      logger.warn({ requestId, detail: errorName(error) }, 'page render: error');
    return pageRequest.run({ cookie, publicOrigin, requestId, fetch }, () =>
      renderPage(page, { nonce, boundMs, onError }),
    );
  };
}
