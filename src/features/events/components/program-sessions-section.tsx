import { lazy, Suspense } from 'react';
import { LoadBoundary } from '@/components/load-boundary';

// Only programs have sessions: the list's code loads on a program's page, not with every event's.
const ProgramSessions = lazy(() =>
  import('./program-sessions').then((m) => ({ default: m.ProgramSessions })),
);

/** A program's sessions, loaded on their own: a failed download leaves the rest of the page working. */
export function ProgramSessionsSection({ programId }: { programId: string }) {
  return (
    <LoadBoundary what="the program's sessions" consequence="The invite form below still works.">
      <Suspense fallback={null}>
        <ProgramSessions programId={programId} />
      </Suspense>
    </LoadBoundary>
  );
}
