import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { EventType } from '#contract';
import type { SendSummary } from '#contract/send-history';
import { CaptionedTable } from '@/components/captioned-table';
import { Instant, RelativeTime } from '@/components/date-time';
import { eventTypeLabel } from '@/components/labels';
import { visuallyHidden } from '@/components/visually-hidden';
import { sendScopeWords } from '../utils/send-outcome';
import { SendOutcomeCell } from './send-outcome-cell';

const COLUMNS = ['When', 'Who', 'Event', 'Type', 'Recipients', 'Outcome'] as const;
const CAPTION = 'Sends, newest first';

function TableFrame({ busy, children }: { busy: boolean; children: React.ReactNode }) {
  return (
    <CaptionedTable caption={CAPTION} columns={COLUMNS} busy={busy}>
      {children}
    </CaptionedTable>
  );
}

/** The event page opens its History at this send (`?send=`). */
const sendOnEventPath = (send: SendSummary) =>
  `/events/${encodeURIComponent(send.eventId)}?send=${encodeURIComponent(send.id)}`;

function SendRow({ send }: { send: SendSummary }) {
  return (
    <TableRow sx={{ verticalAlign: 'top' }}>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <RelativeTime value={send.createdAt} />
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          <Instant value={send.createdAt} />
        </Typography>
      </TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>
        {send.person.name}
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {send.person.email}
        </Typography>
      </TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere', maxWidth: 280 }}>
        <Link component={RouterLink} to={sendOnEventPath(send)} sx={{ fontWeight: 600 }}>
          {send.eventName ?? `Unnamed event (${send.eventId})`}
        </Link>
      </TableCell>
      {/* The record keeps the type as sent; one the labels do not know reads as itself. */}
      <TableCell>{send.eventType ? eventTypeLabel(send.eventType as EventType) : 'Not given'}</TableCell>
      <TableCell>{sendScopeWords(send.action, send.scope, send.travelerCount)}</TableCell>
      <TableCell sx={{ maxWidth: 320 }}>
        <SendOutcomeCell send={send} />
      </TableCell>
    </TableRow>
  );
}

export function ActivityTable({ sends, busy }: { sends: readonly SendSummary[]; busy: boolean }) {
  return (
    <TableFrame busy={busy}>
      {sends.map((send) => (
        <SendRow key={send.id} send={send} />
      ))}
    </TableFrame>
  );
}

/** The table's shape while the first page loads, so nothing jumps when it arrives. */
export function ActivityTableSkeleton() {
  return (
    <>
      <Box role="status" sx={visuallyHidden}>
        Loading sends…
      </Box>
      <TableFrame busy>
        {Array.from({ length: 5 }, (_, row) => (
          <TableRow key={row}>
            {COLUMNS.map((column) => (
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
