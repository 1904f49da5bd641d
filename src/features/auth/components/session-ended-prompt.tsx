import { lazy, Suspense } from 'react';
import { LoadBoundary } from '@/components/load-boundary';
import { useSessionEnded } from '@/lib/session-end';

// The dialog's code (MUI's modal and focus trap) loads only when a session ends, not with every page.
const SessionEndedDialog = lazy(() =>
  import('./session-ended-dialog').then((m) => ({ default: m.SessionEndedDialog })),
);

/** Asks to sign in again once any request has answered that the session ended. */
export function SessionEndedPrompt() {
  const ended = useSessionEnded();
  if (!ended) return null;
  return (
    <LoadBoundary what="the sign-in prompt" consequence="Your choices on this page were saved.">
      <Suspense fallback={null}>
        <SessionEndedDialog />
      </Suspense>
    </LoadBoundary>
  );
}
