import { lazy, Suspense } from 'react';
import { LoadBoundary } from '@/components/load-boundary';
import type { SendHistoryProps } from './send-history';

// The History sits below the form and brings the error summary with it: it loads after the page, not with it.
const SendHistory = lazy(() => import('./send-history').then((m) => ({ default: m.SendHistory })));

/** The event's History, loaded on its own: a failed download leaves the invite form above working. */
export function SendHistorySection(props: SendHistoryProps) {
  return (
    <LoadBoundary what="the history" consequence="The invite form above still works.">
      <Suspense fallback={null}>
        <SendHistory {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
