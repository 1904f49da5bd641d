/**
 * The console's pages rendered on the server, with the routes, loaders and components the browser uses: the
 * server calls `renderPage` for a signed-in person's navigation and streams what it returns. The loaders' requests
 * go through the app's own API client, which the server points at its `/api` in process (setApiTransport).
 */
import { dehydrate, type QueryClient } from '@tanstack/react-query';
import { prerender } from 'react-dom/static';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { sessionQueryOptions } from '@/features/auth';
import { createQueryClient } from '@/lib/query-client';
import { AppProvider } from '../provider';
import { createAppRoutes, loadMatchedRoutes } from '../router';
import { serializePageState } from './page-state';
import { createServerStyleCache, styleTagOf } from './style-cache';

export type RenderedPage =
  /** The page, whole: its markup, the style tag its markup needs, and the state the browser hydrates from. */
  | { kind: 'page'; markup: string; styles: string; state: string }
  /** The loaders answered with a redirect (`/` to the events). */
  | { kind: 'redirect'; response: Response }
  /** Not rendered: the data was late or failed. The browser renders the page itself, as without the server. */
  | { kind: 'shell'; reason: 'late' | 'failed' };

export interface RenderOptions {
  /** The request's CSP nonce, for the style tag. */
  nonce: string;
  /** How long the page's data may take before the shell goes out instead. */
  boundMs: number;
  now?: () => number;
  /** What React reports while rendering; the server logs the error's name only (its message may quote data). */
  onError?: (error: unknown) => void;
}

/** The render itself, once the data is in, takes tens of milliseconds; past this something is stuck. */
const RENDER_TIMEOUT_MS = 5_000;

export async function renderPage(request: Request, options: RenderOptions): Promise<RenderedPage> {
  const queryClient = createQueryClient();
  // One try per request: a failure shows at once as the browser's own error page, not after retries as "late".
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  try {
    return await render(request, options, queryClient);
  } finally {
    // Nothing of one person's page stays in memory, whichever way the render ended.
    await queryClient.cancelQueries();
    queryClient.clear();
  }
}

async function render(
  request: Request,
  { nonce, boundMs, now = Date.now, onError }: RenderOptions,
  queryClient: QueryClient,
): Promise<RenderedPage> {
  const routes = createAppRoutes(queryClient);
  const url = new URL(request.url);
  await loadMatchedRoutes(routes, url.pathname);
  const handler = createStaticHandler(routes);
  // Who is signed in decides the app bar and whether the form is usable: every page reads it.
  void queryClient.prefetchQuery(sessionQueryOptions());
  const context = await handler.query(request);
  if (context instanceof Response) return { kind: 'redirect', response: context };
  // A route's error would not survive the trip as JSON: the browser meets it itself.
  if (context.errors) return { kind: 'shell', reason: 'failed' };

  if (!(await allQueriesSettled(queryClient, boundMs))) return { kind: 'shell', reason: 'late' };
  // A failed request renders the browser's own error page, from the browser's own request.
  const queries = queryClient.getQueryCache().getAll();
  if (queries.some((query) => query.state.status === 'error')) return { kind: 'shell', reason: 'failed' };

  // "3 minutes ago" is counted from here, on the server and in the browser that takes the page over.
  const renderedAt = now();
  const styleCache = createServerStyleCache(nonce);
  const router = createStaticRouter(handler.dataRoutes, context);
  const { prelude } = await prerender(
    <AppProvider queryClient={queryClient} styleCache={styleCache} renderedAt={renderedAt}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </AppProvider>,
    {
      // Every part in place, in order: a part sent apart would need React's inline script to move it in, which
      // the CSP refuses.
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      // A part that never finishes must not hold the page: the render gives up, and the shell goes.
      signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
      onError,
    },
  );
  const markup = await new Response(prelude).text();
  // React writes an inline script only for a part it sent apart, which progressiveChunkSize rules out; should one
  // appear all the same, the CSP would block it and the page would never be whole: the browser renders it instead.
  if (/<script\b/i.test(markup)) return { kind: 'shell', reason: 'failed' };
  const state = serializePageState({
    queries: dehydrate(queryClient),
    router: { loaderData: context.loaderData, actionData: context.actionData },
    renderedAt,
  });
  return { kind: 'page', markup, styles: styleTagOf(styleCache, nonce), state };
}

/** True once no query is fetching (a chained request counts, see below); false when `boundMs` passes first. */
async function allQueriesSettled(queryClient: QueryClient, boundMs: number): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    if (queryClient.isFetching() === 0) {
      // A loader chains requests (the event, then its travelers' names): give a `.then` one turn to start its next.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (queryClient.isFetching() === 0) return true;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) return false;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, remaining);
      const unsubscribe = queryClient.getQueryCache().subscribe(() => {
        if (queryClient.isFetching() === 0) done();
      });
      function done() {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }
}
