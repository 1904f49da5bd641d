import { useQuery } from '@tanstack/react-query';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import type { EventRsvpState } from '@/contract/spotnana';
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

/** The RSVP-state filter, one click per state, each with how many travelers are in it. */
export function RsvpFilter({ eventId, value, onChange, numTravelers, disabled }: RsvpFilterProps) {
  // Counts are a nicety: while they load, or if they fail, the buttons still filter.
  const counts = useQuery({ ...rsvpCountsQuery(eventId), enabled: !disabled });
  const label = (text: string, count: number | undefined) =>
    count === undefined ? text : `${text} ${formatCount(count)}`;
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      aria-label="Filter by RSVP state"
      value={value}
      disabled={disabled}
      onChange={(_event, next: RsvpFilterValue | null) => {
        // Clicking the active button again would leave nothing chosen; keep a filter always set.
        if (next) onChange(next);
      }}
      sx={{ flexWrap: 'wrap' }}
    >
      <ToggleButton value="ALL" sx={{ textTransform: 'none' }}>
        {label('All', numTravelers)}
      </ToggleButton>
      {FILTER_STATES.map((state) => (
        <ToggleButton key={state} value={state} sx={{ textTransform: 'none' }}>
          {label(RSVP_STATE_LABELS[state], counts.data?.[state])}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
