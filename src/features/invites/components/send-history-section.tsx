import { lazy, Suspense, useEffect, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { LoadBoundary } from '@/components/load-boundary';
import { NO_FILTERS } from '../api/list-traveler-refs';
import { travelersInfiniteQuery } from '../api/list-travelers';
import type { SendHistoryProps } from './send-history';

// The History sits below the form and brings the error summary with it: its code loads after the page's.
const SendHistory = lazy(() => import('./send-history').then((m) => ({ default: m.SendHistory })));

/**
 * The first traveler rows are what the event page is opened for: the History's code and requests wait until the
 * picker's first page has arrived (or failed), then one task more, so they never compete with it. A link to one
 * send (`?send=`) is what that page was opened for: then at once.
 */
function useAfterFirstRows(eventId: string, companyId: string | undefined): boolean {
  const [params] = useSearchParams();
  // Observes the picker's own query without ever fetching it.
  const firstPage = useInfiniteQuery({
    ...travelersInfiniteQuery(eventId, companyId, NO_FILTERS),
    enabled: false,
  });
  const settled = firstPage.status !== 'pending' || params.has('send');
  const [ready, setReady] = useState(settled);
  useEffect(() => {
    if (!settled || ready) return;
    const timer = setTimeout(() => setReady(true), 0);
    return () => clearTimeout(timer);
  }, [settled, ready]);
  return ready;
}

/** The event's History, loaded on its own: a failed download leaves the invite form above working. */
export function SendHistorySection(props: SendHistoryProps) {
  const ready = useAfterFirstRows(props.eventId, props.namesScope.companyId);
  if (!ready) return null;
  return (
    <LoadBoundary what="the history" consequence="The invite form above still works.">
      <Suspense fallback={null}>
        <SendHistory {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
