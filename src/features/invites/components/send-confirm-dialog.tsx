import { Suspense } from 'react';
import { skipToken, useQuery } from '@tanstack/react-query';
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
import type { RecentInvitesCheck } from '../utils/recent-invites-check';

export interface SendConfirmDialogProps {
  eventId: string;
  /** Made when "Send invites" was pressed: the recent-invites check is asked once per confirmation. */
  confirmationId: string;
  /** Absent: the dialog asks nothing before the yes. */
  recentInvites?: RecentInvitesCheck;
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
  recentInvites,
  userIds,
  open,
  count,
  all,
  type,
  onConfirm,
  onCancel,
}: SendConfirmDialogProps) {
  const recent = useQuery(
    recentInvites?.queryOptions(eventId, confirmationId, userIds) ?? {
      queryKey: ['no-recent-invites-check'],
      queryFn: skipToken,
    },
  );
  const checking = recentInvites !== undefined && recent.isPending;
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      aria-labelledby="send-confirm-title"
      aria-describedby={['send-confirm-description', recentInvites?.noticeId].filter(Boolean).join(' ')}
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id="send-confirm-title">{confirmQuestion(count, all)}</DialogTitle>
      <DialogContent>
        <DialogContentText id="send-confirm-description">
          Each of them gets an email invitation as a {eventTypeLabel(type).toLowerCase()}. Sent emails cannot
          be called back.
        </DialogContentText>
        {recentInvites && (
          <Suspense fallback={null}>
            <recentInvites.Notice query={recent} count={count} all={all} />
          </Suspense>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        {/* The check answers within seconds (or fails, which does not stop the send): the yes waits for it. */}
        <Button variant="contained" onClick={onConfirm} onKeyDown={ignoreKeyRepeat} disabled={checking}>
          Send
        </Button>
      </DialogActions>
    </Dialog>
  );
}
