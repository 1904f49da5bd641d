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
import type { Event, ListEventType } from '#contract';
import { WallClockRange } from '@/components/date-time';
import { formatCount } from '@/components/format';
import { LIST_EVENT_TYPE_LABELS, eventTypeLabel } from '@/components/labels';
import { visuallyHidden } from '@/components/visually-hidden';
import { EVENTS_PAGE_SIZE, listEventsQueryOptions } from '../api/list-events';
import { formatShortLocation } from '../utils/location';
import { EventStatusChip } from './event-status-chip';

export interface EventsListProps {
  listEventType: ListEventType;
  /** Zero-based page of `EVENTS_PAGE_SIZE` events. */
  page: number;
  onPageChange: (page: number) => void;
}

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

function EmptyState({ label, onFirstPage }: { label: string; onFirstPage?: () => void }) {
  return (
    <Paper variant="outlined" sx={{ py: 6, px: 3, textAlign: 'center' }}>
      <EventBusyOutlined aria-hidden sx={{ fontSize: 48, color: 'text.secondary' }} />
      <Typography variant="h2" sx={{ mt: 1 }}>
        No {label}
      </Typography>
      <Typography sx={{ color: 'text.secondary', mt: 0.5 }}>
        {onFirstPage
          ? 'This page is past the end of the list.'
          : 'Events your company creates in Spotnana appear here.'}
      </Typography>
      {onFirstPage && (
        <Button sx={{ mt: 2 }} onClick={onFirstPage}>
          Go to the first page
        </Button>
      )}
    </Paper>
  );
}

/** One tab of the events list: a table of events, with loading, empty and error states. */
export function EventsList({ listEventType, page, onPageChange }: EventsListProps) {
  const query = useQuery(
    listEventsQueryOptions(listEventType, { offset: page * EVENTS_PAGE_SIZE, limit: EVENTS_PAGE_SIZE }),
  );
  const label = `${LIST_EVENT_TYPE_LABELS[listEventType].toLowerCase()} events`;

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
  if (events.length === 0) {
    return <EmptyState label={label} onFirstPage={page > 0 ? () => onPageChange(0) : undefined} />;
  }

  return (
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
  );
}
