import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
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
      <Button
        color="inherit"
        variant="outlined"
        size="small"
        disabled={leaving}
        aria-describedby={signOut.isError ? SIGN_OUT_ERROR_ID : undefined}
        onClick={() => signOut.mutate()}
        sx={{ flexShrink: 0 }}
      >
        {leaving ? 'Signing out…' : 'Sign out'}
      </Button>
      {signOut.isError && (
        <Typography id={SIGN_OUT_ERROR_ID} role="alert" variant="body2">
          Sign-out failed. Try again.
        </Typography>
      )}
    </Box>
  );
}
