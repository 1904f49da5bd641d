import type { UseQueryResult } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { RecentInvites, RecentSend } from '#contract/send-history';
import { describeRequestError } from '@/components/api-error-text';
import { formatInstant, formatQuantity } from '@/components/format';
import { formatSendAt } from '@/components/send-at/format-send-at';

import { RECENT_INVITES_ID } from './recent-invites-id';

/** "12 of these 40 travelers were…", "All of the event's travelers were…". */
function headline(recent: RecentInvites, count: number, all: boolean): string {
  const when = 'sent an invite in the last 24 hours';
  if (recent.travelerCount === null) return `Every traveler of this event was ${when}.`;
  if (recent.travelerCount === count && !all) {
    return count === 1
      ? `This traveler was ${when}.`
      : `All ${formatQuantity(count, 'traveler')} were ${when}.`;
  }
  const of = all ? "of the event's travelers" : `of these ${formatQuantity(count, 'traveler')}`;
  return `${recent.travelerCount} ${of} ${recent.travelerCount === 1 ? 'was' : 'were'} ${when}.`;
}

function sendLine(send: RecentSend): string {
  const who = `${formatInstant(send.createdAt)} by ${send.personName}`;
  const covered =
    send.scope === 'all' ? 'every traveler' : formatQuantity(send.matchedCount, 'of them', 'of them');
  const outcome = send.status === 'accepted' ? '' : ' (outcome unknown: it may have gone out)';
  return `${who}: ${covered}${outcome}`;
}

/**
 * In the confirmation, before the yes: which of the chosen travelers already got an invite in the last 24 hours,
 * how many and when, read from the send history. A failed check says so and does not stop the send. One live
 * region throughout, so whichever answer replaces "Checking…" is announced.
 */
interface RecentInvitesNoticeProps {
  query: UseQueryResult<RecentInvites>;
  /** How many travelers the send goes to, and whether that is all of them. */
  count: number;
  all: boolean;
}

export function RecentInvitesNotice({ query, count, all }: RecentInvitesNoticeProps) {
  return (
    <Box id={RECENT_INVITES_ID} aria-live="polite" sx={{ mt: 2 }}>
      <RecentInvitesAnswer query={query} count={count} all={all} />
    </Box>
  );
}

function RecentInvitesAnswer({ query, count, all }: RecentInvitesNoticeProps) {
  if (query.isPending) {
    return <Typography variant="body2">Checking for invites sent in the last 24 hours…</Typography>;
  }
  if (query.isError) {
    return (
      // Inside the live region: the Alert's own role would announce it twice.
      <Alert severity="info" role="none">
        The console could not check for invites sent in the last 24 hours. {describeRequestError(query.error)}
      </Alert>
    );
  }
  const recent = query.data;
  // Sends planned for later are listed apart: they have not gone out, and "in the last 24 hours" is not them.
  const made = recent.sends.filter((send) => send.status !== 'scheduled');
  const planned = recent.sends.filter((send) => send.status === 'scheduled');
  const anyMade = made.length > 0 || (planned.length === 0 && recent.travelerCount !== 0);
  return (
    <>
      {!anyMade ? (
        <Typography variant="body2">None of them was sent an invite in the last 24 hours.</Typography>
      ) : (
        <RecentlyMade recent={{ ...recent, sends: made }} count={count} all={all} />
      )}
      {planned.length > 0 && (
        <Alert severity="info" role="none" sx={{ mt: 1 }}>
          {planned.map((send) => (
            <Typography key={send.id} sx={{ fontWeight: 600 }}>
              {plannedLine(send, all)}
            </Typography>
          ))}
          {planned.some((send) => send.action !== 'remind') && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              Sending now as well emails them twice; the History can cancel the scheduled send.
            </Typography>
          )}
        </Alert>
      )}
    </>
  );
}

/**
 * "Marcus Webb has scheduled a send to 12 of these travelers for Tue, Dec 8, 9:00 AM."; a scheduled reminder
 * names no one yet: it goes to whoever has not answered when it runs.
 */
function plannedLine(send: RecentSend, all: boolean): string {
  const when = send.dueAt ? ` for ${formatSendAt(Date.parse(send.dueAt))}` : '';
  if (send.action === 'remind') {
    return `${send.personName} has scheduled a reminder to whoever has not answered by then${when}.`;
  }
  const to =
    send.scope === 'all'
      ? 'every traveler of the event'
      : `${formatQuantity(send.matchedCount, 'of', 'of')} ${all ? "the event's travelers" : 'these travelers'}`;
  return `${send.personName} has scheduled a send to ${to}${when}.`;
}

function RecentlyMade({ recent, count, all }: { recent: RecentInvites; count: number; all: boolean }) {
  return (
    <Alert severity="warning" role="none">
      <Typography sx={{ fontWeight: 600 }}>{headline(recent, count, all)}</Typography>
      <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
        {recent.sends.map((send) => (
          <li key={send.id}>{sendLine(send)}</li>
        ))}
      </Box>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        Sending again emails them again.
      </Typography>
    </Alert>
  );
}
