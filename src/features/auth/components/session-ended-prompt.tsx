import { lazy, Suspense } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import Box from '@mui/material/Box';
import { useSessionEnded } from '@/lib/session-end';
import { signInUrl } from '../utils/sign-in-url';

// The dialog's code (MUI's modal and focus trap) loads only when a session ends, not with every page.
const SessionEndedDialog = lazy(() =>
  import('./session-ended-dialog').then((m) => ({ default: m.SessionEndedDialog })),
);

/**
 * If the dialog's code cannot load (the connection is down, a new version was deployed), a plain link does the
 * same: the page's work was saved when the session ended. Plain markup: the app's frame loads no Alert.
 */
function SignInAgainLink() {
  const returnTo = window.location.pathname + window.location.search;
  return (
    <Box
      role="alert"
      sx={{
        position: 'fixed',
        bottom: 16,
        left: 16,
        right: 16,
        p: 2,
        bgcolor: 'background.paper',
        boxShadow: 6,
      }}
    >
      Your session has ended. <a href={signInUrl(returnTo)}>Sign in again</a> to continue: your choices on
      this page are kept.
    </Box>
  );
}

/** Asks to sign in again once any request has answered that the session ended. */
export function SessionEndedPrompt() {
  const ended = useSessionEnded();
  if (!ended) return null;
  return (
    <ErrorBoundary fallback={<SignInAgainLink />}>
      <Suspense fallback={null}>
        <SessionEndedDialog />
      </Suspense>
    </ErrorBoundary>
  );
}
