/**
 * What a failed send means to the manager: what happened, what to do, and whether anything may have been sent.
 * The Spotnana entries themselves are mapped to fields by `map-errors.ts`; this covers everything around them
 * (status codes, unreadable bodies, the network, timeouts).
 */
import type { ErrorResponse } from '#contract';
import { thrownMessage, timeoutSeconds } from '@/components/api-error-text';
import { formatQuantity, LOCALE, once } from '@/components/format';
import { ApiError, isSignInRequired } from '@/lib/api-client';

/** What the manager asked for, as the failure's sentences name it. */
export type FailedRequest = 'invites' | 'test invite';

export interface FailureReport {
  /** What happened, in one sentence. */
  title: string;
  /** What the manager can do about it. */
  advice: string;
  status?: number;
  /** The error envelope, when the server sent one (its entries may still be empty). */
  body?: ErrorResponse;
  /** The request may have been carried out: check the travelers' states before sending again. */
  outcomeUnknown: boolean;
  retryAfterSeconds?: number;
  /**
   * The failure is fully described by the envelope's entries (a plain 4xx such as 400 with messages): once the
   * manager has changed every field they name, there is nothing left to report.
   */
  explainedByEntries?: boolean;
}

const CLOCK_TIME = once(() => new Intl.DateTimeFormat(LOCALE, { hour: 'numeric', minute: '2-digit' }));

/**
 * "30 seconds"; from a minute on, whole minutes rounded up and the time of day, because the message stays on
 * screen while the wait runs out: "2 minutes (at 10:42 AM)".
 */
function waitFor(retryAfterSeconds: number, now: number): string {
  if (retryAfterSeconds < 60) return formatQuantity(retryAfterSeconds, 'second');
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const at = CLOCK_TIME().format(now + retryAfterSeconds * 1000);
  return `${formatQuantity(minutes, 'minute')} (at ${at})`;
}

function byStatus(
  status: number,
  action: FailedRequest,
  retryAfterSeconds: number | undefined,
  now: number,
): FailureReport | undefined {
  const nothingSent = action === 'invites' ? 'No invites were sent.' : 'No test invite was sent.';
  switch (status) {
    case 401:
      return {
        title: `Spotnana rejected the console's credentials (HTTP 401).`,
        advice: `${nothingSent} An administrator must fix the server's SPOTNANA_* settings (client id and secret).`,
        status,
        outcomeUnknown: false,
      };
    case 403:
      return {
        title: `You don't have permission to send invites for this event (HTTP 403).`,
        advice: `${nothingSent} Ask an administrator of the event's company for access.`,
        status,
        outcomeUnknown: false,
      };
    case 404:
      return {
        title: 'This event no longer exists (HTTP 404).',
        advice: `${nothingSent} It may have been deleted: go back to the events list.`,
        status,
        outcomeUnknown: false,
      };
    case 413:
      return {
        title: 'The request was too large for the server (HTTP 413).',
        advice: `${nothingSent} Send to fewer travelers at a time.`,
        status,
        outcomeUnknown: false,
      };
    case 429:
      return {
        title:
          retryAfterSeconds === undefined
            ? 'Too many requests: try again in a minute.'
            : `Too many requests: try again in ${waitFor(retryAfterSeconds, now)}.`,
        advice: nothingSent,
        status,
        outcomeUnknown: false,
        retryAfterSeconds,
      };
  }
  if (status >= 500) {
    return {
      title: `The server failed (HTTP ${status}).`,
      advice:
        action === 'invites'
          ? "Some invites may have been sent. Check the travelers' states before sending again."
          : 'Try again in a moment.',
      status,
      outcomeUnknown: action === 'invites',
    };
  }
  return undefined;
}

/** @param now when the failure happened (epoch ms): a `Retry-After` is counted from it. */
export function describeFailure(error: unknown, action: FailedRequest, now = Date.now()): FailureReport {
  if (!(error instanceof ApiError)) {
    return {
      title: `Something went wrong in the console: ${thrownMessage(error)}`,
      advice: 'Reload the page and try again.',
      outcomeUnknown: action === 'invites',
    };
  }
  const failure = error.failure;
  switch (failure.kind) {
    case 'spotnana': {
      // The console's own server could not reach Spotnana at all: unlike any other 5xx, nothing can have been sent.
      if (failure.body.errorMessages?.[0]?.errorCode === 'UPSTREAM_UNREACHABLE') {
        return {
          title: `The console's server could not reach Spotnana (HTTP ${failure.status}).`,
          advice: `${action === 'invites' ? 'No invites were sent.' : 'No test invite was sent.'} Try again in a moment.`,
          status: failure.status,
          body: failure.body,
          outcomeUnknown: false,
        };
      }
      const nothingSent = action === 'invites' ? 'No invites were sent.' : 'No test invite was sent.';
      // A server that is stopping refuses new sends before they are recorded or forwarded: nothing left.
      if (failure.status === 503 && failure.body.errorMessages?.[0]?.errorCode === 'SERVER_SHUTTING_DOWN') {
        return {
          title: `The console's server is restarting (HTTP ${failure.status}).`,
          advice: `${nothingSent} Try again in a moment: your choices on this page are kept.`,
          status: failure.status,
          body: failure.body,
          outcomeUnknown: false,
        };
      }
      // The console's own session and role, not Spotnana's credentials or the company's access.
      if (isSignInRequired(error)) {
        return {
          title: `Your session has ended (HTTP ${failure.status}).`,
          advice: `${nothingSent} Sign in again: your choices on this page are kept.`,
          status: failure.status,
          body: failure.body,
          outcomeUnknown: false,
        };
      }
      if (failure.status === 403 && failure.body.errorMessages?.[0]?.errorCode === 'ROLE_NOT_ALLOWED') {
        return {
          title: `Your role does not allow sending ${action === 'invites' ? 'invites' : 'test invites'} (HTTP 403).`,
          advice: `${nothingSent} Ask an administrator for the sender role.`,
          status: failure.status,
          body: failure.body,
          outcomeUnknown: false,
        };
      }
      const inFlight = failure.body.errorMessages?.find((m) => m.errorCode === 'IDENTICAL_SEND_IN_FLIGHT');
      if (failure.status === 409 && inFlight) {
        // The server refused a second copy of a send that someone (perhaps this manager, in another tab) has under
        // way: that one's outcome is not known yet.
        const param = (name: string) => inFlight.errorParameters?.find((p) => p.name === name)?.value;
        const startedAt = Date.parse(param('startedAt') ?? '');
        const when = Number.isNaN(startedAt) ? '' : ` at ${CLOCK_TIME().format(startedAt)}`;
        return {
          title: `This same send is already under way (HTTP ${failure.status}).`,
          advice: `${param('startedBy') ?? 'Someone'} started it${when}. Nothing more was sent: check the travelers' states once it has finished, before sending again.`,
          status: failure.status,
          body: failure.body,
          outcomeUnknown: true,
        };
      }
      const pending = failure.body.errorMessages?.find((m) => m.errorCode === 'SEND_OUTCOME_PENDING');
      if (failure.status === 409 && pending) {
        // This very send (same idempotency key) was submitted before and no answer is on record yet: a retry
        // after a timeout, or a server that stopped mid-send. It may still have gone out.
        const startedAt = Date.parse(
          pending.errorParameters?.find((p) => p.name === 'startedAt')?.value ?? '',
        );
        const when = Number.isNaN(startedAt) ? '' : ` at ${CLOCK_TIME().format(startedAt)}`;
        return {
          title: `This send was already submitted${when}, and its outcome is not known yet (HTTP ${failure.status}).`,
          advice:
            "Nothing more was sent. It may have gone out: check the travelers' states, and the History below, before sending again.",
          status: failure.status,
          body: failure.body,
          outcomeUnknown: true,
        };
      }
      const known = byStatus(failure.status, action, failure.retryAfterSeconds, now);
      if (known) return { ...known, body: failure.body };
      const hasEntries = (failure.body.errorMessages?.length ?? 0) > 0;
      return {
        title: hasEntries
          ? `The ${action} could not be sent (HTTP ${failure.status}).`
          : `The server refused the ${action} (HTTP ${failure.status}) without saying why.`,
        advice: hasEntries
          ? 'Fix the problems listed below and send again.'
          : 'Check the form and try again.',
        status: failure.status,
        body: failure.body,
        outcomeUnknown: false,
        explainedByEntries: hasEntries,
      };
    }
    case 'http':
      return (
        byStatus(failure.status, action, failure.retryAfterSeconds, now) ?? {
          title: `The server answered HTTP ${failure.status} with a response the console cannot read.`,
          advice: `The ${action} ${action === 'invites' ? 'were' : 'was'} not sent. Try again; if it keeps happening, tell an administrator.`,
          status: failure.status,
          outcomeUnknown: false,
        }
      );
    case 'invalid-response':
      return {
        title: `The server answered HTTP ${failure.status} with a response the console does not understand.`,
        advice: "Check the travelers' states before sending again.",
        status: failure.status,
        outcomeUnknown: action === 'invites',
      };
    case 'network':
      // The browser reports a refused connection and one that broke after the request had left alike, so a
      // send may have gone through: say so rather than promise that nothing was sent.
      return {
        title: 'Could not reach the server: the connection failed.',
        advice:
          action === 'invites'
            ? "The invites were most likely not sent, but if the connection broke after the request left, some may have been. Check your connection and the travelers' states, then try again."
            : 'Check your connection and try again.',
        outcomeUnknown: action === 'invites',
      };
    case 'timeout':
      return {
        title: `The outcome of the ${action === 'invites' ? 'send' : 'test invite'} is unknown: the server did not answer within ${formatQuantity(timeoutSeconds(failure), 'second')}.`,
        advice:
          action === 'invites'
            ? "Some or all invites may have been sent. Check the travelers' states before sending again."
            : 'Check your inbox before trying again.',
        outcomeUnknown: action === 'invites',
      };
  }
}
