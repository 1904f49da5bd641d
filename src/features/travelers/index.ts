export { NO_FILTERS, travelerRefsQueryOptions } from './api/list-traveler-refs';
export { travelersInfiniteQueryOptions } from './api/list-travelers';
export { USERS_PAGE_SIZE, userNamesQueryOptions } from './api/list-users';
export { SelectedTravelers } from './components/selected-travelers';
export { TravelerPicker } from './components/traveler-picker';
export type { RsvpStateCounts } from './components/rsvp-filter';
