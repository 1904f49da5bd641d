import clsx from 'clsx';
import { memo, type KeyboardEvent } from 'react';
import Chip from '@mui/material/Chip';
import { alpha, styled } from '@mui/material/styles';
import { RelativeTime } from '@/components/date-time';
import { RSVP_STATE_COLORS, rsvpStateLabel } from '@/components/labels';
import type { MappedEntry } from '@/components/send-errors/map-errors';
import { travelerCheckboxId, travelerRowErrorsId } from '@/components/send-errors/field-ids';
import { FieldErrors } from '@/components/send-errors/field-errors';
import type { Traveler } from '../api/list-travelers';

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

/**
 * The picker's list. Rows are plain elements styled here, once for the whole list: a virtualized list mounts new
 * rows on every scroll step, and per-row MUI components (a Checkbox is a ButtonBase with a ripple, each Box and
 * Typography its own style pass) made each step, and the first render, cost far more than the markup itself.
 */
export const TravelerList = styled('ul')(({ theme }) => ({
  position: 'relative',
  margin: 0,
  padding: 0,
  listStyle: 'none',
  // The virtualizer places each item itself (a transform; see `directDomUpdates` in the picker).
  '& > li': { position: 'absolute', top: 0, left: 0, width: '100%' },
  '&[data-unplaced] > li': { position: 'static' },
  '& .traveler-row': {
    padding: theme.spacing(0.75, 1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    borderLeft: '4px solid transparent',
    // The keyboard's position in the list must be obvious, not just the checkbox's own focus ring.
    '&:has(input:focus-visible)': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 },
  },
  // A light tint, not MUI's grey `action.selected`: the RSVP chips' colours keep their contrast on it.
  '& .traveler-row--checked': { backgroundColor: alpha(theme.palette.primary.main, 0.05) },
  '& .traveler-row--invalid': { borderLeftColor: theme.palette.error.main },
  '& .traveler-row__main': { display: 'flex', alignItems: 'flex-start', gap: theme.spacing(1.5) },
  '& .traveler-row__checkbox': {
    width: 18,
    height: 18,
    flexShrink: 0,
    margin: theme.spacing(0.5, 0, 0, 0.75),
    accentColor: theme.palette.primary.main,
    cursor: 'pointer',
    '&:disabled': { cursor: 'default' },
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
  },
  '& .traveler-row--invalid .traveler-row__checkbox': { accentColor: theme.palette.error.main },
  '& .traveler-row__label': { flex: 1, minWidth: 0, cursor: 'pointer', paddingTop: 2 },
  '& .traveler-row__label--disabled': { cursor: 'default' },
  '& .traveler-row__name': {
    ...theme.typography.body1,
    display: 'block',
    fontWeight: 500,
    overflowWrap: 'anywhere',
  },
  '& .traveler-row__email, & .traveler-row__invited': {
    display: 'block',
    color: theme.palette.text.secondary,
  },
  '& .traveler-row__email': { ...theme.typography.body2, overflowWrap: 'anywhere' },
  '& .traveler-row__state': { textAlign: 'right', flexShrink: 0, paddingTop: 2 },
  '& .traveler-row__invited': { ...theme.typography.caption, marginTop: 2 },
  '& .traveler-row__errors': { paddingLeft: 38, paddingRight: theme.spacing(1) },
}));

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
    <div
      className={clsx(
        'traveler-row',
        checked && 'traveler-row--checked',
        hasErrors && 'traveler-row--invalid',
      )}
    >
      <div className="traveler-row__main">
        <input
          type="checkbox"
          className="traveler-row__checkbox"
          id={checkboxId}
          checked={checked}
          disabled={disabled}
          tabIndex={tabIndex}
          onChange={(event) => onToggle(traveler, event.target.checked)}
          onKeyDown={(event) => onKeyDown(index, event)}
          onFocus={() => onFocus(index)}
          aria-label={name}
          aria-describedby={hasErrors ? errorsId : undefined}
          aria-invalid={hasErrors || undefined}
        />
        <label
          htmlFor={checkboxId}
          className={disabled ? 'traveler-row__label traveler-row__label--disabled' : 'traveler-row__label'}
        >
          <span className="traveler-row__name">{name}</span>
          <span className="traveler-row__email">{traveler.email ?? 'No email on file'}</span>
        </label>
        <div className="traveler-row__state">
          <Chip
            size="small"
            variant="outlined"
            color={traveler.rsvpState ? RSVP_STATE_COLORS[traveler.rsvpState] : 'default'}
            label={rsvpStateLabel(traveler.rsvpState)}
          />
          {traveler.invitedAt && (
            <span className="traveler-row__invited">
              Invited <RelativeTime value={traveler.invitedAt} />
            </span>
          )}
        </div>
      </div>
      {hasErrors && (
        <div className="traveler-row__errors">
          <FieldErrors id={errorsId} entries={errors} />
        </div>
      )}
    </div>
  );
});
