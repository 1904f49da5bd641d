import { useQuery } from '@tanstack/react-query';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { formatQuantity } from '@/components/format';
import { ignoreKeyRepeat } from '@/components/keyboard';
import { invitedCountQueryOptions } from '../api/count-invited';

export interface ReminderDialogProps {
  eventId: string;
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks for a yes that names how many travelers are still invited without an answer now (asked afresh on opening).
 * The server counts again when the reminder runs: whoever answered in between is not reminded.
 */
export function ReminderDialog({ eventId, open, onConfirm, onCancel }: ReminderDialogProps) {
  const invited = useQuery({ ...invitedCountQueryOptions(eventId), enabled: open, refetchOnMount: 'always' });
  // The count shown is the one asked for on opening, never one cached from before.
  const counting = invited.isFetching || !invited.isFetchedAfterMount;
  const count = counting ? undefined : (invited.data ?? undefined);
  const question =
    count === undefined
      ? 'Send a reminder?'
      : count === 0
        ? 'Nobody is left to remind'
        : `Send a reminder to ${formatQuantity(count, 'traveler')}?`;
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      aria-labelledby="reminder-title"
      aria-describedby="reminder-description"
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id="reminder-title">{question}</DialogTitle>
      <DialogContent>
        <DialogContentText id="reminder-description" role="status">
          {counting
            ? 'Counting the travelers who were invited and have not answered…'
            : invited.isError || count === undefined
              ? 'The console could not count them now; the reminder still goes only to those who have not answered.'
              : count === 0
                ? 'Every invited traveler has answered: there is nobody to send a reminder to.'
                : `${formatQuantity(count, 'traveler')} ${count === 1 ? 'was' : 'were'} invited and ${count === 1 ? 'has' : 'have'} not answered. Each gets the invitation again; sent emails cannot be called back.`}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        {count === 0 ? (
          <Button variant="contained" onClick={onCancel}>
            Close
          </Button>
        ) : (
          <>
            <Button onClick={onCancel}>Cancel</Button>
            <Button variant="contained" onClick={onConfirm} onKeyDown={ignoreKeyRepeat} disabled={counting}>
              Send reminder
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
