import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import ContentCopy from '@mui/icons-material/ContentCopy';

type CopyState = 'idle' | 'copied' | 'failed';

/** The `debugIdentifier` Spotnana support asks for, with a button that copies it. */
export function CopyDebugIdentifier({ value }: { value: string }) {
  const [state, setState] = useState<CopyState>('idle');

  async function copy() {
    try {
      // Missing outside secure contexts, and refused without permission: both end in the fallback message.
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <Box sx={{ mt: 1.5, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, minWidth: 0 }}>
      <Typography variant="body2" component="span" sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        Debug identifier:{' '}
        <Box
          component="code"
          sx={{
            fontFamily: 'monospace',
            userSelect: 'all',
            bgcolor: 'action.hover',
            px: 0.5,
            borderRadius: 0.5,
          }}
        >
          {value}
        </Box>
      </Typography>
      <Button
        size="small"
        variant="outlined"
        startIcon={<ContentCopy aria-hidden />}
        onClick={() => void copy()}
      >
        Copy debug identifier
      </Button>
      <Typography
        variant="body2"
        component="span"
        aria-live="polite"
        sx={{ color: state === 'failed' ? 'error.main' : 'text.secondary' }}
      >
        {state === 'copied' && 'Copied.'}
        {state === 'failed' && 'Could not copy: select the identifier and copy it by hand.'}
      </Typography>
    </Box>
  );
}
