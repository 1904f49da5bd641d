import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import Box from '@mui/material/Box';
import { AppLayout, MAIN_ID } from '@/components/app-layout';
import { visuallyHidden } from '@/components/visually-hidden';
import { sessionQueryOptions } from '@/features/auth';
import { SessionEndedPrompt } from '@/features/auth';
import { SignedInPerson } from '@/features/auth';

/**
 * After a client-side navigation, move focus to the main landmark, as a full page load would reset it: screen
 * reader and keyboard users start reading the new page instead of staying on the link they clicked.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById(MAIN_ID)?.focus({ preventScroll: true });
  }, [pathname]);
}

/** Administrators' own section; the server refuses its API to anyone else anyway. */
const ADMIN_LINKS = [{ to: '/sessions', label: 'Sessions' }];

export function RootLayout() {
  const navigation = useNavigation();
  useFocusMainOnNavigation();
  const session = useQuery(sessionQueryOptions());
  return (
    <AppLayout
      busy={navigation.state === 'loading'}
      headerEnd={<SignedInPerson />}
      extraNavLinks={session.data?.role === 'admin' ? ADMIN_LINKS : undefined}
    >
      <Outlet />
      <SessionEndedPrompt />
      <ScrollRestoration />
    </AppLayout>
  );
}

/** Shown while the first page's code loads; the frame is there at once, so the page does not jump. */
export function RootFallback() {
  return (
    <AppLayout busy>
      <Box role="status" sx={visuallyHidden}>
        Loading…
      </Box>
    </AppLayout>
  );
}
