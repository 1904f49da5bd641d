import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import MailOutline from '@mui/icons-material/MailOutlined';

export const MAIN_ID = 'main';

/** The first stop for keyboard users: hidden until focused, then it jumps past the app bar. */
function SkipLink() {
  return (
    <Box
      component="a"
      href={`#${MAIN_ID}`}
      sx={{
        position: 'absolute',
        left: 8,
        top: 8,
        zIndex: (theme) => theme.zIndex.tooltip + 1,
        px: 2,
        py: 1,
        bgcolor: 'background.paper',
        color: 'primary.main',
        fontWeight: 600,
        borderRadius: 1,
        boxShadow: 3,
        transform: 'translateY(-200%)',
        '&:focus': { transform: 'none' },
      }}
    >
      Skip to main content
    </Box>
  );
}

export interface AppLayoutProps {
  children: ReactNode;
  /** Shows a thin progress bar under the app bar while the next page loads. */
  busy?: boolean;
  /** The app bar's right end (who is signed in); src/app composes it, so this shared frame imports no feature. */
  headerEnd?: ReactNode;
}

/** Every page's frame: skip link, app bar (banner landmark) and the main landmark the skip link targets. */
export function AppLayout({ children, busy = false, headerEnd }: AppLayoutProps) {
  return (
    <>
      <SkipLink />
      <AppBar position="sticky" color="primary">
        <Toolbar variant="dense" sx={{ gap: 1.5, minHeight: 56 }}>
          <MailOutline aria-hidden fontSize="small" />
          <Link
            component={RouterLink}
            to="/events"
            color="inherit"
            underline="none"
            sx={{ fontWeight: 700, fontSize: '1.1rem', letterSpacing: 0.2 }}
          >
            Invites Console
          </Link>
          {headerEnd}
        </Toolbar>
        {busy && (
          <LinearProgress
            aria-label="Loading page"
            color="inherit"
            sx={{ position: 'absolute', left: 0, right: 0, bottom: 0, height: 3 }}
          />
        )}
      </AppBar>
      <Container
        component="main"
        id={MAIN_ID}
        tabIndex={-1}
        maxWidth="lg"
        sx={{ py: { xs: 2, sm: 4 }, outline: 'none' }}
      >
        {children}
      </Container>
    </>
  );
}
