import { lazy, Suspense, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { describeRequestError } from '@/components/api-error-text';
import { formatCount, formatQuantity } from '@/components/format';
import type { SelectedTraveler } from '@/types/selected-traveler';
import type { TravelerFilters } from '../api/traveler-keys';
import type { TravelerRef } from '../api/list-traveler-refs';
import type { Traveler } from '../api/list-travelers';
import { useSelectAll } from '../hooks/use-select-all';

// The dialog (and the multiline field in it) is code most visits never run: it loads when first asked for.
const loadPasteListDialog = () => import('./paste-list-dialog');
const PasteListDialog = lazy(() => loadPasteListDialog().then((m) => ({ default: m.PasteListDialog })));

export interface SelectionToolbarProps {
  eventId: string;
  companyId?: string;
  /** The filters the list shows now (the debounced search, the RSVP filter). */
  filters: TravelerFilters;
  /** How many travelers match them; undefined while that is not known (loading, or a new search pending). */
  total: number | undefined;
  selectedCount: number;
  disabled: boolean;
  /** The travelers the list has loaded, by id, with names: chips of a bulk selection start with these names. */
  loadedTravelers: () => ReadonlyMap<string, Traveler>;
  /** Adds travelers to the selection (those already in it stay where they are). */
  onSelectMany: (travelers: SelectedTraveler[]) => void;
  onClear: () => void;
}

/**
 * What the manager does with many travelers at once: "Select all N matching" (the current search and filter,
 * every page of it), "Paste a list" and "Clear selection", with the size of the selection. Select-all shows its
 * progress and can be cancelled; it adds its travelers all at once or not at all.
 */
export function SelectionToolbar({
  eventId,
  companyId,
  filters,
  total,
  selectedCount,
  disabled,
  loadedTravelers,
  onSelectMany,
  onClear,
}: SelectionToolbarProps) {
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasteMounted, setPasteMounted] = useState(false);
  // The outcome of the last bulk action, announced politely.
  const [notice, setNotice] = useState('');
  const selectAll = useSelectAll(eventId, (refs: TravelerRef[]) => {
    const loaded = loadedTravelers();
    onSelectMany(
      refs.map((ref) => {
        const known = loaded.get(ref.userId);
        return { id: ref.userId, name: known?.name, email: known?.email };
      }),
    );
    setNotice(`Selected all ${formatQuantity(refs.length, 'matching traveler')}.`);
  });
  const { state } = selectAll;
  const running = state.status === 'running';

  function startSelectAll() {
    if (!total) return;
    setNotice('');
    void selectAll.start(filters, total);
  }

  function cancelSelectAll() {
    selectAll.cancel();
    setNotice('Selecting stopped. Nothing was added: the selection is as it was.');
  }

  function clear() {
    if (running) selectAll.cancel();
    selectAll.reset();
    setNotice('');
    onClear();
  }

  function openPaste() {
    setPasteMounted(true);
    setPasteOpen(true);
  }

  return (
    <Box sx={{ minWidth: 0 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography aria-live="polite" sx={{ fontWeight: 600, mr: 1 }}>
          {formatCount(selectedCount)} selected
        </Typography>
        <Button
          variant="outlined"
          size="small"
          disabled={disabled || running || !total}
          onClick={startSelectAll}
        >
          {/* The count is always the one on screen: a pending search shows no number rather than a stale one. */}
          {total === undefined ? 'Select all matching' : `Select all ${formatCount(total)} matching`}
        </Button>
        <Button
          variant="outlined"
          size="small"
          disabled={disabled}
          onClick={openPaste}
          // Start loading the dialog's code as soon as the manager heads for the button.
          onPointerEnter={() => void loadPasteListDialog()}
          onFocus={() => void loadPasteListDialog()}
        >
          Paste a list
        </Button>
        <Button size="small" disabled={disabled || (selectedCount === 0 && !running)} onClick={clear}>
          Clear selection
        </Button>
      </Stack>

      {running && (
        <Box sx={{ mt: 1 }}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <LinearProgress
              variant="determinate"
              value={state.total > 0 ? Math.min(100, (state.loaded / state.total) * 100) : 0}
              aria-label="Selecting travelers"
              aria-valuetext={`${formatCount(state.loaded)} of ${formatQuantity(state.total, 'traveler')}`}
              sx={{ flex: 1, height: 8, borderRadius: 4 }}
            />
            <Button size="small" color="inherit" variant="outlined" onClick={cancelSelectAll}>
              Cancel selecting
            </Button>
          </Stack>
          <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
            Finding {formatCount(state.loaded)} of {formatQuantity(state.total, 'traveler')}… They are added
            when all have been found; cancelling adds none of them.
          </Typography>
        </Box>
      )}

      {state.status === 'failed' && (
        <Alert
          severity="error"
          sx={{ mt: 1, overflowWrap: 'anywhere' }}
          action={
            <Button color="inherit" size="small" disabled={disabled || !total} onClick={startSelectAll}>
              Try again
            </Button>
          }
        >
          Not every matching traveler could be found, so none were added. {describeRequestError(state.error)}
        </Alert>
      )}

      {/* Always in the DOM: a live region must exist before its text changes to be announced. Not a `status`
          role: the form's one status line is the send's. */}
      <Typography
        aria-live="polite"
        variant="body2"
        sx={{ color: 'text.secondary', mt: 0.5, minHeight: '1.25em' }}
      >
        {notice}
      </Typography>

      {pasteMounted && (
        <Suspense fallback={null}>
          <PasteListDialog
            open={pasteOpen}
            eventId={eventId}
            companyId={companyId}
            onSelect={onSelectMany}
            onClose={(summary) => {
              setPasteOpen(false);
              if (summary) setNotice(summary);
            }}
          />
        </Suspense>
      )}
    </Box>
  );
}
