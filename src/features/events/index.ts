export { eventKeys } from './api/event-keys';
export { getEventQueryOptions } from './api/get-event';
export { getRsvpCountsQueryOptions } from './api/get-rsvp-counts';
export { EVENTS_PAGE_SIZE, listEventsQueryOptions } from './api/list-events';
export { EventHeader } from './components/event-header';
export { EventsList } from './components/events-list';
export { EVENTS_TABPANEL_ID, EventsTabs, eventsTabId } from './components/events-tabs';
export { eventsSearchParams, listEventTypeOf, parseEventTab, parseEventsPage } from './utils/event-tabs';
