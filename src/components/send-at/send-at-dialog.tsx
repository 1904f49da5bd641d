import { useEffect, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BusyButton } from '@/components/busy-button';
import { useNow } from '@/components/date-time';
import { ignoreKeyRepeat } from '@/components/keyboard';
import { ErrorSummary } from '@/components/send-errors/error-summary';
import { FieldErrors } from '@/components/send-errors/field-errors';
import { formatSendAt } from './format-send-at';
import { describeScheduleFailure } from './schedule-failure';
import {
  browserTimeZone,
  instantToLocalInput,
  isKnownTimeZone,
  localInputToInstant,
  sendAtFormSchema,
  utcOffset,
  type SendAtFormValues,
} from './send-at-time';

export const SEND_AT_ID = 'send-at';
const ERRORS_ID = `${SEND_AT_ID}-errors`;
const YOUR_ZONE_ID = `${SEND_AT_ID}-your-zone`;
const VENUE_ID = `${SEND_AT_ID}-venue`;
const SUMMARY_ID = `${SEND_AT_ID}-error-summary`;

export interface SendAtDialogProps {
  /** "Send later", "Change time". */
  title: string;
  /** What will be sent, in a sentence or two: the dialog's description. */
  summary: ReactNode;
  /** The confirm button's words: "Schedule send". */
  confirmLabel: string;
  /** Its words while the request is under way: "Scheduling the send…". */
  busyLabel: string;
  operation: 'schedule' | 'reschedule';
  /** The event venue's IANA zone; undefined when the event names none. */
  venueTimeZone: string | undefined;
  /** The field's first value (epoch ms): the current due time when changing it; the next full hour otherwise. */
  initialAt?: number;
  /** A request is under way: the dialog cannot be closed (Escape, the backdrop, Cancel) until its answer. */
  pending: boolean;
  /** The last attempt's failure, shown until the next attempt. */
  error: Error | null;
  /** With the chosen instant, as an ISO 8601 string. */
  onConfirm: (sendAt: string) => void;
  onClose: () => void;
}

const nextFullHour = () => Math.ceil((Date.now() + 60_000) / 3_600_000) * 3_600_000;

/**
 * The "Send at" date and time, with the manager's zone and the venue's local time of that instant beside it. A
 * time in the past is refused here, before any request; the server's answer about the time is shown at the field,
 * every other entry in the summary above it. Rendered only while open, so each opening starts afresh.
 */
export function SendAtDialog({
  title,
  summary,
  confirmLabel,
  busyLabel,
  operation,
  venueTimeZone,
  initialAt,
  pending,
  error,
  onConfirm,
  onClose,
}: SendAtDialogProps) {
  const form = useForm<SendAtFormValues>({
    resolver: zodResolver(sendAtFormSchema()),
    defaultValues: { sendAt: instantToLocalInput(initialAt ?? nextFullHour()) },
  });
  const { register, handleSubmit, formState, setFocus } = form;
  const value = useWatch({ control: form.control, name: 'sendAt' });
  const at = localInputToInstant(value);
  const failure = error ? describeScheduleFailure(error, operation) : undefined;
  const showSummary = failure !== undefined && (failure.inSummary.length > 0 || failure.atField.length === 0);
  const clientMessage = formState.errors.sendAt?.message;
  const invalid = clientMessage !== undefined || (failure?.atField.length ?? 0) > 0;

  useEffect(() => {
    // A new failure: the summary takes focus (GOV.UK), or the field when the time is all that is wrong.
    if (!error) return;
    if (showSummary) document.getElementById(SUMMARY_ID)?.focus();
    else setFocus('sendAt');
    // Once per failure, not on every render of it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);

  const submit = handleSubmit(({ sendAt }) => {
    const instant = localInputToInstant(sendAt);
    if (pending || instant === undefined) return;
    onConfirm(new Date(instant).toISOString());
  });

  const yourZone = browserTimeZone();
  const now = useNow();
  const venueKnown = venueTimeZone !== undefined && isKnownTimeZone(venueTimeZone);
  const describedBy = [invalid && ERRORS_ID, YOUR_ZONE_ID, VENUE_ID].filter(Boolean).join(' ');

  return (
    <Dialog
      open
      // Its answer, a failure too, is shown here: closing meanwhile would lose it (and invite a second try).
      onClose={pending ? undefined : onClose}
      aria-labelledby={`${SEND_AT_ID}-title`}
      aria-describedby={`${SEND_AT_ID}-summary`}
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id={`${SEND_AT_ID}-title`}>{title}</DialogTitle>
      <Box
        component="form"
        noValidate
        aria-labelledby={`${SEND_AT_ID}-title`}
        onSubmit={(e) => void submit(e)}
      >
        <DialogContent sx={{ pt: 0 }}>
          {failure && showSummary && (
            <ErrorSummary
              id={SUMMARY_ID}
              focusKey={0}
              title={failure.title}
              advice={failure.advice}
              entries={failure.inSummary}
              debugIdentifier={failure.debugIdentifier}
              linkFor={() => ({ href: `#${SEND_AT_ID}`, label: 'Send at' })}
            />
          )}
          <Typography id={`${SEND_AT_ID}-summary`} component="div" sx={{ mb: 2.5 }}>
            {summary}
          </Typography>
          <TextField
            {...register('sendAt')}
            id={SEND_AT_ID}
            type="datetime-local"
            label="Send at"
            required
            error={invalid}
            sx={{ width: { xs: '100%', sm: 280 } }}
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: { 'aria-describedby': describedBy, step: 60 },
            }}
          />
          {/* The dialog asks one thing: the keyboard starts there. */}
          <OnMount run={() => setFocus('sendAt')} />
          {invalid && (
            <FieldErrors
              id={ERRORS_ID}
              message={clientMessage}
              entries={clientMessage ? [] : (failure?.atField ?? [])}
            />
          )}
          <Typography id={YOUR_ZONE_ID} variant="body2" sx={{ mt: 1.5 }}>
            Your time zone: {yourZone} ({utcOffset(yourZone, at ?? now)})
          </Typography>
          <Typography id={VENUE_ID} variant="body2">
            {!venueKnown
              ? venueTimeZone === undefined
                ? 'The event names no time zone for its venue, so only your own time is shown.'
                : `The event's venue time zone (${venueTimeZone}) is not one this browser knows, so only your own time is shown.`
              : at === undefined
                ? `At the venue (${venueTimeZone}): choose a date and time to see it there.`
                : `At the venue (${venueTimeZone}): ${formatSendAt(at, venueTimeZone)} (${utcOffset(venueTimeZone, at)})`}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <BusyButton
            type="submit"
            variant="contained"
            busy={pending}
            onKeyDown={ignoreKeyRepeat}
            startIcon={pending ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
          >
            {pending ? busyLabel : confirmLabel}
          </BusyButton>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

/**
 * Runs once when mounted inside the dialog's content: the modal mounts its content after the dialog's own render,
 * and its focus trap leaves focus alone when it is already inside.
 */
function OnMount({ run }: { run: () => void }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(run, []);
  return null;
}
