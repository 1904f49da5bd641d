import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ListEventsResponse } from '#contract';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableContainer from '@mui/material/TableContainer';
import TablePagination from '@mui/material/TablePagination';
import Typography from '@mui/material/Typography';
import { RetryAlert } from '@/components/retry-alert';
import { formatQuantity } from '@/components/format';
import { LIST_EVENT_TYPE_LABELS } from '@/components/labels';
import { visuallyHidden } from '@/components/visually-hidden';
import { EVENTS_PAGE_SIZE, eventsViewQueryOptions } from '../api/list-events';
import { listEventTypeOf, type EventsView } from '../utils/events-view';
import { EmptyState, EventRow, HeaderRow, LoadingTable } from './events-table-parts';

export interface EventsListProps {
  /** The tab, page, search, type, sort and program, as the URL says. */
  view: EventsView;
  onPageChange: (page: number) => void;
  /** Back to every event of the tab: offered when a search or filter finds none. */
  onClearFilters: () => void;
}

const isNarrowed = (view: EventsView) => Boolean(view.search || view.type || view.parent);

/** One tab of the events list: how many match, then a table of events, with loading, empty and error states. */
export function EventsList({ view, onPageChange, onClearFilters }: EventsListProps) {
  const query = useQuery(eventsViewQueryOptions(view));
  const narrowed = isNarrowed(view);
  const tabWord = LIST_EVENT_TYPE_LABELS[listEventTypeOf(view.tab)].toLowerCase();
  const one = `${tabWord} ${view.parent ? 'session' : 'event'}`;
  const settled = query.isSuccess && !query.isPlaceholderData;
  const total = query.data?.paginationParams?.totalNumResults ?? query.data?.events?.length ?? 0;
  const matches = settled
    ? `${formatQuantity(total, one)} ${total === 1 ? 'matches' : 'match'}`
    : 'Searching…';
  return (
    <>
      {/* Always there, so a screen reader hears what a search or filter found once it settles. */}
      <Typography
        role="status"
        variant="body2"
        sx={narrowed ? { color: 'text.secondary', mb: 1, minHeight: '1.43em' } : visuallyHidden}
      >
        {narrowed ? matches : ''}
      </Typography>
      <EventsListBody
        query={query}
        label={`${one}s`}
        page={view.page}
        narrowed={narrowed}
        onPageChange={onPageChange}
        onClearFilters={onClearFilters}
      />
    </>
  );
}

interface EventsListBodyProps {
  query: UseQueryResult<ListEventsResponse>;
  label: string;
  page: number;
  narrowed: boolean;
  onPageChange: (page: number) => void;
  onClearFilters: () => void;
}

function EventsListBody({ query, label, page, narrowed, onPageChange, onClearFilters }: EventsListBodyProps) {
  // An empty answer kept on screen while the next one loads would claim "No events" for a search not yet run.
  if (query.isPending || (query.isPlaceholderData && !query.data.events?.length)) {
    return <LoadingTable label={label} />;
  }
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
    return (
      <EmptyState
        label={label}
        narrowed={narrowed}
        onFirstPage={page > 0 ? () => onPageChange(0) : undefined}
        onClearFilters={onClearFilters}
      />
    );
  }

  return (
    <Paper variant="outlined" sx={{ position: 'relative', overflow: 'hidden' }}>
      {query.isPlaceholderData && (
        <LinearProgress aria-label={`Loading ${label}`} sx={{ position: 'absolute', inset: '0 0 auto 0' }} />
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
