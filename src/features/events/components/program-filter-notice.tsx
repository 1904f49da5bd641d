import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { getEventQueryOptions } from '../api/get-event';

export interface ProgramFilterNoticeProps {
  programId: string;
  onClear: () => void;
}

/** Says whose sessions the list shows (the program's name once it is in), with the way back to every event. */
export function ProgramFilterNotice({ programId, onClear }: ProgramFilterNoticeProps) {
  const program = useQuery(getEventQueryOptions(programId));
  const name = program.data?.name;
  return (
    <Alert
      severity="info"
      // Information, not an alarm: the list below is narrowed to one program.
      role="status"
      action={
        <Button color="inherit" size="small" onClick={onClear}>
          Show all events
        </Button>
      }
    >
      {name ? `Sessions and trips of ${name}` : 'Sessions and trips of one program'}
    </Alert>
  );
}
