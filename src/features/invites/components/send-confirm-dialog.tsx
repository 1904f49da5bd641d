import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { EventType } from '#contract';
import { formatQuantity } from '@/components/format';
import { ignoreKeyRepeat } from '@/components/keyboard';
import { eventTypeLabel } from '@/components/labels';

export interface SendConfirmDialogProps {
  open: boolean;
  /** How many travelers get an invite: the selection, or every traveler of the event. */
  count: number;
  all: boolean;
  type: EventType;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Send invites to 3 travelers?" / "Send invites to all 10,000 travelers?" */
export function confirmQuestion(count: number, all: boolean): string {
  return `Send invites to ${all ? 'all ' : ''}${formatQuantity(count, 'traveler')}?`;
}

/**
 * Emails cannot be called back: the send waits for an explicit yes that names the exact count. The question is
 * the one fixed when "Send invites" was pressed, so it cannot change while the manager reads it.
 */
export function SendConfirmDialog({ open, count, all, type, onConfirm, onCancel }: SendConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      aria-labelledby="send-confirm-title"
      aria-describedby="send-confirm-description"
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id="send-confirm-title">{confirmQuestion(count, all)}</DialogTitle>
      <DialogContent>
        <DialogContentText id="send-confirm-description">
          Each of them gets an email invitation as a {eventTypeLabel(type).toLowerCase()}. Sent emails cannot
          be called back.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="contained" onClick={onConfirm} onKeyDown={ignoreKeyRepeat}>
          Send
        </Button>
      </DialogActions>
    </Dialog>
  );
}
