/**
 * The console's routes. Each page's code is its own chunk (route `lazy`), so the first load carries only the
 * frame and the page it opens. Loaders start the page's requests while its chunk downloads, without waiting
 * for them: the page renders its own loading, empty and error states from React Query.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createBrowserRouter,
  matchRoutes,
  redirect,
  type HydrationState,
  type RouteObject,
} from 'react-router';
import { CONSOLE_PAGES, HOME_PAGE } from '#contract/console-pages';
import { sessionQueryOptions } from '@/features/auth';
import { getEventQueryOptions } from '@/features/events';
import { getRsvpCountsQueryOptions } from '@/features/events';
import { eventsViewQueryOptions } from '@/features/events';
import { parseEventsView } from '@/features/events';
import { NO_FILTERS, travelerRefsQueryOptions } from '@/features/travelers';
import { travelersInfiniteQueryOptions } from '@/features/travelers';
import { RootFallback, RootLayout } from './routes/root';
import { RouteErrorBoundary } from './routes/route-error';

export function createAppRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: '/',
      Component: RootLayout,
      HydrateFallback: RootFallback,
      ErrorBoundary: RouteErrorBoundary,
      children: [
        {
          // Page errors render inside the layout, so the app bar stays and the way back is one click.
          ErrorBoundary: RouteErrorBoundary,
          children: [
            { index: true, loader: () => redirect(HOME_PAGE.path) },
            {
              path: CONSOLE_PAGES.events.path,
              loader: ({ request }) => {
                void queryClient.prefetchQuery(
                  eventsViewQueryOptions(parseEventsView(new URL(request.url).searchParams)),
                );
                return null;
              },
              lazy: { Component: async () => (await import('./routes/events')).EventsRoute },
            },
            {
              path: CONSOLE_PAGES.event.path,
              loader: ({ params }) => {
                const { eventId } = params;
                if (eventId) {
                  // The first traveler row is the page's goal. Its travelers-list page needs no company, so it
                  // is asked for first, ahead of the event: by the time the event (and with it the company) is
                  // in, the page usually is too, and the names are asked for at once, before React renders
                  // the page the event just unlocked. The RSVP counts come last: their five requests would
                  // otherwise take the browser's six connections first.
                  void queryClient.prefetchQuery(travelerRefsQueryOptions(eventId, NO_FILTERS, 0));
                  const event = queryClient.fetchQuery(getEventQueryOptions(eventId));
                  void event
                    .then((loaded) =>
                      queryClient.prefetchInfiniteQuery(
                        travelersInfiniteQueryOptions(eventId, loaded?.companyId?.id, NO_FILTERS),
                      ),
                    )
                    // The page shows the event's own error; the picker asks again when it mounts.
                    .catch(() => undefined);
                  void queryClient.prefetchQuery(getRsvpCountsQueryOptions(eventId));
                  // The role decides whether the invite form is usable: known before the form renders, asked last.
                  void queryClient.prefetchQuery(sessionQueryOptions());
                }
                return null;
              },
              lazy: { Component: async () => (await import('./routes/event')).EventRoute },
            },
            {
              path: CONSOLE_PAGES.activity.path,
              // The loader has its own small chunk, fetched alongside the page's: the Activity code stays out of
              // the first load of every other page, and its requests still start before the page's code arrives.
              lazy: {
                loader: async () =>
                  (await import('./routes/activity-loader')).createActivityLoader(queryClient),
                Component: async () => (await import('./routes/activity')).ActivityRoute,
              },
            },
            {
              path: CONSOLE_PAGES.sessions.path,
              lazy: { Component: async () => (await import('./routes/sessions')).SessionsRoute },
            },
            {
              path: '*',
              lazy: { Component: async () => (await import('./routes/not-found')).NotFoundRoute },
            },
          ],
        },
      ],
    },
  ];
}

export type AppRouter = ReturnType<typeof createBrowserRouter>;

/** The browser's router; creating it runs the opened page's loader at once, unless the server already did. */
export function createAppRouter(routes: RouteObject[], hydrationData?: HydrationState): AppRouter {
  return createBrowserRouter(routes, { hydrationData });
}

/**
 * Loads the code of the routes `path` opens and makes it part of them. A page the server rendered is hydrated with
 * its page's code already in place: a route still lazy would render its fallback first, not what the server sent.
 */
export async function loadMatchedRoutes(routes: RouteObject[], path: string): Promise<void> {
  const matches = matchRoutes(routes, path) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      const lazy = route.lazy;
      if (lazy === undefined || typeof lazy === 'function') return;
      const loaded = await Promise.all(
        Object.entries(lazy).map(async ([key, load]) => [key, await (load as () => Promise<unknown>)()]),
      );
      Object.assign(route, Object.fromEntries(loaded));
      route.lazy = undefined;
    }),
  );
}
