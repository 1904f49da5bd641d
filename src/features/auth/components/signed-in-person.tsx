import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { sessionQueryOptions } from '../api/get-session';
import { useSignOut } from '../api/sign-out';
import { ROLE_LABELS } from '../utils/roles';

const SIGN_OUT_ERROR_ID = 'sign-out-error';

/** The app bar's "who is signed in" (name and role) and "Sign out". Nothing until the session is known. */
export function SignedInPerson() {
  const session = useQuery(sessionQueryOptions());
  const signOut = useSignOut();
  if (!session.data) return null;
  const { name, email, role } = session.data;
  // Pending also after success: the browser is on its way to the next page.
  const leaving = signOut.isPending || signOut.isSuccess;
  return (
    <Box
      role="group"
      aria-label="Signed in"
      sx={{ ml: 'auto', display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 0 }}
    >
      <Typography variant="body2" title={email} sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
        <Box component="span" sx={{ fontWeight: 600 }}>
          {name || email}
        </Box>
        {` · ${ROLE_LABELS[role]}`}
      </Typography>
      {/* A native button, styled here: MUI's Button (ripple, transitions) would weigh on every page's first load. */}
      <Box
        component="button"
        type="button"
        disabled={leaving}
        aria-describedby={signOut.isError ? SIGN_OUT_ERROR_ID : undefined}
        onClick={() => signOut.mutate()}
        sx={{
          flexShrink: 0,
          font: 'inherit',
          fontSize: '0.875rem',
          fontWeight: 500,
          color: 'inherit',
          bgcolor: 'transparent',
          border: '1px solid currentColor',
          borderRadius: 1,
          px: 1.25,
          py: 0.5,
          cursor: 'pointer',
          '&:hover': { bgcolor: 'rgba(255, 255, 255, 0.12)' },
          '&:focus-visible': { outline: '2px solid currentColor', outlineOffset: 2 },
          '&:disabled': { cursor: 'default', opacity: 0.7 },
        }}
      >
        {leaving ? 'Signing out…' : 'Sign out'}
      </Box>
      {signOut.isError && (
        <Typography id={SIGN_OUT_ERROR_ID} role="alert" variant="body2">
          Sign-out failed. Try again.
        </Typography>
      )}
    </Box>
  );
}
