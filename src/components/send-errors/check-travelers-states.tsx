import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { describeRequestError } from '@/components/api-error-text';
import { formatInstant } from '@/components/format';
import { useCheckTravelersStates } from './use-check-travelers-states';

/** Offered after a send whose outcome is unknown: reload the travelers' RSVP states before sending again. */
export function CheckTravelersStates({ eventId }: { eventId: string }) {
  const check = useCheckTravelersStates(eventId);
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button
        variant="outlined"
        color="error"
        onClick={() => check.mutate()}
        disabled={check.isPending}
        aria-busy={check.isPending}
      >
        Check travelers&apos; states
      </Button>
      {/* Always in the DOM: a live region must exist before its text changes to be announced. */}
      <Typography variant="body2" aria-live="polite" sx={{ overflowWrap: 'anywhere' }}>
        {check.isSuccess &&
          `Travelers' states refreshed at ${formatInstant(new Date(check.submittedAt).toISOString())}. Look at their RSVP states in the list before sending again.`}
        {check.isError &&
          `The travelers' states could not be refreshed, so the list may be out of date. ${describeRequestError(check.error)} Check again before sending again.`}
      </Typography>
    </Stack>
  );
}
