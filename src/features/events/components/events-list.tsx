import { RetryAlert } from '@/components/retry-alert';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import type { Event } from '#contract';
import { WallClockRange } from '@/components/date-time';
import { formatCount } from '@/components/format';
import { LIST_EVENT_TYPE_LABELS, eventTypeLabel } from '@/components/labels';
import { visuallyHidden } from '@/components/visually-hidden';
import { EVENTS_PAGE_SIZE, eventsViewQueryOptions } from '../api/list-events';
import { listEventTypeOf, type EventsView } from '../utils/events-view';
import { formatShortLocation } from '../utils/location';
import { EventStatusChip } from './event-status-chip';

export interface EventsListProps {
  /** The tab, page, search, type, sort and program, as the URL says. */
  view: EventsView;
  onPageChange: (page: number) => void;
  /** Back to every event of the tab: offered when a search or filter finds none. */
  onClearFilters: () => void;
}

const isNarrowed = (view: EventsView) => Boolean(view.search || view.type || view.parent);

const COLUMNS = ['Event', 'Type', 'Dates', 'Status', 'Travelers'] as const;

function HeaderRow() {
  return (
    <TableHead>
      <TableRow>
        {COLUMNS.map((column) => (
          <TableCell key={column} align={column === 'Travelers' ? 'right' : 'left'}>
            {column}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}

/** One event. The name is a real link; its ::after stretches over the row, so the whole row is clickable. */
function EventRow({ event }: { event: Event }) {
  const location = formatShortLocation(event.location);
  return (
    <TableRow
      hover
      sx={{
        position: 'relative',
        '&:focus-within': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 },
      }}
    >
      <TableCell sx={{ maxWidth: 360, overflowWrap: 'anywhere' }}>
        {event.id ? (
          <Link
            component={RouterLink}
            to={`/events/${encodeURIComponent(event.id)}`}
            sx={{
              fontWeight: 600,
              '&::after': { content: '""', position: 'absolute', inset: 0 },
              '&:focus-visible': { outline: 'none' },
            }}
          >
            {event.name || 'Untitled event'}
          </Link>
        ) : (
          <Typography component="span" sx={{ fontWeight: 600 }}>
            {event.name || 'Untitled event'}
          </Typography>
        )}
        {location && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {location}
          </Typography>
        )}
      </TableCell>
      <TableCell>{eventTypeLabel(event.type)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <WallClockRange start={event.startDateTime} end={event.endDateTime} dateOnly />
      </TableCell>
      <TableCell>
        <EventStatusChip status={event.status} />
      </TableCell>
      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {event.numTravelers === undefined ? '—' : formatCount(event.numTravelers)}
      </TableCell>
    </TableRow>
  );
}

function LoadingTable({ label }: { label: string }) {
  return (
    <Paper variant="outlined">
      <Box role="status" sx={visuallyHidden}>
        Loading {label}…
      </Box>
      <TableContainer>
        <Table aria-busy="true" aria-label={label}>
          <HeaderRow />
          <TableBody>
            {Array.from({ length: 5 }, (_, row) => (
              <TableRow key={row}>
                {COLUMNS.map((column) => (
                  <TableCell key={column}>
                    <Skeleton variant="text" width={column === 'Event' ? '70%' : '60%'} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}

interface EmptyStateProps {
  label: string;
  narrowed: boolean;
  onFirstPage?: () => void;
  onClearFilters: () => void;
}

function EmptyState({ label, narrowed, onFirstPage, onClearFilters }: EmptyStateProps) {
  const [explanation, action, onAction] = onFirstPage
    ? ['This page is past the end of the list.', 'Go to the first page', onFirstPage]
    : narrowed
      ? ['Nothing matches the search and filters above.', 'Clear the search and filters', onClearFilters]
      : ['Events your company creates in Spotnana appear here.', undefined, undefined];
  return (
    <Paper variant="outlined" sx={{ py: 6, px: 3, textAlign: 'center' }}>
      <EventBusyOutlined aria-hidden sx={{ fontSize: 48, color: 'text.secondary' }} />
      <Typography variant="h2" sx={{ mt: 1 }}>
        No {label}
      </Typography>
      <Typography sx={{ color: 'text.secondary', mt: 0.5 }}>{explanation}</Typography>
      {action && (
        <Button sx={{ mt: 2 }} onClick={onAction}>
          {action}
        </Button>
      )}
    </Paper>
  );
}

/** One tab of the events list: a table of events, with loading, empty and error states. */
export function EventsList({ view, onPageChange, onClearFilters }: EventsListProps) {
  const { page, parent } = view;
  const listEventType = listEventTypeOf(view.tab);
  const query = useQuery(eventsViewQueryOptions(view));
  const narrowed = isNarrowed(view);
  const label = `${LIST_EVENT_TYPE_LABELS[listEventType].toLowerCase()} ${parent ? 'sessions' : 'events'}`;

  if (query.isPending) return <LoadingTable label={label} />;

  if (query.isError) {
    return (
      <RetryAlert
        title={`Could not load the ${label}`}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }

  const events = query.data.events ?? [];
  const total = query.data.paginationParams?.totalNumResults ?? events.length;
  const matches = (
    // Announced when a search or filter settles, so a screen reader hears what the typing found.
    <Typography
      role="status"
      variant="body2"
      sx={narrowed ? { color: 'text.secondary', mb: 1 } : visuallyHidden}
    >
      {query.isPlaceholderData || !narrowed
        ? ''
        : `${formatCount(total)} ${total === 1 ? label.replace(/s$/, '') + ' matches' : label + ' match'}`}
    </Typography>
  );
  if (events.length === 0) {
    return (
      <>
        {matches}
        <EmptyState
          label={label}
          narrowed={narrowed}
          onFirstPage={page > 0 ? () => onPageChange(0) : undefined}
          onClearFilters={onClearFilters}
        />
      </>
    );
  }

  return (
    <>
      {matches}
      <Paper variant="outlined" sx={{ position: 'relative', overflow: 'hidden' }}>
        {query.isPlaceholderData && (
          <LinearProgress
            aria-label={`Loading page ${page + 1}`}
            sx={{ position: 'absolute', inset: '0 0 auto 0' }}
          />
        )}
        <TableContainer>
          <Table aria-label={label} aria-busy={query.isPlaceholderData}>
            <HeaderRow />
            <TableBody>
              {events.map((event, index) => (
                <EventRow key={event.id ?? `row-${index}`} event={event} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        {total > EVENTS_PAGE_SIZE && (
          <TablePagination
            component="div"
            count={total}
            page={page}
            rowsPerPage={EVENTS_PAGE_SIZE}
            rowsPerPageOptions={[]}
            onPageChange={(_event, next) => onPageChange(next)}
          />
        )}
      </Paper>
    </>
  );
}
