/**
 * Which of the travelers about to be invited were sent an invite in the last 24 hours, from the event's sends in
 * that window (send-queries.ts reads only those, by the event's index, the latest 1,000 at most). The asked ids go
 * into a Set once, so 10,000 asked ids against a busy day cost one pass over each send's recipients.
 *
 * The sends still scheduled on the event (Send later) are named too, apart: they count in no `travelerCount`
 * ("sent in the last 24 hours" is not them), and take none of the 10 places of the sends made.
 */
import type { RecentInvites, RecentSend } from '#contract/send-history';
import type { RecentInviteRow } from './send-queries.ts';

export const RECENT_WINDOW_MS = 24 * 60 * 60_000;
export const MAX_RECENT_SENDS = 10;
/** The most scheduled sends named, after the recent ones. */
export const MAX_SCHEDULED_SENDS = 5;

/**
 * `askedIds` undefined: every traveler of the event (an "Invite all travelers" send about to be confirmed).
 * `rows`: the sends made in the window, newest first. `scheduled`: the event's sends and reminders still
 * scheduled, soonest due first.
 */
export function recentInvites(
  rows: readonly RecentInviteRow[],
  askedIds: readonly string[] | undefined,
  sinceMs: number,
  scheduled: readonly RecentInviteRow[] = [],
): RecentInvites {
  const asked = askedIds === undefined ? undefined : new Set(askedIds);
  const covered = new Set<string>();
  let everyoneCovered = false;
  const sends: RecentSend[] = [];

  for (const row of rows) {
    const matchedCount = matched(row, asked, everyoneCovered ? undefined : covered);
    if (row.scope === 'all') everyoneCovered = true;
    // An `all` send is always named, even with a count of 0 (its event's count unknown): it is what makes
    // travelerCount null ("every traveler"), and a warning must say which send that was.
    if ((row.scope === 'all' || matchedCount > 0) && sends.length < MAX_RECENT_SENDS) {
      sends.push(summary(row, matchedCount));
    }
  }

  let listed = 0;
  for (const row of scheduled) {
    if (listed >= MAX_SCHEDULED_SENDS) break;
    const matchedCount = row.action === 'remind' ? 0 : matched(row, asked, undefined);
    // A reminder reaches whoever is still invited when it runs: named whatever the asked travelers.
    if (row.action !== 'remind' && row.scope !== 'all' && matchedCount === 0) continue;
    sends.push(summary(row, matchedCount));
    listed += 1;
  }

  let travelerCount: number | null;
  if (asked !== undefined) travelerCount = everyoneCovered ? asked.size : covered.size;
  else travelerCount = everyoneCovered ? null : covered.size;
  return { since: new Date(sinceMs).toISOString(), travelerCount, sends };
}

/**
 * How many of the asked travelers the send covers (all of them for an `all` send; when everyone is asked, the
 * event's count recorded with it, 0 if unknown); each one covered goes into `covered`, if given.
 */
function matched(row: RecentInviteRow, asked: Set<string> | undefined, covered: Set<string> | undefined) {
  if (row.scope === 'all') return asked?.size ?? row.traveler_count ?? 0;
  let count = 0;
  for (const id of new Set(JSON.parse(row.traveler_ids) as string[])) {
    if (asked !== undefined && !asked.has(id)) continue;
    count += 1;
    covered?.add(id);
  }
  return count;
}

function summary(row: RecentInviteRow, matchedCount: number): RecentSend {
  return {
    id: row.id,
    createdAt: new Date(row.created_at).toISOString(),
    personName: row.person_name,
    scope: row.scope === 'all' ? 'all' : 'list',
    status: row.status,
    dueAt: row.due_at === null ? null : new Date(row.due_at).toISOString(),
    matchedCount,
    action: row.action === 'remind' ? 'remind' : 'send',
  };
}
