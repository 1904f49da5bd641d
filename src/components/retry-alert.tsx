import type { ReactNode } from 'react';
import Alert, { type AlertColor } from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { describeRequestError } from './api-error-text';

export interface RetryAlertProps {
  /** What could not be loaded, as a title; or leave it out and say it in `children`. */
  title?: string;
  /** What it means, before the error's own words. */
  children?: ReactNode;
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
  severity?: AlertColor;
}

/** A part of a page that could not be loaded: why, in the error's words, and "Retry" (busy while it runs). */
export function RetryAlert({
  title,
  children,
  error,
  onRetry,
  retrying,
  severity = 'error',
}: RetryAlertProps) {
  return (
    <Alert
      severity={severity}
      variant="outlined"
      action={
        <Button color="inherit" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </Button>
      }
    >
      {title && <AlertTitle>{title}</AlertTitle>}
      {children} {describeRequestError(error)}
    </Alert>
  );
}
