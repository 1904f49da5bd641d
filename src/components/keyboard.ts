import type { KeyboardEvent } from 'react';

/** A held-down Enter repeats: only a fresh key press may activate the button (and send something). */
export function ignoreKeyRepeat(event: KeyboardEvent) {
  if (event.key === 'Enter' && event.repeat) event.preventDefault();
}
