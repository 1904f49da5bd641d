import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import PersonOutline from '@mui/icons-material/PersonOutlineOutlined';
import type { ActivityFacets } from '#contract/send-history';
import type { ActivityFilterValues, ActivitySearch } from '../utils/activity-search';
import { OUTCOME_OPTIONS } from '../utils/outcome-options';
import { DateFilterField } from './date-filter-field';
import { FilterSelect } from '@/components/filter-select';

export interface ActivityFilterBarProps {
  search: ActivitySearch;
  /** Undefined until they load (or when they failed): the selects then offer only "all". */
  facets: ActivityFacets | undefined;
  /** Admins and viewers filter by person; a sender sees only their own sends. */
  withPerson: boolean;
  onChange: (change: ActivityFilterValues) => void;
  onClear: (() => void) | undefined;
}

const personLabel = (person: { name: string; email: string }) =>
  person.name ? `${person.name} (${person.email})` : person.email;

/** Event, person, outcome and dates: each change narrows the list at once and lands in the URL. */
export function ActivityFilterBar({ search, facets, withPerson, onChange, onClear }: ActivityFilterBarProps) {
  const rangeError =
    search.fromDate && search.toDate && search.toDate < search.fromDate
      ? 'Before the From date: no send can match.'
      : undefined;
  return (
    <Box role="search" aria-label="Filter sends">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <FilterSelect
          id="activity-event"
          label="Event"
          anyLabel="All events"
          value={search.eventId ?? ''}
          options={(facets?.events ?? []).map((event) => ({
            value: event.id,
            label: event.name ?? `Unnamed event (${event.id})`,
          }))}
          onChange={(eventId) => onChange({ eventId })}
        />
        {withPerson ? (
          <FilterSelect
            id="activity-person"
            label="Person"
            anyLabel="Everyone"
            value={search.subject ?? ''}
            options={(facets?.people ?? []).map((person) => ({
              value: person.subject,
              label: personLabel(person),
            }))}
            onChange={(subject) => onChange({ subject })}
          />
        ) : (
          <Typography
            sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: 'text.secondary', minHeight: 40 }}
          >
            <PersonOutline aria-hidden fontSize="small" />
            Your own sends
          </Typography>
        )}
        <FilterSelect
          id="activity-outcome"
          label="Outcome"
          anyLabel="Any outcome"
          value={search.outcome ?? ''}
          options={OUTCOME_OPTIONS}
          onChange={(outcome) =>
            onChange({ outcome: OUTCOME_OPTIONS.find((o) => o.value === outcome)?.value })
          }
        />
        <DateFilterField
          id="activity-from"
          label="From"
          value={search.fromDate ?? ''}
          max={search.toDate}
          onChange={(fromDate) => onChange({ fromDate })}
        />
        <DateFilterField
          id="activity-to"
          label="To"
          value={search.toDate ?? ''}
          min={search.fromDate}
          error={rangeError}
          onChange={(toDate) => onChange({ toDate })}
        />
        <Button onClick={onClear} disabled={!onClear} sx={{ alignSelf: { sm: 'flex-start' }, minHeight: 40 }}>
          Clear filters
        </Button>
      </Stack>
    </Box>
  );
}
