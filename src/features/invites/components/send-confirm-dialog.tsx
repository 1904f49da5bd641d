import { useQuery } from '@tanstack/react-query';
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
import { recentInvitesQueryOptions } from '../api/get-recent-invites';
import { RECENT_INVITES_ID, RecentInvitesNotice } from './recent-invites-notice';

export interface SendConfirmDialogProps {
  eventId: string;
  /** Made when "Send invites" was pressed: the recent-invites check is asked once per confirmation. */
  confirmationId: string;
  /** The travelers of the send; undefined when it goes to every traveler. */
  userIds: readonly string[] | undefined;
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
 * Emails cannot be called back: the send waits for an explicit yes that names the exact count, after the manager
 * has been told who of them already got an invite in the last 24 hours. The question is the one fixed when "Send
 * invites" was pressed, so it cannot change while the manager reads it.
 */
export function SendConfirmDialog({
  eventId,
  confirmationId,
  userIds,
  open,
  count,
  all,
  type,
  onConfirm,
  onCancel,
}: SendConfirmDialogProps) {
  const recent = useQuery(recentInvitesQueryOptions(eventId, confirmationId, userIds));
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      aria-labelledby="send-confirm-title"
      aria-describedby={`send-confirm-description ${RECENT_INVITES_ID}`}
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id="send-confirm-title">{confirmQuestion(count, all)}</DialogTitle>
      <DialogContent>
        <DialogContentText id="send-confirm-description">
          Each of them gets an email invitation as a {eventTypeLabel(type).toLowerCase()}. Sent emails cannot
          be called back.
        </DialogContentText>
        <RecentInvitesNotice query={recent} count={count} all={all} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        {/* The check answers within seconds (or fails, which does not stop the send): the yes waits for it. */}
        <Button
          variant="contained"
          onClick={onConfirm}
          onKeyDown={ignoreKeyRepeat}
          disabled={recent.isPending}
        >
          Send
        </Button>
      </DialogActions>
    </Dialog>
  );
}
