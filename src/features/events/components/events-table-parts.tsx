/** The events list's table rows and its loading and empty states. */
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import type { Event } from '#contract';
import { WallClockRange } from '@/components/date-time';
import { formatCount } from '@/components/format';
import { eventTypeLabel } from '@/components/labels';
import { visuallyHidden } from '@/components/visually-hidden';
import { formatShortLocation } from '../utils/location';
import { EventStatusChip } from './event-status-chip';

const COLUMNS = ['Event', 'Type', 'Dates', 'Status', 'Travelers'] as const;

export function HeaderRow() {
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
export function EventRow({ event }: { event: Event }) {
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

export function LoadingTable({ label }: { label: string }) {
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

export function EmptyState({ label, narrowed, onFirstPage, onClearFilters }: EmptyStateProps) {
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
