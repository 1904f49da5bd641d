import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { createAppRouter } from '@/app/router';
import { createQueryClient } from '@/lib/query-client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The router exists before React renders: its loaders start the opened page's requests now, while React and
// the page's code (preloaded by the server's HTML) are still being evaluated, not after the first render.
const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// As a transition, the first render yields to the browser every few milliseconds instead of holding the main
// thread for hundreds: the answers the loaders asked for are handled as they arrive, so the travelers' names
// are asked for while the page is still being rendered, not after.
startTransition(() => {
  createRoot(container).render(
    <StrictMode>
      <App queryClient={queryClient} router={router} />
    </StrictMode>,
  );
});
