import { Link as RouterLink, useLocation } from 'react-router';
import Button from '@mui/material/Button';
import SearchOffOutlined from '@mui/icons-material/SearchOffOutlined';
import { PageError } from '@/components/page-error';
import { useDocumentTitle } from '@/components/use-document-title';

/** Any URL the console does not know. */
export function NotFoundRoute() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found');
  return (
    <PageError
      title="Page not found"
      icon={<SearchOffOutlined fontSize="large" />}
      detail={`No page at ${pathname}`}
      actions={
        <Button variant="contained" component={RouterLink} to="/events">
          Go to the events list
        </Button>
      }
    >
      The address may be mistyped, or the page may have moved.
    </PageError>
  );
}
