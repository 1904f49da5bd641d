import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { SendSummary } from '#contract/send-history';
import { BusyButton } from '@/components/busy-button';
import { ignoreKeyRepeat } from '@/components/keyboard';
import { describeScheduleFailure } from '@/components/send-at/schedule-failure';
import { formatSendAt } from '@/components/send-at/format-send-at';
import { ErrorEntryText } from '@/components/send-errors/error-entry';
import { scheduledScopeWords } from '../utils/send-outcome';

export interface CancelScheduledDialogProps {
  send: SendSummary;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Cancel scheduled send": a small yes-or-no naming what would have gone out and when. */
export function CancelScheduledDialog({
  send,
  pending,
  error,
  onConfirm,
  onClose,
}: CancelScheduledDialogProps) {
  const failure = error ? describeScheduleFailure(error, 'cancel') : undefined;
  const due = send.dueAt ? ` on ${formatSendAt(Date.parse(send.dueAt))} (your time)` : '';
  return (
    <Dialog
      open
      // Its answer, a failure too, is shown here: closing meanwhile would lose it.
      onClose={pending ? undefined : onClose}
      aria-labelledby="cancel-scheduled-title"
      aria-describedby="cancel-scheduled-description"
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id="cancel-scheduled-title">Cancel this scheduled send?</DialogTitle>
      <DialogContent>
        {failure && (
          <Alert severity="error" sx={{ mb: 2 }}>
            <Typography sx={{ fontWeight: 600 }}>{failure.title}</Typography>
            <Typography variant="body2">{failure.advice}</Typography>
            {[...failure.atField, ...failure.inSummary].map((entry) => (
              <Typography key={entry.index} variant="body2" component="div" sx={{ mt: 0.5 }}>
                <ErrorEntryText error={entry.error} />
              </Typography>
            ))}
          </Alert>
        )}
        <DialogContentText id="cancel-scheduled-description">
          {scheduledScopeWords(send)}, scheduled by {send.person.name} to go out{due}. Nothing will be sent.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          Keep it
        </Button>
        <BusyButton
          variant="contained"
          color="error"
          busy={pending}
          onClick={onConfirm}
          onKeyDown={ignoreKeyRepeat}
          startIcon={pending ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
        >
          {pending ? 'Cancelling the scheduled send…' : 'Cancel scheduled send'}
        </BusyButton>
      </DialogActions>
    </Dialog>
  );
}
