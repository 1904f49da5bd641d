import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import NativeSelect from '@mui/material/NativeSelect';
import OutlinedInput from '@mui/material/OutlinedInput';
import { EventType } from '#contract';
import { EVENT_TYPE_LABELS } from '@/components/labels';
import type { MappedEntry } from '@/components/send-errors/map-errors';
import { EVENT_TYPE_ID } from '@/components/send-errors/field-ids';
import { FieldErrors } from '@/components/send-errors/field-errors';

export interface EventTypeSelectProps {
  value: EventType;
  onChange: (value: EventType) => void;
  onBlur?: () => void;
  errors: readonly MappedEntry[];
  disabled?: boolean;
}

const HELPER_ID = `${EVENT_TYPE_ID}-helper-text`;

/**
 * "Event type": the `type` of the send request, starting at the event's own type. A native select: it is
 * labelled, keyboard-operable and described by its errors with no extra wiring, on every browser. Built from
 * TextField's parts rather than TextField itself, whose `select` support brings MUI's menu and popover code
 * into the page's first load.
 */
export function EventTypeSelect({ value, onChange, onBlur, errors, disabled }: EventTypeSelectProps) {
  const hasErrors = errors.length > 0;
  return (
    <FormControl
      error={hasErrors}
      disabled={disabled}
      // A fixed width: long error messages wrap under the field instead of stretching it across the form.
      sx={{ width: { xs: '100%', sm: 320 }, flexShrink: 0 }}
    >
      <InputLabel htmlFor={EVENT_TYPE_ID} shrink>
        Event type
      </InputLabel>
      <NativeSelect
        id={EVENT_TYPE_ID}
        value={value}
        onChange={(event) => {
          const parsed = EventType.safeParse(event.target.value);
          if (parsed.success) onChange(parsed.data);
        }}
        onBlur={onBlur}
        input={<OutlinedInput label="Event type" notched />}
        inputProps={{ 'aria-describedby': hasErrors ? HELPER_ID : undefined }}
      >
        {EventType.options.map((type) => (
          <option key={type} value={type}>
            {EVENT_TYPE_LABELS[type]}
          </option>
        ))}
      </NativeSelect>
      {hasErrors && (
        // A list of errors is not phrasing content: the helper text must be a div, not a p.
        <FormHelperText id={HELPER_ID} component="div" sx={{ mx: 0 }}>
          <FieldErrors id={`${EVENT_TYPE_ID}-errors`} entries={errors} />
        </FormHelperText>
      )}
    </FormControl>
  );
}
