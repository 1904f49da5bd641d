import { useSyncExternalStore } from 'react';

const never = () => () => undefined;

/**
 * False on the server and while the browser hydrates what the server sent; true from then on, and from the start
 * of a page the browser renders itself. For what only the browser can know (the viewer's time zone, a measured
 * layout): written one way in the server's HTML, the browser's way once React has taken the page over.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
