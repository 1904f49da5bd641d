import Typography from '@mui/material/Typography';
import type { SendSummary } from '#contract/send-history';
import { sendReasonWords } from '../utils/send-outcome';
import { ScheduleNote } from './schedule-note';
import { SendOutcomeLabel } from './send-outcome-label';

/** The outcome as the event's History shows it (icon and word, never colour alone), and why, when known. */
export function SendOutcomeCell({ send }: { send: SendSummary }) {
  const reason = sendReasonWords(send);
  return (
    <>
      <SendOutcomeLabel status={send.status} action={send.action} errorCount={send.errorCount} />
      <ScheduleNote send={send} />
      {reason && (
        <Typography variant="body2" sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
          {reason}
        </Typography>
      )}
    </>
  );
}
