/**
 * Rendering for component tests: the app's theme (without transitions: ./test-theme.ts), a fresh React Query client (no retries, so error states show
 * at once) and an in-memory data router, so `Link`, `useParams` and `useSearchParams` work as in the app.
 *
 *   const { user, router } = renderWithProviders(<EventHeader event={event} />);
 *   const { user, router } = renderWithProviders(<MyPage />, { path: '/events/:eventId', url: '/events/e-1' });
 */
import type { ReactElement } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import { vi } from 'vitest';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { CacheProvider } from '@emotion/react';
import { testTheme } from './test-theme';
import { createTestStyleCache } from './test-style-cache';
import { createQueryClient } from '@/lib/query-client';

// `findBy*` waits up to 1 s by default; on a busy 2-core CI machine a lazy route plus a re-render can take longer.
// Waiting longer costs nothing when things are fast, and only a failing test ever waits the whole time.
configure({ asyncUtilTimeout: 15_000 });

/** The app's query client, minus retries: a test of an error state should not wait for backoff. */
export function createTestQueryClient(): QueryClient {
  const client = createQueryClient();
  const defaults = client.getDefaultOptions();
  client.setDefaultOptions({
    ...defaults,
    queries: { ...defaults.queries, retry: false },
  });
  return client;
}

export interface RenderOptions {
  /** The route pattern the element renders at (default `*`). */
  path?: string;
  /** The URL to start at (default `/`). */
  url?: string;
  queryClient?: QueryClient;
  /** Extra routes, e.g. a target for links: `[{ path: '/events', element: <p>list</p> }]`. */
  routes?: RouteObject[];
}

// One per test file: emotion inserts each rule once, as the app's own cache does.
const testStyleCache = createTestStyleCache();

function renderRouter(routes: RouteObject[], url: string, queryClient: QueryClient) {
  // jsdom has no layout, so it does not implement scrolling; the router's scroll restoration calls it.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const user = userEvent.setup();
  const result = render(
    <CacheProvider value={testStyleCache}>
      <ThemeProvider theme={testTheme}>
        <CssBaseline />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ThemeProvider>
    </CacheProvider>,
  );
  return { ...result, user, router, queryClient };
}

export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}) {
  const { path = '*', url = '/', queryClient = createTestQueryClient(), routes = [] } = options;
  return renderRouter([...routes, { path, element: ui }], url, queryClient);
}

/** Renders a given route tree (for example the app's own `createAppRoutes(queryClient)`) at `url`. */
export function renderRoutes(
  makeRoutes: (queryClient: QueryClient) => RouteObject[],
  url: string,
  queryClient: QueryClient = createTestQueryClient(),
) {
  return renderRouter(makeRoutes(queryClient), url, queryClient);
}
