import { useEffect, type RefObject } from 'react';

/**
 * For a controlled text field the server renders: what was typed into it before the page came alive. React keeps
 * that text on hydration but never hears of it, and its next render would wipe it; this hands it over once, as if
 * typed now.
 */
export function useTypedBeforeHydration(
  input: RefObject<HTMLInputElement | null>,
  value: string,
  onTyped: (typed: string) => void,
): void {
  useEffect(() => {
    const typed = input.current?.value;
    if (typed !== undefined && typed !== value) onTyped(typed);
    // Once, when the page is taken over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
