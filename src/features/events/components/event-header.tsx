import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Event } from '#contract';
import { WallClockRange } from '@/components/date-time';
import { formatQuantity } from '@/components/format';
import { eventTypeLabel } from '@/components/labels';
import { eventTimeZone, formatAddressLines } from '../utils/location';
import { EventStatusChip } from './event-status-chip';
import { RsvpSummary } from './rsvp-summary';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography component="dt" variant="body2" sx={{ color: 'text.secondary', fontWeight: 600 }}>
        {term}
      </Typography>
      <Typography component="dd" variant="body1" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

export interface EventHeaderProps {
  event: Event;
}

/**
 * The top of the event page: the event's name (the page's h1), type, status, dates, location, traveler count,
 * and how many travelers are in each RSVP state.
 */
export function EventHeader({ event }: EventHeaderProps) {
  const address = formatAddressLines(event.location);
  const timeZone = eventTimeZone(event.location);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="event-name" sx={{ p: { xs: 2, sm: 3 } }}>
      <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }} useFlexGap>
        <Chip label={eventTypeLabel(event.type)} size="small" color="primary" variant="outlined" />
        <EventStatusChip status={event.status} />
      </Stack>
      <Typography id="event-name" variant="h1" sx={{ overflowWrap: 'anywhere' }}>
        {event.name || 'Untitled event'}
      </Typography>
      {event.description && (
        <Typography
          sx={{
            color: 'text.secondary',
            mt: 1,
            maxWidth: '75ch',
            whiteSpace: 'pre-line',
            overflowWrap: 'anywhere',
          }}
        >
          {event.description}
        </Typography>
      )}

      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: {
            xs: '1fr',
            sm: 'repeat(2, minmax(0, 1fr))',
            md: 'minmax(0, 3fr) minmax(0, 2fr) minmax(0, 1fr)',
          },
          gap: 2,
          my: 2.5,
        }}
      >
        <Fact term="When">
          <WallClockRange start={event.startDateTime} end={event.endDateTime} />
          {/* Spotnana's event times are wall-clock times at the venue: say so, so nobody converts them. */}
          <Typography component="span" variant="body2" sx={{ display: 'block', color: 'text.secondary' }}>
            {timeZone
              ? `Local time at the venue (${timeZone.replace(/_/g, ' ')})`
              : 'Local time at the venue'}
          </Typography>
        </Fact>
        <Fact term="Where">
          {address.length > 0
            ? address.map((line, i) => (
                <Box component="span" key={i} sx={{ display: 'block' }}>
                  {line}
                </Box>
              ))
            : 'No location'}
        </Fact>
        <Fact term="Travelers">{formatQuantity(event.numTravelers ?? 0, 'traveler')}</Fact>
        {event.parentEventId && (
          <Fact term="Part of">
            <Link
              component={RouterLink}
              to={`/events/${encodeURIComponent(event.parentEventId)}`}
              underline="always"
            >
              The parent program
            </Link>
          </Fact>
        )}
      </Box>

      {event.id && (
        <>
          {/* MUI's Divider, as the <hr> it renders, without its module (vertical, inset and text variants). */}
          <Box
            component="hr"
            sx={{ m: 0, mb: 2, flexShrink: 0, border: 0, borderBottom: 'thin solid', borderColor: 'divider' }}
          />
          <RsvpSummary eventId={event.id} />
        </>
      )}
    </Paper>
  );
}
