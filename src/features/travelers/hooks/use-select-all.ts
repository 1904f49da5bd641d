import { useCallback, useEffect, useRef, useState } from 'react';
import type { TravelerFilters } from '../api/traveler-keys';
import { listAllTravelerRefs } from '../api/list-all-traveler-refs';
import type { TravelerRef } from '../api/list-traveler-refs';

export type SelectAllState =
  | { status: 'idle' }
  | { status: 'running'; loaded: number; total: number }
  | { status: 'done'; count: number }
  | { status: 'cancelled' }
  | { status: 'failed'; error: unknown };

/**
 * "Select all N matching": fetches the ids of every traveler matching the filters (see `listAllTravelerRefs`)
 * and hands them over in one go when all have arrived. Cancelling aborts the requests in flight and discards
 * what had arrived, so the selection only ever changes by the whole set; so does a failure. Leaving the page
 * cancels too.
 */
export function useSelectAll(eventId: string, onSelected: (travelers: TravelerRef[]) => void) {
  const [state, setState] = useState<SelectAllState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const latestOnSelected = useRef(onSelected);
  useEffect(() => {
    latestOnSelected.current = onSelected;
  });
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (filters: TravelerFilters, expectedTotal: number) => {
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      setState({ status: 'running', loaded: 0, total: expectedTotal });
      try {
        const travelers = await listAllTravelerRefs({
          eventId,
          filters,
          expectedTotal,
          signal: own.signal,
          onProgress: (loaded, total) => {
            if (!own.signal.aborted) setState({ status: 'running', loaded, total });
          },
        });
        if (own.signal.aborted) return;
        latestOnSelected.current(travelers);
        setState({ status: 'done', count: travelers.length });
      } catch (error) {
        if (own.signal.aborted) return;
        // Stop the pages still on their way: their answers would be thrown away.
        own.abort();
        setState({ status: 'failed', error });
      } finally {
        if (controller.current === own) controller.current = null;
      }
    },
    [eventId],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: 'cancelled' });
  }, []);

  const reset = useCallback(() => setState({ status: 'idle' }), []);

  return { state, start, cancel, reset };
}
