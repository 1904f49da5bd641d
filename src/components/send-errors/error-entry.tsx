import Box from '@mui/material/Box';
import type { ErrorMessage } from '#contract';

/**
 * One Spotnana error as text: its message, then its code and detail where present. Everything here is API text,
 * so it is only ever rendered as React text children (escaped), and long unbroken strings may wrap anywhere.
 */
export function ErrorEntryText({ error }: { error: ErrorMessage }) {
  const meta = [
    error.errorCode && `Code: ${error.errorCode}`,
    error.errorDetail && `Detail: ${error.errorDetail}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <Box component="span" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
        {error.message?.trim() || 'The server gave no message for this error.'}
      </Box>
      {meta && (
        <Box component="span" sx={{ display: 'block', overflowWrap: 'anywhere', fontSize: '0.8125rem' }}>
          {meta}
        </Box>
      )}
    </>
  );
}
