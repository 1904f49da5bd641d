import type { ReactNode } from 'react';
import type { EmotionCache } from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import CssBaseline from '@mui/material/CssBaseline';
// @mui/system's provider, which MUI's own (@mui/material/styles) wraps: that wrapper also imports the CSS-variables
// provider and color-scheme machinery (3 KB gzip of every first load), which a theme without `cssVariables` or
// `colorSchemes` never uses. For such a theme, MUI's wrapper renders exactly this provider.
import ThemeProvider from '@mui/system/ThemeProvider';
import { ErrorBoundary } from 'react-error-boundary';
import { RenderedAt } from '@/components/date-time';
import { CrashPage } from './crash-page';
import { theme } from './theme';

export interface AppProviderProps {
  children: ReactNode;
  /** Made by main.tsx before React renders, so the router's loaders can fill it first. */
  queryClient: QueryClient;
  /** Where MUI's styles go: made per page with the CSP nonce its style tags must carry (see ssr/style-cache.ts). */
  styleCache: EmotionCache;
  /** When the server rendered the page (on the server, and while the browser hydrates it): "3 minutes ago" from then. */
  renderedAt?: number;
}

/** Theme, server-state cache and the last-resort error page, around everything the app renders. */
export function AppProvider({ children, queryClient, styleCache, renderedAt }: AppProviderProps) {
  return (
    <CacheProvider value={styleCache}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <ErrorBoundary fallbackRender={({ error }) => <CrashPage error={error} />}>
          <QueryClientProvider client={queryClient}>
            <RenderedAt.Provider value={renderedAt}>{children}</RenderedAt.Provider>
          </QueryClientProvider>
        </ErrorBoundary>
      </ThemeProvider>
    </CacheProvider>
  );
}
