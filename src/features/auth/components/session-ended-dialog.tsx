import { useState } from 'react';
import { useLocation } from 'react-router';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { navigation } from '@/lib/navigation';
import { useSessionEnd } from '@/lib/session-end';
import { signInUrl } from '../utils/sign-in-url';

/**
 * The session ended while the page was open. Nothing else on the page can work until the manager signs in again,
 * so the dialog cannot be dismissed; before leaving, every page saves its work (`useSaveWhenSessionEnds`).
 */
export function SessionEndedDialog() {
  const sessionEnd = useSessionEnd();
  const { pathname, search } = useLocation();
  const [leaving, setLeaving] = useState(false);

  function signInAgain() {
    sessionEnd.saveAll();
    setLeaving(true);
    navigation.assign(signInUrl(pathname + search));
  }

  return (
    <Dialog
      open
      role="alertdialog"
      aria-labelledby="session-ended-title"
      aria-describedby="session-ended-description"
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id="session-ended-title">Your session has ended</DialogTitle>
      <DialogContent>
        <DialogContentText id="session-ended-description">
          Sign in again to continue: your choices on this page are kept.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={signInAgain} disabled={leaving}>
          {leaving ? 'Signing in…' : 'Sign in again'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
