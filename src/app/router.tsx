/**
 * The console's routes. Each page's code is its own chunk (route `lazy`), so the first load carries only the
 * frame and the page it opens. Loaders start the page's requests while its chunk downloads, without waiting
 * for them: the page renders its own loading, empty and error states from React Query.
 */
import { useMemo } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect, RouterProvider, type RouteObject } from 'react-router';
import { getEventQueryOptions } from '@/features/events/api/get-event';
import { getRsvpCountsQueryOptions } from '@/features/events/api/get-rsvp-counts';
import { EVENTS_PAGE_SIZE, listEventsQueryOptions } from '@/features/events/api/list-events';
import { listEventTypeOf, parseEventTab, parseEventsPage } from '@/features/events/utils/event-tabs';
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
            { index: true, loader: () => redirect('/events') },
            {
              path: 'events',
              loader: ({ request }) => {
                const params = new URL(request.url).searchParams;
                const listEventType = listEventTypeOf(parseEventTab(params.get('tab')));
                const offset = parseEventsPage(params.get('page')) * EVENTS_PAGE_SIZE;
                void queryClient.prefetchQuery(
                  listEventsQueryOptions(listEventType, { offset, limit: EVENTS_PAGE_SIZE }),
                );
                return null;
              },
              lazy: { Component: async () => (await import('./routes/events')).EventsRoute },
            },
            {
              path: 'events/:eventId',
              loader: ({ params }) => {
                if (params.eventId) {
                  void queryClient.prefetchQuery(getEventQueryOptions(params.eventId));
                  void queryClient.prefetchQuery(getRsvpCountsQueryOptions(params.eventId));
                }
                return null;
              },
              lazy: { Component: async () => (await import('./routes/event')).EventRoute },
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

export function AppRouter() {
  const queryClient = useQueryClient();
  const router = useMemo(() => createBrowserRouter(createAppRoutes(queryClient)), [queryClient]);
  return <RouterProvider router={router} />;
}
