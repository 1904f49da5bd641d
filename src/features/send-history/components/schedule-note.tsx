import Typography from '@mui/material/Typography';
import type { SendSummary } from '#contract/send-history';
import { Instant } from '@/components/date-time';
import { lateWords } from '../utils/send-outcome';

/** "Scheduled for Dec 8, 2026, 9:00:00 AM GMT+1 · sent 12 minutes late", for a send planned ahead; else nothing. */
export function ScheduleNote({ send }: { send: Pick<SendSummary, 'dueAt' | 'lateMinutes'> }) {
  if (!send.dueAt) return null;
  return (
    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
      Scheduled for <Instant value={send.dueAt} />
      {lateWords(send.lateMinutes)}
    </Typography>
  );
}
