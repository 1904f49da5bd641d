import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useDebounce } from 'use-debounce';
import { useTypedBeforeHydration } from '@/components/use-typed-before-hydration';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import InputAdornment from '@mui/material/InputAdornment';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import { formatQuantity } from '@/components/format';
import type { SelectedTraveler } from '@/types/selected-traveler';
import type { MappedEntry } from '@/components/send-errors/map-errors';
import { PICKER_ERRORS_ID, PICKER_ID, SEARCH_ID } from '@/components/send-errors/field-ids';
import { FieldErrors } from '@/components/send-errors/field-errors';
import type { TravelerFilters } from '../api/traveler-keys';
import { useTravelerPages } from '../hooks/use-traveler-pages';
import { SEARCH_DEBOUNCE_MS } from '../utils/search-debounce';
import { RsvpFilter, type RsvpFilterValue, type RsvpStateCounts } from './rsvp-filter';
import { SelectionToolbar } from './selection-toolbar';
import { TravelerResults } from './traveler-results';

export interface TravelerPickerProps {
  eventId: string;
  companyId?: string;
  travelerCount: number;
  /** The event's RSVP counts for the filter chips; the event page owns their query (the header shows them too). */
  rsvpCounts?: RsvpStateCounts;
  disabled: boolean;
  selectedIds: ReadonlySet<string>;
  onToggle: (traveler: SelectedTraveler, checked: boolean) => void;
  /** Adds many travelers at once ("Select all N matching", "Paste a list"). */
  onSelectMany: (travelers: SelectedTraveler[]) => void;
  onClearSelection: () => void;
  travelerErrors: ReadonlyMap<string, readonly MappedEntry[]>;
  /** Errors about the traveler list as a whole (`userIds`). */
  pickerErrors: readonly MappedEntry[];
  /** The console's own message when nothing is chosen. */
  validationMessage?: string;
  /** The first rows are on screen (see TravelerResults). */
  onFirstRowsShown?: () => void;
}

/**
 * The traveler picker: a server-side search and RSVP filter over `travelers-list`, paged 100 at a time as the
 * list scrolls, and virtualized so the DOM holds a few dozen rows whether the event has 25 travelers or 10,000.
 *
 * Keyboard: Tab lands on one row's checkbox (roving tabindex), arrow keys, Page Up/Down, Home and End move
 * between rows, Space toggles.
 */
export function TravelerPicker({
  eventId,
  companyId,
  travelerCount,
  rsvpCounts,
  disabled,
  selectedIds,
  onToggle,
  onSelectMany,
  onClearSelection,
  travelerErrors,
  pickerErrors,
  validationMessage,
  onFirstRowsShown,
}: TravelerPickerProps) {
  const [search, setSearch] = useState('');
  const searchInput = useRef<HTMLInputElement>(null);
  useTypedBeforeHydration(searchInput, search, setSearch);
  const [debouncedSearch] = useDebounce(search.trim(), SEARCH_DEBOUNCE_MS);
  const [rsvp, setRsvp] = useState<RsvpFilterValue>('ALL');
  const filters = useMemo<TravelerFilters>(
    () => ({ search: debouncedSearch, states: rsvp === 'ALL' ? [] : [rsvp] }),
    [debouncedSearch, rsvp],
  );
  const pages = useTravelerPages(eventId, companyId, filters);
  const { total } = pages;

  // Read on click by "Select all", so it must not change identity with every page; it reads the latest rows.
  const latestRows = useRef(pages.rows);
  useLayoutEffect(() => {
    latestRows.current = pages.rows;
  });
  const loadedTravelers = useCallback(() => new Map(latestRows.current.map((row) => [row.userId, row])), []);

  const hasListErrors = pickerErrors.length > 0 || Boolean(validationMessage);
  const describedBy = hasListErrors ? PICKER_ERRORS_ID : undefined;
  const countText =
    total === undefined
      ? ''
      : filters.search || filters.states.length > 0
        ? `${formatQuantity(total, 'traveler')} ${total === 1 ? 'matches' : 'match'}`
        : `${formatQuantity(total, 'traveler')} in this event`;

  return (
    <Box
      id={PICKER_ID}
      role="group"
      aria-labelledby={`${PICKER_ID}-heading`}
      aria-describedby={describedBy}
      tabIndex={-1}
      sx={{ minWidth: 0, outline: 'none' }}
    >
      <Typography id={`${PICKER_ID}-heading`} variant="h3" sx={{ mb: 1 }}>
        Choose travelers
      </Typography>
      <Stack spacing={1.5}>
        {/* The parts of a TextField without its select machinery (menus, popovers), which this page never needs. */}
        <FormControl size="small" fullWidth disabled={disabled} error={hasListErrors}>
          <InputLabel htmlFor={SEARCH_ID}>Search travelers</InputLabel>
          <OutlinedInput
            id={SEARCH_ID}
            label="Search travelers"
            type="search"
            value={search}
            inputRef={searchInput}
            onChange={(event) => setSearch(event.target.value)}
            onKeyDown={(event) => {
              // The search is live: Enter must not submit the invite form.
              if (event.key === 'Enter') event.preventDefault();
            }}
            autoComplete="off"
            startAdornment={
              <InputAdornment position="start">
                <SearchIcon fontSize="small" aria-hidden />
              </InputAdornment>
            }
            slotProps={{ input: { 'aria-describedby': describedBy, 'aria-controls': `${PICKER_ID}-list` } }}
          />
        </FormControl>
        <RsvpFilter
          value={rsvp}
          onChange={setRsvp}
          travelerCount={travelerCount}
          counts={rsvpCounts}
          disabled={disabled}
        />
        <Typography variant="body2" aria-live="polite" sx={{ color: 'text.secondary', minHeight: '1.5em' }}>
          {countText}
        </Typography>
        <SelectionToolbar
          eventId={eventId}
          companyId={companyId}
          filters={filters}
          // A new search shows the old results until its own arrive: no count until then, never a stale one.
          total={pages.query.isPlaceholderData ? undefined : total}
          selectedCount={selectedIds.size}
          disabled={disabled}
          loadedTravelers={loadedTravelers}
          onSelectMany={onSelectMany}
          onClear={onClearSelection}
        />
      </Stack>
      <TravelerResults
        id={`${PICKER_ID}-list`}
        pages={pages}
        filters={filters}
        disabled={disabled}
        hasListErrors={hasListErrors}
        describedBy={describedBy}
        selectedIds={selectedIds}
        travelerErrors={travelerErrors}
        onToggle={onToggle}
        onFirstRowsShown={onFirstRowsShown}
      />
      <FieldErrors id={PICKER_ERRORS_ID} entries={pickerErrors} message={validationMessage} />
    </Box>
  );
}
