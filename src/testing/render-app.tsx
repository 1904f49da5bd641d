import { createAppRoutes } from '@/app/router';
import { createTestQueryClient, renderRoutes } from './render-with-providers';

/** The whole console (layout, routes, error pages) at `url`, against whatever `mockApi` serves. */
export function renderApp(url: string, queryClient = createTestQueryClient()) {
  return renderRoutes(createAppRoutes, url, queryClient);
}

/**
 * Loads every page's code up front. Pages are lazy route chunks; the first import in a cold test worker
 * transforms MUI and can outlast Testing Library's default 1 s wait. Call it in `beforeAll`.
 */
export async function preloadAppRoutes() {
  await Promise.all([
    import('@/app/routes/events'),
    import('@/app/routes/event'),
    import('@/app/routes/not-found'),
    import('@/app/routes/activity'),
    import('@/app/routes/activity-loader'),
  ]);
}
