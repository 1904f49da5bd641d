import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { CaptionedTable } from '@/components/captioned-table';
import { Instant, RelativeTime } from '@/components/date-time';
import { formatQuantity } from '@/components/format';
import { visuallyHidden } from '@/components/visually-hidden';
import type { Role, SignedInSummary } from '#contract/console-auth';

const COLUMNS = ['Person', 'Role', 'Signed in', 'Last active'] as const;
export const SESSIONS_TABLE_CAPTION = 'Signed-in people, most recently active first';

function TableFrame({ busy, children }: { busy: boolean; children: React.ReactNode }) {
  return (
    <CaptionedTable
      caption={SESSIONS_TABLE_CAPTION}
      columns={COLUMNS}
      hiddenColumns={['Actions']}
      busy={busy}
    >
      {children}
    </CaptionedTable>
  );
}

/** A time as "12 minutes ago", with the exact time under it. */
function When({ iso }: { iso: string }) {
  return (
    <>
      <RelativeTime value={iso} />
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        <Instant value={iso} />
      </Typography>
    </>
  );
}

export interface SessionsTableProps {
  people: readonly SignedInSummary[];
  roleLabel: (role: Role) => string;
  onEnd: (person: SignedInSummary) => void;
}

export function SessionsTable({ people, roleLabel, onEnd }: SessionsTableProps) {
  return (
    <TableFrame busy={false}>
      {people.map((person) => {
        const who = person.name || person.email;
        return (
          <TableRow key={person.subject} sx={{ verticalAlign: 'top' }}>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>
              {who}
              {person.you && <Chip label="You" size="small" sx={{ ml: 1 }} />}
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {person.email}
              </Typography>
            </TableCell>
            <TableCell>{roleLabel(person.role)}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              <When iso={person.signedInAt} />
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {formatQuantity(person.sessions, 'session')}
              </Typography>
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              <When iso={person.lastActiveAt} />
            </TableCell>
            <TableCell align="right">
              {/* The visible text is the same on every row; the accessible name says whose. */}
              <Button
                size="small"
                variant="outlined"
                color="error"
                aria-label={`End sessions of ${who}${person.you ? ' (you)' : ''}`}
                onClick={() => onEnd(person)}
              >
                End sessions
              </Button>
            </TableCell>
          </TableRow>
        );
      })}
    </TableFrame>
  );
}

/** The table's shape while the list loads, so nothing jumps when it arrives. */
export function SessionsTableSkeleton() {
  return (
    <>
      <Box role="status" sx={visuallyHidden}>
        Loading who is signed in…
      </Box>
      <TableFrame busy>
        {Array.from({ length: 3 }, (_, row) => (
          <TableRow key={row}>
            {[...COLUMNS, 'Actions'].map((column) => (
              <TableCell key={column}>
                <Skeleton variant="text" width="70%" />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableFrame>
    </>
  );
}
