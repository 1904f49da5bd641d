import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { LoadBoundary } from '@/components/load-boundary';
import type { SendHistoryProps } from './send-history';

// The History sits below the form and brings the error summary with it: its code loads after the page's.
const SendHistory = lazy(() => import('./send-history').then((m) => ({ default: m.SendHistory })));

export interface SendHistorySectionProps extends SendHistoryProps {
  /**
   * The first traveler rows, what the event page is opened for, are on screen: only then do the History's code
   * and requests start, so they never compete with them. A link to one send (`?send=`) starts it at once.
   */
  afterFirstRows: boolean;
}

/** The event's History, loaded on its own: a failed download leaves the invite form above working. */
export function SendHistorySection({ afterFirstRows, ...props }: SendHistorySectionProps) {
  const [params] = useSearchParams();
  if (!afterFirstRows && !params.has('send')) return null;
  return (
    <LoadBoundary what="the history" consequence="The invite form above still works.">
      <Suspense fallback={null}>
        <SendHistory {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
