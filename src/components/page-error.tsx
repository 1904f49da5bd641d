import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';

export interface PageErrorProps {
  /** The page's heading: what happened, in plain words ("This event does not exist (anymore)"). */
  title: string;
  /** What it means and what to do next. */
  children?: ReactNode;
  /** Secondary detail for support: the HTTP status, a debug identifier. */
  detail?: ReactNode;
  /** Ways forward: a link back to the list, a retry button. */
  actions?: ReactNode;
  icon?: ReactNode;
}

/**
 * A page-level message that replaces the page's content: not found, forbidden, a failed load, a crash. It is the
 * page's `h1`, so screen readers land on it like on any other page.
 */
export function PageError({ title, children, detail, actions, icon }: PageErrorProps) {
  return (
    <Paper variant="outlined" sx={{ p: { xs: 3, sm: 5 }, maxWidth: 720, mx: 'auto', mt: { xs: 2, sm: 6 } }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Box aria-hidden sx={{ color: 'error.main', pt: 0.25, display: 'flex' }}>
          {icon ?? <ErrorOutline fontSize="large" />}
        </Box>
        <Stack spacing={1.5} sx={{ minWidth: 0 }}>
          <Typography variant="h1">{title}</Typography>
          {children && (
            <Typography component="div" variant="body1">
              {children}
            </Typography>
          )}
          {detail && (
            <Typography
              component="div"
              variant="body2"
              sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}
            >
              {detail}
            </Typography>
          )}
          {actions && (
            <Stack direction="row" spacing={1.5} sx={{ pt: 1, flexWrap: 'wrap' }} useFlexGap>
              {actions}
            </Stack>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
