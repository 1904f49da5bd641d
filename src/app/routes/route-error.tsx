import { isRouteErrorResponse, Link as RouterLink, useRouteError } from 'react-router';
import Button from '@mui/material/Button';
import { describeRequestError } from '@/components/api-error-text';
import { PageError } from '@/components/page-error';
import { useDocumentTitle } from '@/components/use-document-title';

/**
 * An error thrown while loading or rendering a page: a crashed component, a page's code that failed to load.
 * (Unknown addresses never get here: the `*` route shows the not-found page.)
 */
export function RouteErrorBoundary() {
  const error = useRouteError();
  useDocumentTitle('Something went wrong');
  const message = isRouteErrorResponse(error)
    ? `HTTP ${error.status} ${error.statusText}`
    : describeRequestError(error);
  // A page whose code failed to download usually means a new version was deployed: a reload fixes it.
  return (
    <PageError
      title="Something went wrong"
      detail={message ? `Details: ${message}` : undefined}
      actions={
        <>
          <Button variant="contained" component={RouterLink} to="/events">
            Back to events
          </Button>
          <Button variant="outlined" onClick={() => window.location.reload()}>
            Reload the page
          </Button>
        </>
      }
    >
      This page hit an unexpected error. Nothing was sent.
    </PageError>
  );
}
