import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { describeRequestError } from '@/components/api-error-text';
import { PageError } from '@/components/page-error';
import { useEndSessions } from '../api/end-sessions';
import type { Role, SignedInSummary } from '#contract/console-auth';
import { signedInPeopleQueryOptions } from '../api/list-signed-in-people';
import { EndSessionsDialog } from './end-sessions-dialog';
import { SessionsTable, SessionsTableSkeleton } from './sessions-table';

export interface SessionsViewProps {
  /** How a role reads ("Administrator"): the app passes the console's own wording. */
  roleLabel: (role: Role) => string;
}

/** Who is signed in, and ending a person's sessions after a confirmation. */
export function SessionsView({ roleLabel }: SessionsViewProps) {
  const people = useQuery(signedInPeopleQueryOptions());
  const endSessions = useEndSessions();
  const [ending, setEnding] = useState<SignedInSummary>();
  const [ended, setEnded] = useState<string>();
  const doneRef = useRef<HTMLParagraphElement>(null);

  function confirm() {
    if (!ending) return;
    endSessions.mutate(ending, {
      onSuccess: () => {
        setEnded(`Ended the sessions of ${ending.name || ending.email}.`);
        setEnding(undefined);
        // The row and its button are gone: the message about them takes the focus, not the page's body.
        requestAnimationFrame(() => doneRef.current?.focus());
      },
    });
  }

  if (people.isError && !people.data) {
    return (
      <PageError
        title="Could not load who is signed in"
        detail={`Details: ${describeRequestError(people.error)}`}
        actions={
          <Button variant="contained" onClick={() => void people.refetch()} disabled={people.isFetching}>
            {people.isFetching ? 'Retrying…' : 'Retry'}
          </Button>
        }
      />
    );
  }

  return (
    <Box>
      <Typography ref={doneRef} role="status" tabIndex={-1} sx={{ mb: ended ? 2 : 0, outline: 'none' }}>
        {ended}
      </Typography>
      {!people.data ? (
        <SessionsTableSkeleton />
      ) : people.data.length === 0 ? (
        <Typography>No one is signed in.</Typography>
      ) : (
        <SessionsTable
          people={people.data}
          roleLabel={roleLabel}
          onEnd={(person) => {
            endSessions.reset();
            setEnding(person);
          }}
        />
      )}
      <EndSessionsDialog
        person={ending}
        busy={endSessions.isPending}
        error={endSessions.error}
        onConfirm={confirm}
        onCancel={() => setEnding(undefined)}
      />
    </Box>
  );
}
