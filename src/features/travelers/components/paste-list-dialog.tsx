import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { describeRequestError } from '@/components/api-error-text';
import { formatQuantity } from '@/components/format';
import type { SelectedTraveler } from '@/types/selected-traveler';
import { useMatchPastedList, type PastedListResult } from '../hooks/use-match-pasted-list';
import { UNMATCHED_REASON_TEXT } from '../utils/match-pasted-travelers';

export interface PasteListDialogProps {
  open: boolean;
  eventId: string;
  companyId?: string;
  /** Adds the matched travelers to the selection. */
  onSelect: (travelers: SelectedTraveler[]) => void;
  /** Called with a one-line summary when the dialog closes after a fully matched list. */
  onClose: (summary?: string) => void;
}

const FIELD_ID = 'paste-list-field';
const HELP_ID = `${FIELD_ID}-help`;
const ERROR_ID = `${FIELD_ID}-error`;

function summaryOf(result: PastedListResult): string {
  const parts = [
    result.matched.length === 0
      ? 'Nobody on the list was selected.'
      : `Selected ${formatQuantity(result.matched.length, 'traveler')} from the list.`,
  ];
  if (result.duplicates > 0) parts.push(`${formatQuantity(result.duplicates, 'repeated line')} skipped.`);
  return parts.join(' ');
}

/**
 * "Paste a list": emails or user ids as copied from a spreadsheet. Every traveler of the event the list names is
 * selected; the lines that matched nobody stay in the box, listed with why, so the manager can fix them and try
 * again. A fully matched list closes the dialog.
 */
export function PasteListDialog({ open, eventId, companyId, onSelect, onClose }: PasteListDialogProps) {
  const [text, setText] = useState('');
  const [emptyError, setEmptyError] = useState(false);
  const match = useMatchPastedList(eventId, companyId);
  // The last check, while it left lines to fix (a fully matched list closes the dialog).
  const result = match.data && match.data.unmatched.length > 0 ? match.data : null;
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  function close(summary?: string) {
    // Closing while the list is being checked abandons it: nothing may be added behind a closed dialog.
    if (match.isPending) match.reset();
    onClose(summary);
  }

  function submit() {
    if (match.isPending) return;
    if (!text.trim()) {
      setEmptyError(true);
      return;
    }
    match.mutate(text, {
      onSuccess: (next) => {
        if (next.matched.length > 0) onSelect(next.matched);
        if (next.unmatched.length === 0) {
          setText('');
          close(summaryOf(next));
          return;
        }
        // What is left to fix: the lines that matched nobody, one a line.
        setText(next.unmatched.map((line) => line.text).join('\n'));
      },
    });
  }

  const describedBy = [HELP_ID, emptyError ? ERROR_ID : undefined].filter(Boolean).join(' ');
  return (
    <Dialog
      open={open}
      onClose={() => close()}
      aria-labelledby="paste-list-title"
      maxWidth="sm"
      fullWidth
      // A fresh start next time: nothing from an earlier paste lingers.
      slotProps={{
        transition: {
          // The dialog is there to take a paste: start in its field.
          onEntered: () => fieldRef.current?.focus(),
          onExited: () => {
            setEmptyError(false);
            match.reset();
          },
        },
      }}
    >
      <DialogTitle id="paste-list-title">Paste a list of travelers</DialogTitle>
      <DialogContent>
        <DialogContentText id={HELP_ID} sx={{ mb: 2 }}>
          Emails or user ids, one a line or separated by commas, semicolons or tabs, as copied from a
          spreadsheet. Every traveler of this event they name is added to the selection.
        </DialogContentText>
        <TextField
          id={FIELD_ID}
          label="Emails or user ids"
          multiline
          minRows={6}
          maxRows={14}
          fullWidth
          inputRef={fieldRef}
          value={text}
          error={emptyError}
          onChange={(event) => {
            setText(event.target.value);
            setEmptyError(false);
          }}
          helperText={emptyError ? 'Paste at least one email or user id.' : undefined}
          slotProps={{
            htmlInput: { 'aria-describedby': describedBy, spellCheck: false },
            formHelperText: { id: ERROR_ID },
          }}
        />

        {match.isError && (
          <Alert severity="error" sx={{ mt: 2, overflowWrap: 'anywhere' }}>
            The list could not be checked, so nobody was added. {describeRequestError(match.error)}
          </Alert>
        )}

        <Box aria-live="polite" sx={{ mt: 2 }}>
          {match.isPending && (
            <Typography variant="body2" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <CircularProgress size={16} aria-hidden /> Checking the list against this event&apos;s
              travelers…
            </Typography>
          )}
          {result && (
            <>
              <Typography sx={{ fontWeight: 600 }}>{summaryOf(result)}</Typography>
              <Typography
                id="paste-list-unmatched"
                variant="h3"
                component="h3"
                sx={{ mt: 1.5, mb: 0.5, color: 'error.main' }}
              >
                {result.unmatched.length === 1
                  ? '1 line matched nobody'
                  : `${result.unmatched.length.toLocaleString('en-US')} lines matched nobody`}
              </Typography>
              <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
                They are left in the box above: correct them and select again, or choose Done.
              </Typography>
              <Box
                component="ul"
                aria-labelledby="paste-list-unmatched"
                sx={{ m: 0, pl: 2.5, maxHeight: 240, overflowY: 'auto', '& li + li': { mt: 0.5 } }}
              >
                {result.unmatched.map((line) => (
                  <li key={line.text}>
                    <Box component="code" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                      {line.text}
                    </Box>
                    {': '}
                    {UNMATCHED_REASON_TEXT[line.reason]}
                  </li>
                ))}
              </Box>
            </>
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => close(result ? summaryOf(result) : undefined)}>Done</Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={match.isPending}
          aria-busy={match.isPending}
          startIcon={match.isPending ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
        >
          Select matching travelers
        </Button>
      </DialogActions>
    </Dialog>
  );
}
