import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { describeRequestError } from '@/components/api-error-text';
import { useHydrated } from '@/components/use-hydrated';
import type { MappedEntry } from '@/components/send-errors/map-errors';
import { travelerCheckboxId } from '@/components/send-errors/field-ids';
import type { SelectedTraveler } from '@/types/selected-traveler';
import type { TravelerFilters } from '../api/traveler-keys';
import type { Traveler } from '../api/list-travelers';
import { useRovingFocus } from '../hooks/use-roving-focus';
import { usePrefetchNextPage, type TravelerPages } from '../hooks/use-traveler-pages';
import { LIST_HEIGHT_PX, ROW_ESTIMATE_PX, useVirtualRows } from '../hooks/use-virtual-rows';
import { TravelerList, TravelerRow, travelerDisplayName } from './traveler-row';

const NO_ERRORS: readonly MappedEntry[] = [];

export interface TravelerResultsProps {
  id: string;
  pages: TravelerPages;
  /** The filters the pages are for: a change scrolls back to the top and makes the first row active. */
  filters: TravelerFilters;
  disabled: boolean;
  /** Errors about the list as a whole: a red border and the description of the list. */
  hasListErrors: boolean;
  describedBy?: string;
  selectedIds: ReadonlySet<string>;
  travelerErrors: ReadonlyMap<string, readonly MappedEntry[]>;
  /** A row's checkbox: the traveler as the selection keeps them. */
  onToggle: (traveler: SelectedTraveler, checked: boolean) => void;
  /** Called once, after the first rows are painted (or the list settled empty or failed): the page's goal is met. */
  onFirstRowsShown?: () => void;
}

/**
 * The picker's list of travelers, virtualized, with its loading, empty and error states, and a loader row at
 * the end that asks for the next page (or offers to retry one that failed).
 */
export function TravelerResults({
  id,
  pages,
  filters,
  disabled,
  hasListErrors,
  describedBy,
  selectedIds,
  travelerErrors,
  onToggle,
  onFirstRowsShown,
}: TravelerResultsProps) {
  const { query, rows, total, hasLoaderRow } = pages;
  const hydrated = useHydrated();
  const { scrollRef, items, containerRef, measureElement, scrollToIndex } = useVirtualRows({
    count: rows.length + (hasLoaderRow ? 1 : 0),
    keyAt: (index) => rows[index]?.userId ?? '__loader__',
    resetKey: filters,
  });
  usePrefetchNextPage(pages, items.at(-1)?.index ?? -1);
  useFirstRowsShown(
    items.length > 0 || query.isError || (query.isSuccess && rows.length === 0),
    onFirstRowsShown,
  );
  const focus = useRovingFocus({
    count: rows.length,
    renderedIndexes: items.filter((item) => item.index < rows.length).map((item) => item.index),
    elementIdAt: (index) => {
      const row = rows[index];
      return row && travelerCheckboxId(row.userId);
    },
    scrollToIndex,
    resetKey: filters,
  });

  // Rows are memoized, so the handler they get must keep its identity; it calls the latest `onToggle`.
  const latestOnToggle = useRef(onToggle);
  useLayoutEffect(() => {
    latestOnToggle.current = onToggle;
  });
  const handleToggle = useCallback(
    (traveler: Traveler, checked: boolean) =>
      latestOnToggle.current(
        { id: traveler.userId, name: travelerDisplayName(traveler), email: traveler.email },
        checked,
      ),
    [],
  );
  const retry = (
    <Button color="inherit" size="small" onClick={() => void query.refetch()}>
      Try again
    </Button>
  );

  return (
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
      {query.isFetching && !query.isFetchingNextPage && (
        <LinearProgress
          aria-label="Loading travelers"
          sx={{ position: 'absolute', top: 0, left: 0, right: 0, zIndex: 1 }}
        />
      )}
      {query.isError && !query.isFetchNextPageError && rows.length > 0 && (
        <Alert severity="warning" sx={{ borderRadius: 0, overflowWrap: 'anywhere' }} action={retry}>
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
          <Alert severity="error" sx={{ m: 1, overflowWrap: 'anywhere' }} action={retry}>
            The travelers could not be loaded. {describeRequestError(query.error)}
          </Alert>
        ) : rows.length === 0 ? (
          <Typography sx={{ p: 2, color: 'text.secondary', overflowWrap: 'anywhere' }}>
            {filters.search ? `No travelers match “${filters.search}”.` : 'No travelers to show.'}
          </Typography>
        ) : (
          <TravelerList
            id={id}
            aria-label="Travelers"
            aria-describedby={describedBy}
            ref={containerRef}
            // The virtualizer places rows from the browser; the server's HTML lists its first rows one under another.
            data-unplaced={hydrated ? undefined : ''}
          >
            {items.map((item) => {
              const traveler = rows[item.index];
              return (
                <li
                  key={item.key}
                  data-index={item.index}
                  ref={measureElement}
                  aria-setsize={total}
                  aria-posinset={item.index + 1}
                >
                  {traveler ? (
                    <TravelerRow
                      traveler={traveler}
                      index={item.index}
                      checked={selectedIds.has(traveler.userId)}
                      disabled={disabled}
                      tabIndex={item.index === focus.tabStop ? 0 : -1}
                      errors={travelerErrors.get(traveler.userId) ?? NO_ERRORS}
                      onToggle={handleToggle}
                      onKeyDown={focus.onKeyDown}
                      onFocus={focus.onFocus}
                    />
                  ) : (
                    <LoaderRow
                      failed={query.isFetchNextPageError}
                      onRetry={() => void query.fetchNextPage()}
                    />
                  )}
                </li>
              );
            })}
          </TravelerList>
        )}
      </Box>
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

/** Runs `onShown` once, in the effect after the first commit where `shown` holds: after the browser painted it. */
function useFirstRowsShown(shown: boolean, onShown: (() => void) | undefined) {
  const reported = useRef(false);
  useEffect(() => {
    if (!shown || reported.current) return;
    reported.current = true;
    onShown?.();
  }, [shown, onShown]);
}
