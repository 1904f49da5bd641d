import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { hydrate } from '@tanstack/react-query';
import { matchPath } from 'react-router';
import { CONSOLE_PAGES } from '#contract/console-pages';
import { App } from '@/app/app';
import { createAppRouter, createAppRoutes, loadMatchedRoutes } from '@/app/router';
import { readPageState, type PageState } from '@/app/ssr/page-state';
import { createStyleCache, pageNonce } from '@/app/ssr/style-cache';
import { readInviteDraft } from '@/features/invites';
import { createQueryClient } from '@/lib/query-client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The router exists before React renders: its loaders start the opened page's requests now, while React and
// the page's code (preloaded by the server's HTML) are still being evaluated, not after the first render.
const queryClient = createQueryClient();
const routes = createAppRoutes(queryClient);
const styleCache = createStyleCache(pageNonce(document));
const state = await serverState();

if (state && !hasDraftToRestore()) {
  // The server rendered this page: its answers are in the cache and its page's code in place, so React takes
  // over the markup as it is.
  const router = createAppRouter(routes, state.router);
  hydrateRoot(
    container,
    <StrictMode>
      <App queryClient={queryClient} router={router} styleCache={styleCache} renderedAt={state.renderedAt} />
    </StrictMode>,
  );
} else {
  // Markup the server rendered but the browser will not take over (a draft to restore) goes, for React's own.
  container.replaceChildren();
  const router = createAppRouter(routes);
  // As a transition, the first render yields to the browser every few milliseconds instead of holding the main
  // thread for hundreds: the answers the loaders asked for are handled as they arrive, so the travelers' names
  // are asked for while the page is still being rendered, not after.
  startTransition(() => {
    createRoot(container).render(
      <StrictMode>
        <App queryClient={queryClient} router={router} styleCache={styleCache} />
      </StrictMode>,
    );
  });
}

/**
 * The server's answers, put into the cache, with the page's code loaded; undefined when the page is the browser's
 * to render, or when taking it over cannot start (its state unreadable, its code not found in a deploy under way):
 * the browser then renders it as it would without the server.
 */
async function serverState(): Promise<PageState | undefined> {
  try {
    const pageState = readPageState(document);
    if (!pageState) return undefined;
    // Answers count as fresh from the moment they were rendered, by this browser's clock (which may differ from
    // the server's): a cache that thought them stale would refetch, and render differently from the HTML.
    const skew = Date.now() - pageState.renderedAt;
    for (const query of pageState.queries.queries) query.state.dataUpdatedAt += skew;
    hydrate(queryClient, pageState.queries);
    await loadMatchedRoutes(routes, window.location.pathname);
    return pageState;
  } catch {
    return undefined;
  }
}

/** This tab holds a draft of the event's form (kept across a sign-in): the form starts from it, not from the HTML. */
function hasDraftToRestore(): boolean {
  const eventId = matchPath(CONSOLE_PAGES.event.path, window.location.pathname)?.params.eventId;
  return eventId !== undefined && readInviteDraft(eventId) !== undefined;
}
