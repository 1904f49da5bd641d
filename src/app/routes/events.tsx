import { useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { LIST_EVENT_TYPE_LABELS } from '@/components/labels';
import { useDocumentTitle } from '@/components/use-document-title';
import { EventsList } from '@/features/events';
import { EVENTS_TABPANEL_ID, EventsTabs, eventsTabId } from '@/features/events';
import { eventsSearchParams, listEventTypeOf, parseEventTab, parseEventsPage } from '@/features/events';

/** `/events?tab=upcoming|past|cancelled&page=N`: the company's events, one tab per `listEventType`. */
export function EventsRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = parseEventTab(searchParams.get('tab'));
  const page = parseEventsPage(searchParams.get('page'));
  const listEventType = listEventTypeOf(tab);
  useDocumentTitle(`${LIST_EVENT_TYPE_LABELS[listEventType]} events`);

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1">Events</Typography>
        <Typography sx={{ color: 'text.secondary', mt: 0.5 }}>
          Your company&apos;s events in Spotnana. Open one to invite its travelers.
        </Typography>
      </Box>
      <Box>
        <EventsTabs value={tab} onChange={(next) => setSearchParams(eventsSearchParams(next))} />
        <Box role="tabpanel" id={EVENTS_TABPANEL_ID} aria-labelledby={eventsTabId(tab)} sx={{ pt: 2 }}>
          <EventsList
            listEventType={listEventType}
            page={page}
            onPageChange={(next) => setSearchParams(eventsSearchParams(tab, next))}
          />
        </Box>
      </Box>
    </Stack>
  );
}
