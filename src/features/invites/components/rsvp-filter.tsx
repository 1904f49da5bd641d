import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import type { EventRsvpState } from '#contract';
import { formatCount } from '@/components/format';
import { RSVP_STATE_LABELS } from '@/components/labels';
import { FILTER_STATES, rsvpCountsQuery } from '../api/list-travelers';

export type RsvpFilterValue = EventRsvpState | 'ALL';

export interface RsvpFilterProps {
  eventId: string;
  value: RsvpFilterValue;
  onChange: (value: RsvpFilterValue) => void;
  numTravelers: number;
  disabled?: boolean;
}

/**
 * The RSVP counts as filter chips: "Not invited 8,450", "Invited 900", ... Each is a toggle button (a button with
 * `aria-pressed`) that shows only that state in one click; clicking the pressed one again goes back to "All".
 */
export function RsvpFilter({ eventId, value, onChange, numTravelers, disabled }: RsvpFilterProps) {
  // Counts are a nicety: while they load, or if they fail, the chips still filter.
  const counts = useQuery({ ...rsvpCountsQuery(eventId), enabled: !disabled });

  // MUI's Chip, clickable, with the pressed state a toggle button has: the chips are the filter.
  const chip = (chipValue: RsvpFilterValue, text: string, count: number | undefined) => {
    const pressed = value === chipValue;
    return (
      <Chip
        key={chipValue}
        component="button"
        type="button"
        aria-pressed={pressed}
        disabled={disabled}
        onClick={() => onChange(pressed ? 'ALL' : chipValue)}
        color={pressed ? 'primary' : 'default'}
        variant={pressed ? 'filled' : 'outlined'}
        label={
          <>
            {text}
            {count !== undefined && (
              <>
                {' '}
                <Box component="span" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>
                  {formatCount(count)}
                </Box>
              </>
            )}
          </>
        }
        sx={{ fontSize: '0.875rem', fontWeight: pressed ? 600 : 400 }}
      />
    );
  };

  return (
    <Box role="group" aria-label="Filter by RSVP state" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75 }}>
      {chip('ALL', 'All', numTravelers)}
      {FILTER_STATES.map((state) => chip(state, RSVP_STATE_LABELS[state], counts.data?.[state]))}
    </Box>
  );
}
