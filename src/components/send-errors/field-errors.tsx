import Box from '@mui/material/Box';
import type { MappedEntry } from './map-errors';
import { ErrorEntryText } from './error-entry';

export interface FieldErrorsProps {
  /** Referenced by the field's `aria-describedby`. */
  id: string;
  entries: readonly MappedEntry[];
  /** A message of the console's own (client-side validation), shown before the API's entries. */
  message?: string;
}

/** The errors of one field, next to it: what its `aria-describedby` points at. Renders nothing without errors. */
export function FieldErrors({ id, entries, message }: FieldErrorsProps) {
  if (entries.length === 0 && !message) return null;
  return (
    <Box
      component="ul"
      id={id}
      sx={{ m: 0, mt: 0.75, pl: 0, listStyle: 'none', color: 'error.main', typography: 'body2', minWidth: 0 }}
    >
      {message && (
        <Box component="li" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {message}
        </Box>
      )}
      {entries.map((entry) => (
        <Box component="li" key={entry.index} sx={{ '& + &': { mt: 0.5 }, fontWeight: 500 }}>
          <ErrorEntryText error={entry.error} />
        </Box>
      ))}
    </Box>
  );
}
