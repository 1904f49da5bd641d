import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { EventRsvpState } from '#contract';
import { describeRequestError } from '@/components/api-error-text';
import { formatCount } from '@/components/format';
import { RSVP_STATES_IN_ORDER, RSVP_STATE_LABELS } from '@/components/labels';
import { getRsvpCountsQueryOptions, type RsvpCounts } from '../api/get-rsvp-counts';

/** Swatch colours for the bar; each state also has its label and number, so colour never carries meaning alone. */
const SWATCH: Readonly<Record<EventRsvpState, string>> = {
  ADDED: 'grey.400',
  INVITED: 'info.main',
  INVITE_ACCEPTED: 'success.main',
  INVITE_DECLINED: 'error.main',
  REMOVED: 'warning.main',
};

/** Removed travelers are no longer part of the event: only worth a figure when there are some. */
function visibleStates(counts: RsvpCounts | undefined): EventRsvpState[] {
  return RSVP_STATES_IN_ORDER.filter((state) => state !== 'REMOVED' || (counts?.REMOVED ?? 0) > 0);
}

function DistributionBar({ counts }: { counts: RsvpCounts }) {
  const states = visibleStates(counts);
  const total = states.reduce((sum, state) => sum + counts[state], 0);
  if (total === 0) return null;
  return (
    <Box
      aria-hidden
      sx={{ display: 'flex', height: 8, borderRadius: 4, overflow: 'hidden', bgcolor: 'grey.200' }}
    >
      {states.map((state) =>
        counts[state] > 0 ? (
          <Box
            key={state}
            sx={{ flexGrow: counts[state], flexBasis: 0, bgcolor: SWATCH[state], minWidth: 3 }}
          />
        ) : null,
      )}
    </Box>
  );
}

const HEADING_ID = 'rsvp-summary-heading';

/**
 * How many of the event's travelers are in each RSVP state: "Not invited 4,210 · Invited 3,100 · ...". A
 * description list, so a screen reader reads each number with its state.
 */
export function RsvpSummary({ eventId }: { eventId: string }) {
  const query = useQuery(getRsvpCountsQueryOptions(eventId));

  return (
    <Box component="section" aria-labelledby={HEADING_ID} aria-busy={query.isPending}>
      <Typography id={HEADING_ID} variant="h2" sx={{ fontSize: '0.95rem', mb: 1 }}>
        RSVP status
      </Typography>
      {query.isError ? (
        <Alert
          severity="error"
          variant="outlined"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => void query.refetch()}
              disabled={query.isFetching}
            >
              Retry
            </Button>
          }
        >
          Could not count the travelers by RSVP state. {describeRequestError(query.error)}
        </Alert>
      ) : (
        <>
          <Box
            component="dl"
            sx={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(132px, 1fr))',
              gap: 1.5,
              m: 0,
              mb: 1.5,
            }}
          >
            {visibleStates(query.data).map((state) => (
              <Box
                key={state}
                sx={{
                  border: 1,
                  borderColor: 'divider',
                  borderRadius: 1,
                  px: 1.5,
                  py: 1,
                  display: 'flex',
                  flexDirection: 'column-reverse',
                }}
              >
                <Box
                  component="dt"
                  sx={{
                    display: 'flex',
                    alignItems: 'center',
                    gap: 0.75,
                    color: 'text.secondary',
                    fontSize: '0.85rem',
                  }}
                >
                  <Box
                    aria-hidden
                    sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: SWATCH[state], flexShrink: 0 }}
                  />
                  {RSVP_STATE_LABELS[state]}
                </Box>
                <Box
                  component="dd"
                  sx={{ m: 0, fontSize: '1.35rem', fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}
                >
                  {query.data ? formatCount(query.data[state]) : <Skeleton width={48} aria-hidden />}
                </Box>
              </Box>
            ))}
          </Box>
          {query.data && <DistributionBar counts={query.data} />}
        </>
      )}
    </Box>
  );
}
