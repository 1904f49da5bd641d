import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import NavigateBefore from '@mui/icons-material/NavigateBefore';
import NavigateNext from '@mui/icons-material/NavigateNext';

export interface ActivityPagerProps {
  /** Zero-based. */
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

/**
 * Previous / Next over the server's pages; the range ("1–50 of 1,234") is announced by the results' status. At an
 * end the button is `aria-disabled`, not `disabled`: a disabled button would drop the keyboard focus to the page.
 */
export function ActivityPager({ page, pageSize, total, onPageChange }: ActivityPagerProps) {
  const last = Math.max(0, Math.ceil(total / pageSize) - 1);
  if (last === 0 && page === 0) return null;
  const atStart = page === 0;
  const atEnd = page >= last;
  const unavailable = { '&[aria-disabled="true"]': { color: 'text.disabled', cursor: 'default' } };
  return (
    <Box component="nav" aria-label="Pages of sends" sx={{ px: 2, py: 1 }}>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button
          startIcon={<NavigateBefore aria-hidden />}
          aria-disabled={atStart}
          onClick={() => !atStart && onPageChange(Math.min(page - 1, last))}
          sx={unavailable}
        >
          Previous
        </Button>
        <Button
          endIcon={<NavigateNext aria-hidden />}
          aria-disabled={atEnd}
          onClick={() => !atEnd && onPageChange(page + 1)}
          sx={unavailable}
        >
          Next
        </Button>
      </Stack>
    </Box>
  );
}
