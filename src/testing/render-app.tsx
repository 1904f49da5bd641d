import { createAppRoutes } from '@/app/router';
import { createTestQueryClient, renderRoutes } from './render-with-providers';

/** The whole console (layout, routes, error pages) at `url`, against whatever `mockApi` serves. */
export function renderApp(url: string, queryClient = createTestQueryClient()) {
  return renderRoutes(createAppRoutes, url, queryClient);
}
