import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import NativeSelect from '@mui/material/NativeSelect';
import OutlinedInput from '@mui/material/OutlinedInput';

export interface FilterSelectOption {
  value: string;
  label: string;
}

export interface FilterSelectProps {
  id: string;
  label: string;
  /** '' for the "any" choice. */
  value: string;
  /** What '' means: "All events", "Everyone", "Any outcome"; without it, one of the options is always chosen. */
  anyLabel?: string;
  options: readonly FilterSelectOption[];
  onChange: (value: string | undefined) => void;
}

/**
 * One filter as a native select: labelled, keyboard-operable and announced with no extra wiring. A value the
 * options do not hold (one from a shared link that the options no longer offer) still shows, as itself.
 */
export function FilterSelect({ id, label, value, anyLabel, options, onChange }: FilterSelectProps) {
  const known = (anyLabel !== undefined && value === '') || options.some((option) => option.value === value);
  return (
    <FormControl sx={{ width: { xs: '100%', sm: 220 } }}>
      <InputLabel htmlFor={id} shrink>
        {label}
      </InputLabel>
      <NativeSelect
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value || undefined)}
        input={<OutlinedInput label={label} notched size="small" />}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {!known && <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </FormControl>
  );
}
