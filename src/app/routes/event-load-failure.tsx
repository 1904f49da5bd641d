import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import LockOutlined from '@mui/icons-material/LockOutlined';
import SearchOffOutlined from '@mui/icons-material/SearchOffOutlined';
import VpnKeyOffOutlined from '@mui/icons-material/VpnKeyOffOutlined';
import {
  describeRequestError,
  errorDebugIdentifier,
  errorStatus,
  httpStatusText,
} from '@/components/api-error-text';
import { PageError } from '@/components/page-error';
import { isSignInRequired } from '@/lib/api-client';

function BackToEvents() {
  return (
    <Button variant="contained" component={RouterLink} to="/events">
      Back to events
    </Button>
  );
}

function failureDetail(error: unknown): ReactNode {
  const status = errorStatus(error);
  const debugId = errorDebugIdentifier(error);
  const parts = [
    status !== undefined ? httpStatusText(status) : undefined,
    debugId ? `Debug ID ${debugId}` : undefined,
  ];
  const text = parts.filter(Boolean).join(' · ');
  return text || undefined;
}

/** The page-level message for an event that could not be loaded, by what the API answered. */
export function EventLoadFailure({
  error,
  onRetry,
  retrying,
}: {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}) {
  const status = errorStatus(error);
  const detail = failureDetail(error);
  if (status === 404) {
    return (
      <PageError
        title="This event does not exist (anymore)"
        icon={<SearchOffOutlined fontSize="large" />}
        detail={detail}
        actions={<BackToEvents />}
      >
        It may have been deleted in Spotnana, or the link may be mistyped.
      </PageError>
    );
  }
  if (status === 403) {
    return (
      <PageError
        title="You don't have permission to view this event"
        icon={<LockOutlined fontSize="large" />}
        detail={detail}
        actions={<BackToEvents />}
      >
        The event belongs to a company that the console&apos;s Spotnana account may not see.
      </PageError>
    );
  }
  if (isSignInRequired(error)) {
    // The sign-in prompt (app layout) offers the way back; this says why the page is empty meanwhile.
    return (
      <PageError title="Your session has ended" icon={<VpnKeyOffOutlined fontSize="large" />} detail={detail}>
        Sign in again to see this event.
      </PageError>
    );
  }
  if (status === 401) {
    return (
      <PageError
        title="Spotnana rejected the console's credentials"
        icon={<VpnKeyOffOutlined fontSize="large" />}
        detail={detail}
        actions={<BackToEvents />}
      >
        The Spotnana client ID and secret (or access token) the console&apos;s server uses were not accepted.
        Ask whoever runs the console to check its Spotnana settings.
      </PageError>
    );
  }
  return (
    <PageError
      title="The event could not be loaded"
      detail={detail}
      actions={
        <>
          <Button variant="contained" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry'}
          </Button>
          <Button variant="outlined" component={RouterLink} to="/events">
            Back to events
          </Button>
        </>
      }
    >
      {describeRequestError(error)}
    </PageError>
  );
}

/** A 200 without an event: treat it as the event being gone rather than render an empty page. */
export function EventMissing() {
  return (
    <PageError title="This event does not exist (anymore)" actions={<BackToEvents />}>
      Spotnana answered, but without the event.
    </PageError>
  );
}
