import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import HelpOutline from '@mui/icons-material/HelpOutlineOutlined';
import type { SendSummary } from '#contract/send-history';
import { sendOutcomeWords, type OutcomeTone } from '@/components/send-outcome';

const ICONS: Readonly<Record<OutcomeTone, typeof CheckCircleOutline>> = {
  success: CheckCircleOutline,
  error: ErrorOutline,
  warning: HelpOutline,
};

/** The outcome in words with an icon of its own shape (never colour alone), and why it failed when known. */
export function SendOutcomeCell({ send }: { send: SendSummary }) {
  const words = sendOutcomeWords(send.status, send.action);
  const Icon = ICONS[words.tone];
  return (
    <>
      <Box
        component="span"
        sx={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.5,
          fontWeight: 600,
          color: `${words.tone}.dark`,
        }}
      >
        <Icon aria-hidden fontSize="small" />
        {words.label}
      </Box>
      {send.firstErrorMessage && (
        <Typography variant="body2" sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
          {send.firstErrorMessage}
          {send.errorCount > 1 && ` (and ${send.errorCount - 1} more)`}
        </Typography>
      )}
    </>
  );
}
