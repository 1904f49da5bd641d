import { useRef, useState } from 'react';
import { useDebouncedCallback } from 'use-debounce';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import InputAdornment from '@mui/material/InputAdornment';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import { EventType } from '#contract';
import { FilterSelect } from '@/components/filter-select';
import { useTypedBeforeHydration } from '@/components/use-typed-before-hydration';
import { EVENT_TYPE_LABELS } from '@/components/labels';
import { EVENTS_SEARCH_MAX_LENGTH, type EventsSort, type EventsView } from '../utils/events-view';

/** Typing "summit" is six changes; the list asks once the typing pauses. */
const EVENTS_SEARCH_DEBOUNCE_MS = 300;

const TYPE_OPTIONS = EventType.options.map((type) => ({ value: type, label: EVENT_TYPE_LABELS[type] }));
const SORT_OPTIONS: ReadonlyArray<{ value: EventsSort; label: string }> = [
  { value: 'start', label: 'Start date' },
  { value: 'name', label: 'Name' },
];

export interface EventsFilterBarProps {
  view: EventsView;
  /** A changed choice; the page goes back to the first. */
  onChange: (change: Partial<EventsView>) => void;
}

/** Search by name, filter by type, sort: each choice goes into the URL, and the server does the work. */
export function EventsFilterBar({ view, onChange }: EventsFilterBarProps) {
  const [draft, setDraft] = useState(view.search);
  // The search this field last sent into the URL: when the URL comes back with it, the typing has moved on and
  // stays as it is (a trailing space, letters typed since).
  const [sent, setSent] = useState(view.search);
  const commitSearch = useDebouncedCallback((typed: string) => {
    const search = typed.trim();
    if (search === view.search) return;
    setSent(search);
    onChange({ search, page: 0 });
  }, EVENTS_SEARCH_DEBOUNCE_MS);
  // The URL changed from elsewhere (Clear, the back button): the field follows it, and a search still waiting to
  // go is dropped.
  const [synced, setSynced] = useState(view.search);
  const input = useRef<HTMLInputElement>(null);
  useTypedBeforeHydration(input, draft, (typed) => {
    setDraft(typed);
    commitSearch(typed);
  });
  if (synced !== view.search) {
    setSynced(view.search);
    if (view.search !== sent) {
      setSent(view.search);
      setDraft(view.search);
      commitSearch.cancel();
    }
  }

  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={2}
      role="search"
      aria-label="Find events"
      sx={{ alignItems: { sm: 'flex-end' } }}
    >
      <TextField
        id="events-search"
        label="Search events"
        type="search"
        size="small"
        value={draft}
        inputRef={input}
        placeholder="Part of the name"
        onChange={(event) => {
          setDraft(event.target.value);
          commitSearch(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commitSearch.flush();
        }}
        slotProps={{
          inputLabel: { shrink: true },
          htmlInput: { maxLength: EVENTS_SEARCH_MAX_LENGTH, autoComplete: 'off' },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchOutlined aria-hidden fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
        sx={{ width: { xs: '100%', sm: 320 } }}
      />
      <FilterSelect
        id="events-type"
        label="Type"
        value={view.type ?? ''}
        anyLabel="All types"
        options={TYPE_OPTIONS}
        onChange={(type) => onChange({ type: EventType.safeParse(type).data, page: 0 })}
      />
      <FilterSelect
        id="events-sort"
        label="Sort by"
        value={view.sort}
        options={SORT_OPTIONS}
        onChange={(sort) => onChange({ sort: sort === 'name' ? 'name' : 'start', page: 0 })}
      />
    </Stack>
  );
}
