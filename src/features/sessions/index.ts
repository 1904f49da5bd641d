export { SessionsTableSkeleton } from './components/sessions-table';
export { SessionsView } from './components/sessions-view';
