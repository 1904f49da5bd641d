import Typography from '@mui/material/Typography';
import type { SendSummary } from '#contract/send-history';
import { SendOutcomeLabel } from '@/components/send-outcome-label';

/** The outcome as the event's History shows it (icon and word, never colour alone), and why, when known. */
export function SendOutcomeCell({ send }: { send: SendSummary }) {
  return (
    <>
      <SendOutcomeLabel status={send.status} action={send.action} />
      {send.firstErrorMessage && (
        <Typography variant="body2" sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
          {send.firstErrorMessage}
          {send.errorCount > 1 && ` (and ${send.errorCount - 1} more)`}
        </Typography>
      )}
    </>
  );
}
