import type { EmotionCache } from '@emotion/cache';
import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { AppProvider } from './provider';
import type { AppRouter } from './router';

export interface AppProps {
  queryClient: QueryClient;
  router: AppRouter;
  styleCache: EmotionCache;
  /** When the server rendered the page being hydrated; undefined for a page the browser renders itself. */
  renderedAt?: number;
}

export function App({ queryClient, router, styleCache, renderedAt }: AppProps) {
  return (
    <AppProvider queryClient={queryClient} styleCache={styleCache} renderedAt={renderedAt}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
