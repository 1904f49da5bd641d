import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { describeRequestError } from '@/components/api-error-text';
import { BusyButton } from '@/components/busy-button';
import { formatQuantity } from '@/components/format';
import { ignoreKeyRepeat } from '@/components/keyboard';
import type { SignedInSummary } from '#contract/console-auth';

export interface EndSessionsDialogProps {
  /** Whose sessions; the dialog is closed without one. */
  person: SignedInSummary | undefined;
  busy: boolean;
  /** Why the last try failed; the dialog stays open to try again or cancel. */
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Ending sessions signs the person out everywhere at once, and cannot be undone: the admin confirms it, told whose
 * and how many. Ending one's own says plainly that it signs them out too, this very page included.
 */
export function EndSessionsDialog({ person, busy, error, onConfirm, onCancel }: EndSessionsDialogProps) {
  const who = person ? person.name || person.email : '';
  const count = formatQuantity(person?.sessions ?? 0, 'session');
  return (
    <Dialog
      open={person !== undefined}
      onClose={busy ? undefined : onCancel}
      aria-labelledby="end-sessions-title"
      aria-describedby="end-sessions-description"
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id="end-sessions-title">
        {person?.you ? 'End your own sessions?' : `End ${who}’s sessions?`}
      </DialogTitle>
      <DialogContent>
        <DialogContentText id="end-sessions-description">
          {person?.you
            ? `This signs you out of the console everywhere, this page included (${count}). Your next action asks you to sign in again.`
            : `${who} is signed out of the console everywhere at once (${count}). Their next action asks them to sign in again.`}
        </DialogContentText>
        {error !== null && error !== undefined && (
          <Typography role="alert" variant="body2" sx={{ color: 'error.main', mt: 2 }}>
            The sessions were not ended. {describeRequestError(error)}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <BusyButton
          busy={busy}
          variant="contained"
          color="error"
          onClick={onConfirm}
          onKeyDown={ignoreKeyRepeat}
        >
          {person?.you ? 'End my sessions' : 'End sessions'}
        </BusyButton>
      </DialogActions>
    </Dialog>
  );
}
