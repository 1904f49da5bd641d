import TextField from '@mui/material/TextField';
import { EventType } from '@/contract/spotnana';
import { EVENT_TYPE_LABELS } from '@/components/labels';
import type { MappedEntry } from '../utils/map-errors';
import { EVENT_TYPE_ID } from '../utils/dom-ids';
import { FieldErrors } from './field-errors';

export interface EventTypeSelectProps {
  value: EventType;
  onChange: (value: EventType) => void;
  onBlur?: () => void;
  errors: readonly MappedEntry[];
  disabled?: boolean;
}

/**
 * "Event type": the `type` of the send request, starting at the event's own type. A native select: it is
 * labelled, keyboard-operable and described by its errors with no extra wiring, on every browser.
 */
export function EventTypeSelect({ value, onChange, onBlur, errors, disabled }: EventTypeSelectProps) {
  const hasErrors = errors.length > 0;
  return (
    <TextField
      select
      id={EVENT_TYPE_ID}
      label="Event type"
      value={value}
      disabled={disabled}
      onChange={(event) => {
        const parsed = EventType.safeParse(event.target.value);
        if (parsed.success) onChange(parsed.data);
      }}
      onBlur={onBlur}
      error={hasErrors}
      helperText={hasErrors ? <FieldErrors id={`${EVENT_TYPE_ID}-errors`} entries={errors} /> : undefined}
      // A fixed width: long error messages wrap under the field instead of stretching it across the form.
      sx={{ width: { xs: '100%', sm: 320 }, flexShrink: 0 }}
      slotProps={{
        select: { native: true },
        inputLabel: { shrink: true },
        // A list of errors is not phrasing content: the helper text must be a div, not a p.
        formHelperText: { component: 'div', sx: { mx: 0 } },
      }}
    >
      {EventType.options.map((type) => (
        <option key={type} value={type}>
          {EVENT_TYPE_LABELS[type]}
        </option>
      ))}
    </TextField>
  );
}
