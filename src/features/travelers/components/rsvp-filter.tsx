import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import type { EventRsvpState } from '#contract';
import { formatCount } from '@/components/format';
import { RSVP_STATE_LABELS } from '@/components/labels';

export type RsvpFilterValue = EventRsvpState | 'ALL';

/** How many of the event's travelers are in each RSVP state; the event page fetches them for its header. */
export type RsvpStateCounts = Readonly<Partial<Record<EventRsvpState, number>>>;

/** The RSVP states the picker can filter by, in the order a manager works through them. */
const FILTER_STATES = [
  'ADDED',
  'INVITED',
  'INVITE_ACCEPTED',
  'INVITE_DECLINED',
] as const satisfies readonly EventRsvpState[];

export interface RsvpFilterProps {
  value: RsvpFilterValue;
  onChange: (value: RsvpFilterValue) => void;
  travelerCount: number;
  /** Undefined while they load or when they could not be: the chips filter all the same, without numbers. */
  counts?: RsvpStateCounts;
  disabled?: boolean;
}

/**
 * The RSVP counts as filter chips: "Not invited 8,450", "Invited 900", ... Each is a toggle button (a button with
 * `aria-pressed`) that shows only that state in one click; clicking the pressed one again goes back to "All".
 */
export function RsvpFilter({ value, onChange, travelerCount, counts, disabled }: RsvpFilterProps) {
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
      {chip('ALL', 'All', travelerCount)}
      {FILTER_STATES.map((state) => chip(state, RSVP_STATE_LABELS[state], counts?.[state]))}
    </Box>
  );
}
