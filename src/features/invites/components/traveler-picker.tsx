import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDebounce } from 'use-debounce';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import FormControl from '@mui/material/FormControl';
import InputAdornment from '@mui/material/InputAdornment';
import InputLabel from '@mui/material/InputLabel';
import LinearProgress from '@mui/material/LinearProgress';
import OutlinedInput from '@mui/material/OutlinedInput';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import { describeRequestError } from '@/components/api-error-text';
import { formatQuantity } from '@/components/format';
import { travelersInfiniteQuery, type Traveler } from '../api/list-travelers';
import type { SelectedTraveler } from '../utils/invite-form-schema';
import type { MappedEntry } from '../utils/map-errors';
import { PICKER_ERRORS_ID, PICKER_ID, SEARCH_ID, travelerCheckboxId } from '../utils/dom-ids';
import { SEARCH_DEBOUNCE_MS } from '../utils/search-debounce';
import { FieldErrors } from './field-errors';
import { RsvpFilter, type RsvpFilterValue } from './rsvp-filter';
import { SelectionToolbar } from './selection-toolbar';
import { TravelerList, TravelerRow } from './traveler-row';

const ROW_ESTIMATE_PX = 64;
const LIST_HEIGHT_PX = 440;
const OVERSCAN_ROWS = 6;
/** Ask for the next page while this many loaded rows are still below the viewport. */
const PREFETCH_ROWS = 40;
const PAGE_JUMP_ROWS = 10;

export interface TravelerPickerProps {
  eventId: string;
  companyId?: string;
  numTravelers: number;
  disabled: boolean;
  selectedIds: ReadonlySet<string>;
  onToggle: (traveler: Traveler, checked: boolean) => void;
  /** Adds many travelers at once ("Select all N matching", "Paste a list"). */
  onSelectMany: (travelers: SelectedTraveler[]) => void;
  onClearSelection: () => void;
  travelerErrors: ReadonlyMap<string, readonly MappedEntry[]>;
  /** Errors about the traveler list as a whole (`userIds`). */
  pickerErrors: readonly MappedEntry[];
  /** The console's own message when nothing is chosen. */
  validationMessage?: string;
}

const NO_ERRORS: readonly MappedEntry[] = [];

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
  numTravelers,
  disabled,
  selectedIds,
  onToggle,
  onSelectMany,
  onClearSelection,
  travelerErrors,
  pickerErrors,
  validationMessage,
}: TravelerPickerProps) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebounce(search.trim(), SEARCH_DEBOUNCE_MS);
  const [rsvp, setRsvp] = useState<RsvpFilterValue>('ALL');
  const filters = useMemo(
    () => ({ search: debouncedSearch, states: rsvp === 'ALL' ? [] : [rsvp] }),
    [debouncedSearch, rsvp],
  );

  const query = useInfiniteQuery({
    ...travelersInfiniteQuery(eventId, companyId, filters),
    // Keep showing the previous results while a new search loads, instead of flashing an empty list.
    placeholderData: keepPreviousData,
  });
  const { fetchNextPage, hasNextPage, isFetchingNextPage, isPlaceholderData } = query;
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.travelers) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total;
  const showLoaderRow = hasNextPage || query.isFetchNextPageError;

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's API is built around a mutable instance
  const virtualizer = useVirtualizer({
    count: rows.length + (showLoaderRow ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    // The list's height is fixed: knowing it up front puts the first rows in the very first render, instead of
    // after a measuring pass.
    initialRect: { width: 0, height: LIST_HEIGHT_PX },
    overscan: OVERSCAN_ROWS,
    getItemKey: (index) => rows[index]?.userId ?? '__loader__',
    // Row positions and the list's height are written straight to the DOM; React re-renders only when the set of
    // rendered rows changes. Measuring a row or scrolling within the rendered range costs no render (and no new
    // CSS class for each new height), which is what keeps a 10,000-row list smooth.
    directDomUpdates: true,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const lastRenderedIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (!hasNextPage || isFetchingNextPage || isPlaceholderData || query.isFetchNextPageError) return;
    if (lastRenderedIndex >= rows.length - PREFETCH_ROWS) void fetchNextPage();
  }, [
    hasNextPage,
    isFetchingNextPage,
    isPlaceholderData,
    query.isFetchNextPageError,
    lastRenderedIndex,
    rows.length,
    fetchNextPage,
  ]);

  // A new search or filter starts at the top of its results.
  const [activeIndex, setActiveIndex] = useState(0);
  const [shownFilters, setShownFilters] = useState(filters);
  if (shownFilters !== filters) {
    setShownFilters(filters);
    setActiveIndex(0);
  }
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [filters]);

  // Roving tabindex: the active row is the Tab stop; when it has scrolled out of the DOM, the first rendered row is.
  const renderedRows = items.filter((item) => item.index < rows.length);
  const tabStop = renderedRows.some((item) => item.index === activeIndex)
    ? activeIndex
    : (renderedRows[0]?.index ?? 0);
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const row = rows[pendingFocus.current];
    const element = row && document.getElementById(travelerCheckboxId(row.userId));
    if (element) {
      element.focus();
      pendingFocus.current = null;
    }
  });

  // Rows are memoized, so the handlers they get must keep their identity; they read the latest props via refs.
  const latest = useRef({ onToggle, moveTo, rows });
  useLayoutEffect(() => {
    latest.current = { onToggle, moveTo, rows };
  });
  const loadedTravelers = useCallback(() => new Map(latest.current.rows.map((row) => [row.userId, row])), []);
  const handleToggle = useCallback(
    (traveler: Traveler, checked: boolean) => latest.current.onToggle(traveler, checked),
    [],
  );
  const handleFocus = useCallback((index: number) => setActiveIndex(index), []);
  const handleKeyDown = useCallback((index: number, event: KeyboardEvent<HTMLElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_JUMP_ROWS,
      PageUp: index - PAGE_JUMP_ROWS,
      Home: 0,
      End: Number.MAX_SAFE_INTEGER,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    latest.current.moveTo(target);
  }, []);

  function moveTo(index: number) {
    if (rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // A row within the overscan is already in the DOM; one further away gets focus once it has rendered.
    const element = document.getElementById(travelerCheckboxId(rows[next]!.userId));
    if (element) element.focus();
    else pendingFocus.current = next;
  }

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
          eventId={eventId}
          value={rsvp}
          onChange={setRsvp}
          numTravelers={numTravelers}
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
          total={isPlaceholderData ? undefined : total}
          selectedCount={selectedIds.size}
          disabled={disabled}
          loadedTravelers={loadedTravelers}
          onSelectMany={onSelectMany}
          onClear={onClearSelection}
        />
      </Stack>

      <Box
        sx={{
          position: 'relative',
          border: 1,
          borderColor: hasListErrors ? 'error.main' : 'divider',
          borderRadius: 1,
          mt: 0.5,
        }}
      >
        {/* No dimming: the list must stay readable (and pass contrast checks) while it is not in use. */}
        {disabled && (
          <Alert role="note" severity="info" sx={{ borderRadius: 0 }}>
            Everyone is invited. Switch off &quot;Invite all travelers&quot; to choose travelers.
          </Alert>
        )}
        {query.isFetching && !isFetchingNextPage && (
          <LinearProgress
            aria-label="Loading travelers"
            sx={{ position: 'absolute', top: 0, left: 0, right: 0, zIndex: 1 }}
          />
        )}
        {query.isError && !query.isFetchNextPageError && rows.length > 0 && (
          <Alert
            severity="warning"
            sx={{ borderRadius: 0, overflowWrap: 'anywhere' }}
            action={
              <Button color="inherit" size="small" onClick={() => void query.refetch()}>
                Try again
              </Button>
            }
          >
            The list could not be refreshed, so states may be out of date. {describeRequestError(query.error)}
          </Alert>
        )}
        <Box
          ref={scrollRef}
          // With every checkbox disabled the list has nothing to Tab to; it must still scroll by keyboard.
          tabIndex={disabled ? 0 : undefined}
          sx={{ height: LIST_HEIGHT_PX, overflowY: 'auto', overflowX: 'hidden' }}
        >
          {query.isPending ? (
            <Stack direction="row" spacing={1.5} sx={{ p: 2, alignItems: 'center' }}>
              <CircularProgress size={20} aria-hidden />
              <Typography>Loading travelers…</Typography>
            </Stack>
          ) : query.isError && rows.length === 0 ? (
            <Alert
              severity="error"
              sx={{ m: 1, overflowWrap: 'anywhere' }}
              action={
                <Button color="inherit" size="small" onClick={() => void query.refetch()}>
                  Try again
                </Button>
              }
            >
              The travelers could not be loaded. {describeRequestError(query.error)}
            </Alert>
          ) : rows.length === 0 ? (
            <Typography sx={{ p: 2, color: 'text.secondary', overflowWrap: 'anywhere' }}>
              {filters.search ? `No travelers match “${filters.search}”.` : 'No travelers to show.'}
            </Typography>
          ) : (
            <TravelerList
              id={`${PICKER_ID}-list`}
              aria-label="Travelers"
              aria-describedby={describedBy}
              ref={virtualizer.containerRef}
            >
              {items.map((item) => {
                const traveler = rows[item.index];
                return (
                  <li
                    key={item.key}
                    data-index={item.index}
                    ref={virtualizer.measureElement}
                    aria-setsize={total}
                    aria-posinset={item.index + 1}
                  >
                    {traveler ? (
                      <TravelerRow
                        traveler={traveler}
                        index={item.index}
                        checked={selectedIds.has(traveler.userId)}
                        disabled={disabled}
                        tabIndex={item.index === tabStop ? 0 : -1}
                        errors={travelerErrors.get(traveler.userId) ?? NO_ERRORS}
                        onToggle={handleToggle}
                        onKeyDown={handleKeyDown}
                        onFocus={handleFocus}
                      />
                    ) : (
                      <LoaderRow failed={query.isFetchNextPageError} onRetry={() => void fetchNextPage()} />
                    )}
                  </li>
                );
              })}
            </TravelerList>
          )}
        </Box>
      </Box>
      <FieldErrors id={PICKER_ERRORS_ID} entries={pickerErrors} message={validationMessage} />
    </Box>
  );
}

function LoaderRow({ failed, onRetry }: { failed: boolean; onRetry: () => void }) {
  return (
    <Stack
      direction="row"
      spacing={1.5}
      sx={{ px: 2, py: 2, alignItems: 'center', minHeight: ROW_ESTIMATE_PX }}
    >
      {failed ? (
        <>
          <Typography variant="body2" sx={{ color: 'error.main' }}>
            More travelers could not be loaded.
          </Typography>
          <Button size="small" onClick={onRetry}>
            Try again
          </Button>
        </>
      ) : (
        <>
          <CircularProgress size={18} aria-hidden />
          <Typography variant="body2">Loading more travelers…</Typography>
        </>
      )}
    </Stack>
  );
}
