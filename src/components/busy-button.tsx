import Button, { type ButtonProps } from '@mui/material/Button';
import type { SxProps, Theme } from '@mui/material/styles';

export interface BusyButtonProps extends ButtonProps {
  /** Its action is under way: the button looks disabled and ignores presses, but keeps the focus. */
  busy: boolean;
}

/**
 * A button that stays focusable while its action runs. A `disabled` button drops a keyboard user's focus to the
 * page's body, and they would start again from the top; so a busy one is `aria-disabled` and ignores presses (a
 * submit button's too: its click is what submits the form, by mouse or by Enter in a field).
 */
export function BusyButton({ busy, onClick, sx, variant, ...props }: BusyButtonProps) {
  const look: SxProps<Theme> = {
    '&[aria-disabled="true"], &[aria-disabled="true"]:hover': {
      color: 'action.disabled',
      cursor: 'progress',
      boxShadow: 'none',
      ...(variant === 'contained' && { bgcolor: 'action.disabledBackground' }),
      ...(variant === 'outlined' && { borderColor: 'action.disabledBackground' }),
    },
    // The theme's buttons show focus by a ripple in the text colour, which the busy look all but hides.
    '&[aria-disabled="true"].Mui-focusVisible': {
      outline: '2px solid',
      outlineColor: 'primary.main',
      outlineOffset: 2,
    },
  };
  return (
    <Button
      {...props}
      variant={variant}
      aria-busy={busy}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
      sx={[look, ...(Array.isArray(sx) ? sx : [sx])]}
    />
  );
}
