import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import { formatCount, formatQuantity } from '@/components/format';
import type { SelectedTraveler } from '@/types/selected-traveler';
import type { MappedEntry } from '@/components/send-errors/map-errors';
import { SELECTION_ID, travelerChipErrorsId, travelerChipId } from '@/components/send-errors/field-ids';
import { FieldErrors } from '@/components/send-errors/field-errors';
import type { NamesScope } from '../api/traveler-keys';
import { userNamesQueryOptions } from '../api/list-users';

/**
 * Chips are shown this many at a time ("Show 50 more"): a selection of 10,000 must not mean 10,000 chips. Only
 * chips without errors are ever held back; every traveler with an error is always shown.
 */
const CHIP_BLOCK = 50;

export interface SelectedTravelersProps {
  selected: readonly SelectedTraveler[];
  /** Where the names of travelers chosen in bulk (without names) are looked up: the event and its company. */
  namesScope: NamesScope;
  travelerErrors: ReadonlyMap<string, readonly MappedEntry[]>;
  onRemove: (userId: string) => void;
  onRemoveWithErrors: () => void;
}

/**
 * The names of the chips on screen that came without one ("Select all" reads ids only), looked up a block of 50
 * at a time, so showing more chips asks only for the new block.
 */
function useChipNames(scope: NamesScope, chips: readonly SelectedTraveler[]) {
  const blocks: string[][] = [];
  for (let i = 0; i < chips.length; i += CHIP_BLOCK) {
    const missing = chips
      .slice(i, i + CHIP_BLOCK)
      .filter((t) => t.name === undefined)
      .map((t) => t.id);
    if (missing.length > 0) blocks.push(missing);
  }
  return useQueries({
    queries: blocks.map((ids) => userNamesQueryOptions(scope, ids)),
    combine: (results) => {
      const names = new Map<string, string | undefined>();
      let pending = false;
      for (const result of results) {
        if (result.data) for (const [id, name] of result.data) names.set(id, name);
        // Loading, not just pending: a lookup that is not running (no ids to ask for) holds nothing up.
        else if (result.isLoading) pending = true;
      }
      return { names, pending };
    },
  });
}

/**
 * The chosen travelers as removable chips (Delete or Backspace removes the focused one), with their count. A
 * traveler with errors comes first, marked, with every error listed under the chip as its description.
 */
export function SelectedTravelers({
  selected,
  namesScope,
  travelerErrors,
  onRemove,
  onRemoveWithErrors,
}: SelectedTravelersProps) {
  const [limit, setLimit] = useState(CHIP_BLOCK);
  const withErrors = selected.filter((t) => travelerErrors.has(t.id));
  const others = selected.filter((t) => !travelerErrors.has(t.id));
  const shown = others.slice(0, limit);
  const hidden = others.length - shown.length;
  const chipNames = useChipNames(namesScope, [...withErrors, ...shown]);

  function nameOf(traveler: SelectedTraveler): string {
    if (traveler.name !== undefined) return traveler.name;
    const looked = chipNames.names.get(traveler.id);
    if (looked) return looked;
    if (chipNames.pending && !chipNames.names.has(traveler.id)) return 'Loading name…';
    return `Unknown traveler (${traveler.id})`;
  }
  // Where focus goes once a chip is removed: the next chip, else the previous one, else the heading.
  const order = [...withErrors, ...shown].map((t) => t.id);

  function remove(userId: string) {
    const at = order.indexOf(userId);
    const next = order[at + 1] ?? order[at - 1];
    onRemove(userId);
    requestAnimationFrame(() =>
      document.getElementById(next ? travelerChipId(next) : `${SELECTION_ID}-heading`)?.focus(),
    );
  }

  function removeWithErrors() {
    onRemoveWithErrors();
    // The button leaves with the errors: keep focus in the selection, on its heading, which reads the new count.
    requestAnimationFrame(() => document.getElementById(`${SELECTION_ID}-heading`)?.focus());
  }

  const chip = (traveler: SelectedTraveler, errors?: readonly MappedEntry[]) => (
    <Chip
      key={traveler.id}
      id={travelerChipId(traveler.id)}
      label={nameOf(traveler)}
      title={traveler.email}
      color={errors ? 'error' : 'default'}
      variant={errors ? 'filled' : 'outlined'}
      icon={errors ? <ErrorOutline aria-hidden /> : undefined}
      onDelete={() => remove(traveler.id)}
      aria-describedby={errors ? travelerChipErrorsId(traveler.id) : undefined}
      aria-invalid={errors ? true : undefined}
      sx={{
        maxWidth: '100%',
        height: 'auto',
        minHeight: 32,
        '& .MuiChip-label': { whiteSpace: 'normal', overflowWrap: 'anywhere', py: 0.5 },
      }}
    />
  );

  return (
    <Box id={SELECTION_ID} sx={{ minWidth: 0 }}>
      <Typography id={`${SELECTION_ID}-heading`} variant="h3" tabIndex={-1} sx={{ mb: 1, outline: 'none' }}>
        Selected: {formatQuantity(selected.length, 'traveler')}
      </Typography>

      {selected.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          No travelers chosen yet. Tick travelers in the list, select all matching or paste a list to add them
          here.
        </Typography>
      ) : (
        <Stack spacing={1.5}>
          {withErrors.length > 0 && (
            <Stack
              spacing={1.5}
              component="ul"
              sx={{ m: 0, p: 0, listStyle: 'none' }}
              aria-label="Travelers with errors"
            >
              {withErrors.map((traveler) => {
                const errors = travelerErrors.get(traveler.id)!;
                return (
                  <Box component="li" key={traveler.id} sx={{ minWidth: 0 }}>
                    {chip(traveler, errors)}
                    <FieldErrors id={travelerChipErrorsId(traveler.id)} entries={errors} />
                  </Box>
                );
              })}
            </Stack>
          )}
          {withErrors.length > 0 && (
            <Box>
              <Button variant="outlined" color="error" size="small" onClick={removeWithErrors}>
                Remove {formatQuantity(withErrors.length, 'traveler')} with errors from the selection
              </Button>
            </Box>
          )}
          {shown.length > 0 && (
            <Box
              component="ul"
              aria-label={withErrors.length > 0 ? 'Other selected travelers' : 'Selected travelers'}
              sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, m: 0, p: 0, listStyle: 'none' }}
            >
              {shown.map((traveler) => (
                <Box component="li" key={traveler.id} sx={{ maxWidth: '100%' }}>
                  {chip(traveler)}
                </Box>
              ))}
            </Box>
          )}
          {hidden > 0 && (
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
              <Typography variant="body2">…and {formatCount(hidden)} more.</Typography>
              <Button size="small" onClick={() => setLimit((n) => n + CHIP_BLOCK)}>
                Show {formatCount(Math.min(CHIP_BLOCK, hidden))} more
              </Button>
            </Stack>
          )}
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            To remove a traveler, focus their chip and press Delete.
          </Typography>
        </Stack>
      )}
    </Box>
  );
}
