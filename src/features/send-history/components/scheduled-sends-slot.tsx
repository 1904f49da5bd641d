import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { LoadBoundary } from '@/components/load-boundary';
import { scheduledSendsQueryOptions } from '../api/list-scheduled-sends';
import type { ScheduledSendsProps } from './scheduled-sends';

// Most events have nothing scheduled: the list's code loads once one has (or its loading failed, to say so).
const ScheduledSends = lazy(() => import('./scheduled-sends').then((m) => ({ default: m.ScheduledSends })));

/** Where the History's scheduled sends go. Once shown it stays, with its word on what was just moved or cancelled. */
export function ScheduledSendsSlot(props: ScheduledSendsProps) {
  const query = useQuery({
    ...scheduledSendsQueryOptions(props.eventId),
    select: (sends) => sends.length > 0,
  });
  const [shown, setShown] = useState(false);
  if (!shown && (query.data === true || query.isError)) setShown(true);
  if (!shown) return null;
  return (
    <LoadBoundary what="the scheduled sends" consequence="Nothing was changed.">
      <Suspense fallback={null}>
        <ScheduledSends {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
