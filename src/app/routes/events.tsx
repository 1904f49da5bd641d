import { useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { LIST_EVENT_TYPE_LABELS } from '@/components/labels';
import { useDocumentTitle } from '@/components/use-document-title';
import { EventsFilterBar, EventsList, ProgramFilterNotice } from '@/features/events';
import { EVENTS_TABPANEL_ID, EventsTabs, eventsTabId } from '@/features/events';
import { eventsSearchParams, listEventTypeOf, parseEventsView, type EventsView } from '@/features/events';

/** `/events?tab=&page=&q=&type=&sort=&parent=`: the company's events, one tab per `listEventType`. */
export function EventsRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = parseEventsView(searchParams);
  const listEventType = listEventTypeOf(view.tab);
  useDocumentTitle(`${LIST_EVENT_TYPE_LABELS[listEventType]} events`);
  // Refining a search already made replaces the history entry (no entry per pause in the typing); a first search,
  // a tab, a page or a filter adds one, for the back button.
  const show = (change: Partial<EventsView>, replace = false) =>
    setSearchParams(eventsSearchParams({ ...view, ...change }), { replace });

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1">Events</Typography>
        <Typography sx={{ color: 'text.secondary', mt: 0.5 }}>
          Your company&apos;s events in Spotnana. Open one to invite its travelers.
        </Typography>
      </Box>
      <EventsFilterBar
        view={view}
        onChange={(change) => show(change, change.search !== undefined && Boolean(view.search))}
      />
      {view.parent && (
        <ProgramFilterNotice programId={view.parent} onClear={() => show({ parent: undefined, page: 0 })} />
      )}
      <Box>
        <EventsTabs value={view.tab} onChange={(tab) => show({ tab, page: 0 })} />
        <Box role="tabpanel" id={EVENTS_TABPANEL_ID} aria-labelledby={eventsTabId(view.tab)} sx={{ pt: 2 }}>
          <EventsList
            view={view}
            onPageChange={(page) => show({ page })}
            onClearFilters={() => show({ search: '', type: undefined, parent: undefined, page: 0 })}
          />
        </Box>
      </Box>
    </Stack>
  );
}
