import { useState } from 'react';
import { useDebouncedCallback } from 'use-debounce';
import TextField from '@mui/material/TextField';
import { parseLocalDate } from '../utils/local-dates';

/** Typing a year fires a change per digit (0002, 0020, 0202, 2026): wait for the last one before asking. */
const COMMIT_DELAY_MS = 400;

export interface DateFilterFieldProps {
  id: string;
  label: string;
  /** `YYYY-MM-DD`, or '' for none. */
  value: string;
  min?: string;
  max?: string;
  /** Why the value cannot match anything (an end before the start); shown under the field. */
  error?: string;
  onChange: (value: string | undefined) => void;
}

/** A native date field. What is typed shows at once; the filter changes once the typing settles, or on leaving. */
export function DateFilterField({ id, label, value, min, max, error, onChange }: DateFilterFieldProps) {
  const [draft, setDraft] = useState(value);
  // The URL changed from elsewhere (Clear filters, the back button): the field follows it.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const commit = useDebouncedCallback((next: string) => {
    if (next === '') onChange(undefined);
    else if (parseLocalDate(next)) onChange(next);
  }, COMMIT_DELAY_MS);

  return (
    <TextField
      id={id}
      label={label}
      type="date"
      size="small"
      value={draft}
      error={Boolean(error)}
      helperText={error}
      onChange={(event) => {
        setDraft(event.target.value);
        commit(event.target.value);
      }}
      onBlur={() => commit.flush()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit.flush();
      }}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { min, max } }}
      sx={{ width: { xs: '100%', sm: 170 } }}
    />
  );
}
