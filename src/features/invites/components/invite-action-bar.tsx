import { lazy, Suspense } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlineOutlined';
import ScheduleIcon from '@mui/icons-material/Schedule';
import SendIcon from '@mui/icons-material/Send';
import { BusyButton } from '@/components/busy-button';
import { ignoreKeyRepeat } from '@/components/keyboard';
import { LoadBoundary } from '@/components/load-boundary';
import type { FailureReport } from '@/components/send-errors/describe-failure';
import type { ActionStatus } from '../hooks/use-invite-sending';

// The test invite's failure report (AlertTitle, entries, debug ID) loads only when a test invite fails.
const SendFailureAlert = lazy(() =>
  import('./send-failure-alert').then((m) => ({ default: m.SendFailureAlert })),
);

export interface InviteActionBarProps {
  isSending: boolean;
  isTesting: boolean;
  /** What the send and the test invite are doing or did: each its own sentence, neither overwrites the other. */
  sendStatus?: ActionStatus;
  testStatus?: ActionStatus;
  /** What "Send later" scheduled: its own sentence too. */
  scheduleStatus?: ActionStatus;
  testFailure?: FailureReport;
  onSendTest: () => void;
  /** "Send later": checks the form as a send would, then asks for the time. */
  onSendLater: () => void;
  /** The manager heads for "Send invites" (hover, focus): a head start on loading what its click shows. */
  onHeadForSend: () => void;
  /** The element saying why this person may not send: both buttons are then disabled and described by it. */
  notAllowedReasonId?: string;
}

const spinner = <CircularProgress size={18} color="inherit" aria-hidden />;

/** "Send invites" (the form's submit), "Send later" and "Send test invite", with the status line they report to. */
export function InviteActionBar({
  isSending,
  isTesting,
  sendStatus,
  testStatus,
  scheduleStatus,
  testFailure,
  onSendTest,
  onSendLater,
  onHeadForSend,
  notAllowedReasonId,
}: InviteActionBarProps) {
  const notAllowed = notAllowedReasonId !== undefined;
  return (
    <>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <BusyButton
          type="submit"
          variant="contained"
          size="large"
          busy={isSending}
          disabled={notAllowed}
          aria-describedby={notAllowedReasonId}
          onKeyDown={ignoreKeyRepeat}
          onPointerEnter={onHeadForSend}
          onFocus={onHeadForSend}
          startIcon={isSending ? spinner : <SendIcon aria-hidden />}
        >
          Send invites
        </BusyButton>
        <Button
          variant="outlined"
          size="large"
          onClick={onSendLater}
          disabled={notAllowed}
          aria-describedby={notAllowedReasonId}
          startIcon={<ScheduleIcon aria-hidden />}
        >
          Send later
        </Button>
        <BusyButton
          variant="outlined"
          size="large"
          onClick={onSendTest}
          busy={isTesting}
          disabled={notAllowed}
          aria-describedby={notAllowedReasonId}
          onKeyDown={ignoreKeyRepeat}
          startIcon={isTesting ? spinner : undefined}
        >
          Send test invite
        </BusyButton>
      </Stack>

      {/* Always in the DOM: a live region must exist before its text changes to be announced. Not atomic: a
          change to one sentence announces that sentence only. */}
      <Typography role="status" aria-atomic="false" sx={{ fontWeight: 600, minHeight: '1.5em' }}>
        {sendStatus && <StatusText status={sendStatus} />}
        {sendStatus && testStatus && ' '}
        {testStatus && <StatusText status={testStatus} />}
        {(sendStatus || testStatus) && scheduleStatus && ' '}
        {scheduleStatus && <StatusText status={scheduleStatus} />}
      </Typography>
      {testFailure && (
        <LoadBoundary what="why the test invite failed" consequence="The test invite was not sent.">
          <Suspense fallback={null}>
            <SendFailureAlert report={testFailure} />
          </Suspense>
        </LoadBoundary>
      )}
    </>
  );
}

/** One sentence of the status line; a finished action carries a success mark, so it reads as done at a glance. */
function StatusText({ status }: { status: ActionStatus }) {
  if (!status.done) return <span>{status.text}</span>;
  return (
    <Box component="span" sx={{ color: 'success.dark' }}>
      <CheckCircleOutlined fontSize="small" aria-hidden sx={{ verticalAlign: 'text-bottom', mr: 0.5 }} />
      {status.text}
    </Box>
  );
}
