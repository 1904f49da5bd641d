import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import type { ActivityFilters } from '#contract/send-history';
import { RetryAlert } from '@/components/retry-alert';
import { formatCount } from '@/components/format';
import { activityCsvHref } from '../api/export-activity-csv';
import { ACTIVITY_PAGE_SIZE, listActivityQueryOptions } from '../api/list-activity';
import { ActivityPager } from './activity-pager';
import { ActivityTable, ActivityTableSkeleton } from './activity-table';

export interface ActivityResultsProps {
  filters: ActivityFilters;
  /** Zero-based. */
  page: number;
  onPageChange: (page: number) => void;
  /** Undefined when no filter is set (nothing to clear). */
  onClearFilters: (() => void) | undefined;
}

function EmptyState({ page, onPageChange, onClearFilters }: Omit<ActivityResultsProps, 'filters'>) {
  const [title, text] =
    page > 0
      ? ['No sends on this page', 'This page is past the end of the list.']
      : onClearFilters
        ? ['No sends match these filters', 'Clear them, or choose others, to see more sends.']
        : ['No sends yet', 'Invites sent from the console appear here, newest first.'];
  return (
    <Paper variant="outlined" sx={{ py: 6, px: 3, textAlign: 'center' }}>
      <HistoryOutlined aria-hidden sx={{ fontSize: 48, color: 'text.secondary' }} />
      <Typography variant="h2" sx={{ mt: 1 }}>
        {title}
      </Typography>
      <Typography sx={{ color: 'text.secondary', mt: 0.5 }}>{text}</Typography>
      {page > 0 ? (
        <Button sx={{ mt: 2 }} onClick={() => onPageChange(0)}>
          Go to the first page
        </Button>
      ) : (
        onClearFilters && (
          <Button sx={{ mt: 2 }} onClick={onClearFilters}>
            Clear filters
          </Button>
        )
      )}
    </Paper>
  );
}

/** The sends that match: a page of the table, its range, paging and the export; or why there is none. */
export function ActivityResults({ filters, page, onPageChange, onClearFilters }: ActivityResultsProps) {
  const query = useQuery(listActivityQueryOptions(filters, page));

  if (query.isPending) return <ActivityTableSkeleton />;

  if (query.isError) {
    return (
      <RetryAlert
        title="Could not load the sends"
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }

  const { sends, total, offset } = query.data;
  const busy = query.isPlaceholderData;
  const progress = busy && (
    <LinearProgress aria-label="Loading sends" sx={{ position: 'absolute', inset: '0 0 auto 0' }} />
  );
  if (sends.length === 0) {
    return (
      <Box sx={{ position: 'relative' }}>
        {progress}
        <EmptyState page={page} onPageChange={onPageChange} onClearFilters={onClearFilters} />
      </Box>
    );
  }

  return (
    <Paper variant="outlined" sx={{ position: 'relative', overflow: 'hidden' }}>
      {progress}
      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1.5 }}
      >
        <Typography role="status" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatCount(offset + 1)}–{formatCount(offset + sends.length)} of {formatCount(total)}
        </Typography>
        <Button
          component="a"
          href={activityCsvHref(filters)}
          download
          variant="outlined"
          startIcon={<FileDownloadOutlined aria-hidden />}
        >
          Export CSV
        </Button>
      </Stack>
      <ActivityTable sends={sends} busy={busy} />
      <ActivityPager page={page} pageSize={ACTIVITY_PAGE_SIZE} total={total} onPageChange={onPageChange} />
    </Paper>
  );
}
