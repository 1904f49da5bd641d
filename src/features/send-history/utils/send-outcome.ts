/**
 * A recorded send's outcome in words, the same on the event's History and on the Activity page: what happened,
 * and for an unknown outcome that the invites may have gone out.
 */
import type { SendAction, SendScope, SendStatus } from '#contract/send-history';
import { formatQuantity } from '@/components/format';

/** `info`: nothing went out and nothing went wrong (planned for later, or cancelled). */
export type OutcomeTone = 'success' | 'error' | 'warning' | 'info';

export interface SendOutcomeWords {
  /** "Sent", "Refused", "Outcome unknown" ... */
  label: string;
  /** One sentence for a screen reader and a tooltip: what it means for the travelers. */
  meaning: string;
  tone: OutcomeTone;
}

/**
 * @param errorCount the record's count of error entries: a `skipped` send with one was a scheduled send not run
 * (its entry says why), without one a reminder that found nobody left.
 */
export function sendOutcomeWords(status: SendStatus, action: SendAction, errorCount = 0): SendOutcomeWords {
  const what = action === 'test' ? 'The test invite' : action === 'remind' ? 'The reminders' : 'The invites';
  switch (status) {
    case 'scheduled':
      return {
        label: 'Scheduled',
        meaning: `Planned for later and not started yet. ${what} go out at the time set, unless it is cancelled.`,
        tone: 'info',
      };
    case 'cancelled':
      return {
        label: 'Cancelled',
        meaning: 'The scheduled send was cancelled before it started. Nothing was sent.',
        tone: 'info',
      };
    case 'accepted':
      return { label: 'Sent', meaning: `Spotnana accepted the request. ${what} went out.`, tone: 'success' };
    case 'refused':
      return {
        label: 'Refused',
        meaning: `Spotnana refused the request. Nothing was sent.`,
        tone: 'error',
      };
    case 'failed':
      return {
        label: 'Outcome unknown',
        meaning: `No clear answer came back. ${what} may have gone out: check the travelers' states.`,
        tone: 'warning',
      };
    case 'pending':
      return {
        label: 'Outcome unknown',
        meaning: `No answer was recorded (still running, or the console stopped during it). ${what} may have gone out.`,
        tone: 'warning',
      };
    case 'skipped':
      if (errorCount > 0 || action !== 'remind') {
        return {
          label: 'Not sent',
          meaning: 'The scheduled send was not run, for the reason given. Nothing was sent.',
          tone: 'warning',
        };
      }
      return {
        label: 'Nobody to remind',
        meaning: 'Every invited traveler had answered when it ran. Nothing was sent.',
        tone: 'success',
      };
  }
}

/**
 * "All travelers (1,200)", "3 travelers", "Test invite", "Reminder to 3 travelers"; a reminder that has not run
 * (scheduled, cancelled, not run) has no count: who it reaches is read when it runs.
 */
export function sendScopeWords(action: SendAction, scope: SendScope, travelerCount: number | null): string {
  if (action === 'test') return 'Test invite';
  if (action === 'remind') {
    return travelerCount === null
      ? "Reminder to those who haven't answered"
      : `Reminder to ${formatQuantity(travelerCount, 'traveler')}`;
  }
  if (scope === 'all') {
    return travelerCount === null
      ? 'All travelers'
      : `All travelers (${formatQuantity(travelerCount, 'traveler')})`;
  }
  return formatQuantity(travelerCount ?? 0, 'traveler');
}

/** Why a send failed, at a glance: its first error message, "(and 2 more)"; null when there is none to show. */
export function sendReasonWords(send: {
  firstErrorMessage: string | null;
  errorCount: number;
}): string | null {
  if (!send.firstErrorMessage) return null;
  const more = send.errorCount > 1 ? ` (and ${send.errorCount - 1} more)` : '';
  return `${send.firstErrorMessage}${more}`;
}

/** " · sent 12 minutes late" for a scheduled send that went out late; empty otherwise. */
export function lateWords(lateMinutes: number | null): string {
  return lateMinutes !== null && lateMinutes > 0
    ? ` · sent ${formatQuantity(lateMinutes, 'minute')} late`
    : '';
}

/** What a scheduled send will send: "Invites to all travelers", "Invites to 3 travelers", "A reminder". */
export function scheduledScopeWords(send: {
  action: SendAction;
  scope: SendScope;
  travelerCount: number | null;
}): string {
  if (send.action === 'remind') return 'A reminder to whoever has not answered by then';
  if (send.scope === 'all') return 'Invites to all travelers';
  return `Invites to ${formatQuantity(send.travelerCount ?? 0, 'traveler')}`;
}
