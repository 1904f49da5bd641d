import type { ReactNode } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
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

export interface NavLinkItem {
  to: string;
  label: string;
}

/** The console's sections, in the app bar. */
const NAV_LINKS: readonly NavLinkItem[] = [
  { to: '/events', label: 'Events' },
  { to: '/activity', label: 'Activity' },
];

/**
 * The app bar's section links. The current one is marked by an underline (not colour alone) and `aria-current`:
 * `page` on the section's own page, `true` on a page inside it (an event of the list).
 */
function MainNav({ extraLinks = [] }: { extraLinks?: readonly NavLinkItem[] }) {
  const { pathname } = useLocation();
  return (
    <Box component="nav" aria-label="Main" sx={{ display: 'flex', gap: 0.5, ml: { xs: 0.5, sm: 2 } }}>
      {[...NAV_LINKS, ...extraLinks].map(({ to, label }) => {
        const current = pathname === to ? 'page' : pathname.startsWith(`${to}/`) ? 'true' : undefined;
        return (
          <Link
            key={to}
            component={RouterLink}
            to={to}
            color="inherit"
            underline="none"
            aria-current={current}
            sx={{
              px: 1,
              py: 0.5,
              borderRadius: 1,
              fontWeight: 500,
              borderBottom: '2px solid transparent',
              '&[aria-current]': { borderBottomColor: 'currentColor', fontWeight: 700 },
              '&:hover': { bgcolor: 'rgba(255, 255, 255, 0.12)' },
              '&:focus-visible': { outline: '2px solid currentColor', outlineOffset: 2 },
            }}
          >
            {label}
          </Link>
        );
      })}
    </Box>
  );
}

export interface AppLayoutProps {
  children: ReactNode;
  /** Shows a thin progress bar under the app bar while the next page loads. */
  busy?: boolean;
  /** The app bar's right end (who is signed in); src/app composes it, so this shared frame imports no feature. */
  headerEnd?: ReactNode;
  /** Sections only some people have (Sessions, for administrators), after the common ones; src/app decides. */
  extraNavLinks?: readonly NavLinkItem[];
}

/** Every page's frame: skip link, app bar (banner landmark) and the main landmark the skip link targets. */
export function AppLayout({ children, busy = false, headerEnd, extraNavLinks }: AppLayoutProps) {
  return (
    <>
      <SkipLink />
      <AppBar position="sticky" color="primary">
        <Toolbar variant="dense" sx={{ gap: 1.5, minHeight: 56 }}>
          <Link
            component={RouterLink}
            to="/events"
            color="inherit"
            underline="none"
            aria-label="Invites Console"
            sx={{
              display: 'flex',
              alignItems: 'center',
              gap: 1.5,
              fontWeight: 700,
              fontSize: '1.1rem',
              letterSpacing: 0.2,
            }}
          >
            <MailOutline aria-hidden fontSize="small" />
            {/* On a phone the name gives way to the sections and the sign-out: the icon stays, and the link's name. */}
            <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
              Invites Console
            </Box>
          </Link>
          <MainNav extraLinks={extraNavLinks} />
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
