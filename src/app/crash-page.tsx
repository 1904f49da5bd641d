import AppBar from '@mui/material/AppBar';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { describeRequestError } from '@/components/api-error-text';
import { PageError } from '@/components/page-error';

/**
 * What the app-level error boundary shows when the router itself (or anything above it) fails to render. It
 * cannot use router links, so its way out is a full page load of the events list.
 */
export function CrashPage({ error }: { error: unknown }) {
  const message = describeRequestError(error);
  return (
    <>
      <AppBar position="static" elevation={0}>
        <Toolbar variant="dense" sx={{ minHeight: 56 }}>
          <Typography component="p" sx={{ fontWeight: 700, fontSize: '1.1rem' }}>
            Invites Console
          </Typography>
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="lg" sx={{ py: 4 }}>
        <PageError
          title="Something went wrong"
          detail={message ? `Details: ${message}` : undefined}
          actions={
            <Button variant="contained" href="/events">
              Reload the console
            </Button>
          }
        >
          The console hit an unexpected error and stopped. Reloading usually helps; nothing was sent.
        </PageError>
      </Container>
    </>
  );
}
