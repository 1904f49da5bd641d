import Box from '@mui/material/Box';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import type { SendAction, SendStatus } from '#contract/send-history';
import { sendOutcomeWords, type OutcomeTone } from '../utils/send-outcome';

const ICONS: Record<OutcomeTone, typeof CheckCircleOutlined> = {
  success: CheckCircleOutlined,
  error: ErrorOutlined,
  warning: WarningAmberOutlined,
  info: ScheduleOutlined,
};

/**
 * A recorded send's outcome: an icon and the word, in the tone's colour, never the colour alone. What it means for
 * the travelers is the title (a hover hint); the review of the send says it in full.
 */
export function SendOutcomeLabel({
  status,
  action,
  errorCount = 0,
}: {
  status: SendStatus;
  action: SendAction;
  errorCount?: number;
}) {
  const { label, meaning, tone } = sendOutcomeWords(status, action, errorCount);
  const Icon = ICONS[tone];
  return (
    <Box
      component="span"
      title={meaning}
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        fontWeight: 600,
        color: `${tone}.dark`,
      }}
    >
      <Icon fontSize="small" aria-hidden />
      {label}
    </Box>
  );
}
