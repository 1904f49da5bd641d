import { lazy, Suspense, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlineOutlined';
import ScheduleIcon from '@mui/icons-material/Schedule';
import type { EventType } from '#contract';
import { BusyButton } from '@/components/busy-button';
import { formatQuantity } from '@/components/format';
import { ignoreKeyRepeat } from '@/components/keyboard';
import { LoadBoundary } from '@/components/load-boundary';
import { describeFailure } from '@/components/send-errors/describe-failure';
import { newIdempotencyKey } from '../api/send-invite';
import { useSendReminder } from '../api/send-reminder';
import { useSendLater } from '../hooks/use-send-later';
import { NOT_ALLOWED_ID } from '../utils/element-ids';
import { SendLater } from './send-later';

// The failure report loads with a failure, as the test invite's does.
const SendFailureAlert = lazy(() =>
  import('./send-failure-alert').then((m) => ({ default: m.SendFailureAlert })),
);
// The confirmation loads when it is first opened, not with the page.
const ReminderDialog = lazy(() => import('./reminder-dialog').then((m) => ({ default: m.ReminderDialog })));

export interface ReminderSectionProps {
  eventId: string;
  eventType: EventType;
  /** From the event's RSVP counts; undefined while they load. */
  invitedCount: number | undefined;
  /** Why this person may not send (a viewer): the button is then disabled, described by the form's sentence. */
  sendNotAllowedReason?: string;
  /** The event venue's IANA time zone, shown beside the manager's in "Remind later". */
  venueTimeZone?: string;
}

/**
 * "Remind those who haven't answered": one more invitation to every traveler still invited, now; or "Remind
 * later", to whoever is still invited when it runs.
 */
export function ReminderSection({
  eventId,
  eventType,
  invitedCount,
  sendNotAllowedReason,
  venueTimeZone,
}: ReminderSectionProps) {
  const [confirming, setConfirming] = useState(false);
  const reminder = useSendReminder(eventId);
  const later = useSendLater(eventId, 'remind');
  const result = reminder.data;

  const confirm = () => {
    setConfirming(false);
    reminder.mutate({ type: eventType, idempotencyKey: newIdempotencyKey() });
  };

  return (
    <Paper component="section" variant="outlined" aria-labelledby="reminder-heading" sx={{ p: 3 }}>
      <Typography id="reminder-heading" variant="h2">
        Reminders
      </Typography>
      <Typography sx={{ color: 'text.secondary', mt: 0.5 }}>
        {invitedCount === undefined
          ? 'Travelers who were invited and have not answered can get the invitation again.'
          : `${formatQuantity(invitedCount, 'traveler')} ${invitedCount === 1 ? 'was' : 'were'} invited and ${invitedCount === 1 ? 'has' : 'have'} not answered yet.`}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ mt: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <BusyButton
          variant="outlined"
          busy={reminder.isPending}
          disabled={sendNotAllowedReason !== undefined}
          // The form below says why (one sentence for the page, not two).
          aria-describedby={sendNotAllowedReason === undefined ? undefined : NOT_ALLOWED_ID}
          onKeyDown={ignoreKeyRepeat}
          onClick={() => {
            reminder.reset();
            setConfirming(true);
          }}
          startIcon={
            reminder.isPending ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined
          }
        >
          Remind those who haven&apos;t answered
        </BusyButton>
        <Button
          variant="outlined"
          disabled={sendNotAllowedReason !== undefined}
          aria-describedby={sendNotAllowedReason === undefined ? undefined : NOT_ALLOWED_ID}
          onClick={() => later.open({ type: eventType, count: invitedCount })}
          startIcon={<ScheduleIcon aria-hidden />}
        >
          Remind later
        </Button>
      </Stack>
      {/* Always in the DOM, so the outcome is announced when it arrives. */}
      <Box role="status" sx={{ mt: result || later.status ? 2 : 0 }}>
        {reminder.isPending && <Typography>Sending the reminder…</Typography>}
        {later.status && (
          <Typography sx={{ display: 'flex', alignItems: 'center', gap: 1, fontWeight: 600 }}>
            {later.status.done && <CheckCircleOutlined aria-hidden color="success" />}
            {later.status.text}
          </Typography>
        )}
        {result && (
          <Typography sx={{ display: 'flex', alignItems: 'center', gap: 1, fontWeight: 600 }}>
            <CheckCircleOutlined aria-hidden color="success" />
            {result.status === 'skipped'
              ? 'Nobody was left to remind: every invited traveler has answered. Nothing was sent.'
              : `Reminder sent to ${formatQuantity(result.travelerCount, 'traveler')} who had not answered.`}
          </Typography>
        )}
      </Box>
      {reminder.isError && (
        <Box sx={{ mt: 2 }}>
          <ReminderFailure error={reminder.error} />
        </Box>
      )}
      <SendLater action="remind" later={later} venueTimeZone={venueTimeZone} />
      {confirming && (
        <LoadBoundary what="the reminder's confirmation" consequence="Nothing was sent.">
          <Suspense fallback={null}>
            <ReminderDialog
              eventId={eventId}
              open
              onConfirm={confirm}
              onCancel={() => setConfirming(false)}
            />
          </Suspense>
        </LoadBoundary>
      )}
    </Paper>
  );
}

/** Why the reminder did not go, with every entry of the API's answer. */
function ReminderFailure({ error }: { error: Error }) {
  const report = describeFailure(error, 'invites');
  // A timeout or a 5xx after the send began: it may have gone out, and pressing again could remind twice.
  const title = report.outcomeUnknown
    ? "The reminder's outcome is unknown: check the travelers' states before reminding again"
    : 'The reminder was not sent';
  return (
    <LoadBoundary
      what="why the reminder failed"
      consequence="Check the travelers' states before reminding again."
    >
      <Suspense fallback={null}>
        <SendFailureAlert report={report} title={title} />
      </Suspense>
    </LoadBoundary>
  );
}
