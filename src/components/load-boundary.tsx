import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import Alert from '@mui/material/Alert';

export interface LoadBoundaryProps {
  /** What could not be shown, for the message: "the confirmation". */
  what: string;
  /** What the failure means for the manager's work, e.g. "Nothing was sent." */
  consequence: string;
  children: ReactNode;
}

/**
 * Around code that loads on demand (React.lazy). Its chunk can fail to load: the connection is down, or a new
 * version was deployed while the page was open and the old chunk is gone. Caught here, that failure is one
 * message in place of the missing part, and the rest of the page (the form and every choice in it) stays.
 */
export function LoadBoundary({ what, consequence, children }: LoadBoundaryProps) {
  return (
    <ErrorBoundary
      fallback={
        <Alert severity="error" role="alert" sx={{ mt: 2 }}>
          The console could not load {what}: the connection may be down, or a new version of the console was
          deployed. {consequence} Reload the page to continue.
        </Alert>
      }
    >
      {children}
    </ErrorBoundary>
  );
}
