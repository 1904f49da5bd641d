import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { EventType } from '#contract';
import type { SendSummary } from '#contract/send-history';
import { RelativeTime } from '@/components/date-time';
import { formatInstant } from '@/components/format';
import { eventTypeLabel } from '@/components/labels';
import { sendReasonWords, sendScopeWords } from '../utils/send-outcome';
import { ScheduleNote } from './schedule-note';
import { SendOutcomeLabel } from './send-outcome-label';

export interface SendHistoryItemProps {
  send: SendSummary;
  open: boolean;
  onToggle: () => void;
  /** The send in full, shown while open. */
  children: ReactNode;
}

/** One line of the History: when, who, type, to whom and the outcome, and the send in full behind "Details". */
export function SendHistoryItem({ send, open, onToggle, children }: SendHistoryItemProps) {
  const summaryId = `send-${send.id}-summary`;
  const detailsId = `send-${send.id}-details`;
  const reason = sendReasonWords(send);
  return (
    <Box
      component="li"
      id={`send-${send.id}`}
      sx={{ py: 1.5, borderTop: 1, borderColor: 'divider', scrollMarginTop: 96 }}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 2, rowGap: 0.5 }}>
        <Box id={summaryId} sx={{ flex: '1 1 22rem', minWidth: 0 }}>
          <Typography component="span" sx={{ fontWeight: 600 }}>
            <time dateTime={send.createdAt}>{formatInstant(send.createdAt)}</time>
          </Typography>{' '}
          <Typography component="span" variant="body2" color="textSecondary">
            (<RelativeTime value={send.createdAt} />)
          </Typography>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            {send.person.name} · {send.eventType ? eventTypeLabel(send.eventType as EventType) : 'No type'} ·{' '}
            {sendScopeWords(send.action, send.scope, send.travelerCount)} ·{' '}
            <SendOutcomeLabel status={send.status} action={send.action} errorCount={send.errorCount} />
          </Typography>
          <ScheduleNote send={send} />
          {reason && (
            <Typography variant="body2" color="error" sx={{ overflowWrap: 'anywhere' }}>
              {reason}
            </Typography>
          )}
        </Box>
        <Button
          id={`send-${send.id}-toggle`}
          size="small"
          onClick={onToggle}
          aria-expanded={open}
          aria-controls={detailsId}
          aria-describedby={summaryId}
        >
          {open ? 'Hide details' : 'Details'}
        </Button>
      </Box>
      <Box id={detailsId} hidden={!open} sx={{ mt: 1.5, pl: { sm: 2 } }}>
        {open && children}
      </Box>
    </Box>
  );
}
