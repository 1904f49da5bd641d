import { lazy, Suspense } from 'react';
import { LoadBoundary } from '@/components/load-boundary';
import type { SendLater as SendLaterState } from '../hooks/use-send-later';

// The dialog (MUI's modal, the date field, the time zones) loads when it is first opened, not with the page.
const SendLaterDialog = lazy(() =>
  import('./send-later-dialog').then((m) => ({ default: m.SendLaterDialog })),
);

export interface SendLaterProps {
  action: 'send' | 'remind';
  later: SendLaterState;
  venueTimeZone: string | undefined;
}

/** The Send at dialog while something is being scheduled, once its code has loaded. */
export function SendLater({ action, later, venueTimeZone }: SendLaterProps) {
  const { asked } = later;
  if (!asked) return null;
  return (
    <LoadBoundary what="the Send later dialog" consequence="Nothing was scheduled.">
      <Suspense fallback={null}>
        <SendLaterDialog action={action} later={{ ...later, asked }} venueTimeZone={venueTimeZone} />
      </Suspense>
    </LoadBoundary>
  );
}
