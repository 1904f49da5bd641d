import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { EventType } from '#contract';
import type { SendSummary } from '#contract/send-history';
import { eventTypeLabel } from '@/components/labels';
import { formatSendAt } from '@/components/send-at/format-send-at';
import { scheduledScopeWords } from '../utils/send-outcome';

export interface ScheduledSendItemProps {
  send: SendSummary;
  /** Absent for a person who may not change it (a viewer): the item is then read-only. */
  onChangeTime?: () => void;
  onCancel?: () => void;
}

/** One send waiting for its time: when, who planned it, what it sends, and how to move or cancel it. */
export function ScheduledSendItem({ send, onChangeTime, onCancel }: ScheduledSendItemProps) {
  const summaryId = `scheduled-${send.id}-summary`;
  return (
    <Box component="li" id={`scheduled-${send.id}`} sx={{ py: 1.5, borderTop: 1, borderColor: 'divider' }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 2, rowGap: 1 }}>
        <Box id={summaryId} sx={{ flex: '1 1 22rem', minWidth: 0 }}>
          <Typography sx={{ fontWeight: 600 }}>
            Scheduled for{' '}
            {send.dueAt ? (
              <time dateTime={send.dueAt}>{formatSendAt(Date.parse(send.dueAt))}</time>
            ) : (
              'a time not recorded'
            )}{' '}
            (your time)
          </Typography>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            {scheduledScopeWords(send)} ·{' '}
            {send.eventType ? eventTypeLabel(send.eventType as EventType) : 'No type'} · scheduled by{' '}
            {send.person.name}
          </Typography>
        </Box>
        {onChangeTime && onCancel && (
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button size="small" variant="outlined" onClick={onChangeTime} aria-describedby={summaryId}>
              Change time
            </Button>
            <Button size="small" color="error" onClick={onCancel} aria-describedby={summaryId}>
              Cancel scheduled send
            </Button>
          </Box>
        )}
      </Box>
    </Box>
  );
}
