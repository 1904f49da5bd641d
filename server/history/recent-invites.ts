/**
 * Which of the travelers about to be invited were sent an invite in the last 24 hours, from the event's sends in
 * that window (send-queries.ts reads only those, by the event's index, the latest 1,000 at most). The asked ids go
 * into a Set once, so 10,000 asked ids against a busy day cost one pass over each send's recipients.
 */
import type { RecentInvites, RecentSend } from '#contract/send-history';
import type { RecentInviteRow } from './send-queries.ts';

export const RECENT_WINDOW_MS = 24 * 60 * 60_000;
export const MAX_RECENT_SENDS = 10;

/**
 * `askedIds` undefined: every traveler of the event (an "Invite all travelers" send about to be confirmed).
 * `rows`: the sends still scheduled first (soonest due first), then the recent ones newest first.
 */
export function recentInvites(
  rows: readonly RecentInviteRow[],
  askedIds: readonly string[] | undefined,
  sinceMs: number,
): RecentInvites {
  const asked = askedIds === undefined ? undefined : new Set(askedIds);
  const covered = new Set<string>();
  let everyoneCovered = false;
  const sends: RecentSend[] = [];

  for (const row of rows) {
    let matchedCount: number;
    if (row.scope === 'all') {
      everyoneCovered = true;
      // Every asked traveler; when everyone is asked, the event's count recorded with the send (0 if unknown).
      matchedCount = asked?.size ?? row.traveler_count ?? 0;
    } else {
      const recipients = new Set(JSON.parse(row.traveler_ids) as string[]);
      matchedCount = 0;
      for (const id of recipients) {
        if (asked !== undefined && !asked.has(id)) continue;
        matchedCount += 1;
        if (!everyoneCovered) covered.add(id);
      }
    }
    // An `all` send is always named, even with a count of 0 (its event's count unknown): it is what makes
    // travelerCount null ("every traveler"), and a warning must say which send that was.
    if ((row.scope === 'all' || matchedCount > 0) && sends.length < MAX_RECENT_SENDS) {
      sends.push({
        id: row.id,
        createdAt: new Date(row.created_at).toISOString(),
        personName: row.person_name,
        scope: row.scope === 'all' ? 'all' : 'list',
        status: row.status,
        dueAt: row.due_at === null ? null : new Date(row.due_at).toISOString(),
        matchedCount,
      });
    }
  }

  let travelerCount: number | null;
  if (asked !== undefined) travelerCount = everyoneCovered ? asked.size : covered.size;
  else travelerCount = everyoneCovered ? null : covered.size;
  return { since: new Date(sinceMs).toISOString(), travelerCount, sends };
}
