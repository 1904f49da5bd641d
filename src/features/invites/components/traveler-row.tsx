import { memo, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import { alpha } from '@mui/material/styles';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { RelativeTime } from '@/components/date-time';
import { RSVP_STATE_COLORS, rsvpStateLabel } from '@/components/labels';
import type { Traveler } from '../api/list-travelers';
import type { MappedEntry } from '../utils/map-errors';
import { travelerCheckboxId, travelerRowErrorsId } from '../utils/dom-ids';
import { FieldErrors } from './field-errors';

export interface TravelerRowProps {
  traveler: Traveler;
  /** Position in the loaded list, handed back to the keyboard and focus handlers. */
  index: number;
  checked: boolean;
  disabled: boolean;
  /** 0 for the one row the Tab key lands on (roving tabindex), -1 for the others. */
  tabIndex: 0 | -1;
  errors: readonly MappedEntry[];
  onToggle: (traveler: Traveler, checked: boolean) => void;
  onKeyDown: (index: number, event: KeyboardEvent<HTMLElement>) => void;
  onFocus: (index: number) => void;
}

/** The name to show and to label the checkbox with; the id when the Users API does not know the traveler. */
export function travelerDisplayName(traveler: Pick<Traveler, 'name' | 'userId'>): string {
  return traveler.name ?? `Unknown traveler (${traveler.userId})`;
}

/** One traveler of the picker. Memoized: ticking one box re-renders one row, not the whole visible list. */
export const TravelerRow = memo(function TravelerRow({
  traveler,
  index,
  checked,
  disabled,
  tabIndex,
  errors,
  onToggle,
  onKeyDown,
  onFocus,
}: TravelerRowProps) {
  const checkboxId = travelerCheckboxId(traveler.userId);
  const errorsId = travelerRowErrorsId(traveler.userId);
  const name = travelerDisplayName(traveler);
  const hasErrors = errors.length > 0;
  return (
    <Box
      sx={{
        px: 1,
        py: 0.75,
        borderBottom: 1,
        borderColor: 'divider',
        borderLeft: 4,
        borderLeftColor: hasErrors ? 'error.main' : 'transparent',
        // A light tint, not MUI's grey `action.selected`: the RSVP chips' colours keep their contrast on it.
        bgcolor: (theme) => (checked ? alpha(theme.palette.primary.main, 0.05) : undefined),
        // The keyboard's position in the list must be obvious, not just a faint ripple on the checkbox.
        '&:has(input:focus-visible)': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
        <Checkbox
          id={checkboxId}
          checked={checked}
          disabled={disabled}
          tabIndex={tabIndex}
          onChange={(_event, next) => onToggle(traveler, next)}
          onKeyDown={(event) => onKeyDown(index, event)}
          onFocus={() => onFocus(index)}
          color={hasErrors ? 'error' : 'primary'}
          sx={{ mt: -0.5 }}
          slotProps={{
            input: {
              'aria-label': name,
              'aria-describedby': hasErrors ? errorsId : undefined,
              'aria-invalid': hasErrors || undefined,
            },
          }}
        />
        <Box
          component="label"
          htmlFor={checkboxId}
          sx={{ flex: 1, minWidth: 0, cursor: disabled ? 'default' : 'pointer', pt: 0.25 }}
        >
          <Typography component="span" sx={{ display: 'block', fontWeight: 500, overflowWrap: 'anywhere' }}>
            {name}
          </Typography>
          <Typography
            component="span"
            variant="body2"
            sx={{ display: 'block', color: 'text.secondary', overflowWrap: 'anywhere' }}
          >
            {traveler.email ?? 'No email on file'}
          </Typography>
        </Box>
        <Box sx={{ textAlign: 'right', flexShrink: 0, pt: 0.25 }}>
          <Chip
            size="small"
            variant="outlined"
            color={traveler.rsvpState ? RSVP_STATE_COLORS[traveler.rsvpState] : 'default'}
            label={rsvpStateLabel(traveler.rsvpState)}
          />
          {traveler.invitedAt && (
            <Typography
              component="span"
              variant="caption"
              sx={{ display: 'block', color: 'text.secondary', mt: 0.25 }}
            >
              Invited <RelativeTime value={traveler.invitedAt} />
            </Typography>
          )}
        </Box>
      </Box>
      {hasErrors && (
        <Box sx={{ pl: 5.5, pr: 1 }}>
          <FieldErrors id={errorsId} entries={errors} />
        </Box>
      )}
    </Box>
  );
});
