/** The Hono environment shared by the server app and the forwarder mounted inside it. */
import type { SendAction } from '#contract/send-history';
import type { StoredSession } from '../auth/session-store.ts';

/** How a send or test invite ended, as the send history recorded it, for the metrics. */
export interface SendOutcomeVariable {
  action: SendAction;
  outcome: 'accepted' | 'refused' | 'unknown' | 'not_sent';
  travelers: number;
}

/**
 * A send the server dispatches to `/api` itself (a reminder's invite/send: history/reminder-route.ts; a scheduled
 * send or reminder when it runs: history/schedule-runner.ts), carried in the inner request's Bindings, which
 * nothing a browser sends can set. The inner request goes through every guard of `/api`.
 */
export interface InternalSend {
  /** What the send history records the invite/send as: `remind` for a reminder's; unset, as the route says. */
  action?: Extract<SendAction, 'remind'>;
  /**
   * A scheduled send running as the person who scheduled it (history/schedule-runner.ts), with the role their
   * standing gives: requireSession takes it instead of a cookie, and the write guard lets it through without an
   * Origin (no browser made it). Only the server sets it, in Bindings.
   */
  session?: StoredSession;
  /**
   * The scheduled send's record, claimed by the runner: the send history completes it instead of inserting a new
   * one, and marks `adopted` once it has taken it (the runner then knows the record is the send's to complete; a
   * refusal before that is the runner's). One object, shared by reference with a reminder's own invite/send.
   */
  scheduledRun?: ScheduledRun;
  /** The outer request's id, which the inner request takes as its own (its errors, its upstream call). */
  requestId?: string;
  /**
   * Filled once the inner request is answered (history/reminder-route.ts): what it told its log line and the
   * metrics, for the outer request's, since only the outer request is logged and measured.
   */
  answered?: Pick<ServerEnv['Variables'], 'logDetail' | 'errorCode' | 'sendOutcome'>;
}

/** A scheduled send as it runs (InternalSend.scheduledRun). */
export interface ScheduledRun {
  recordId: string;
  adopted: boolean;
  /** How many minutes late it started (null: on time): written with the adoption, so only on a send that went. */
  lateMinutes?: number | null;
}

export interface ServerEnv {
  /** Undefined at run time when the app is called without bindings (`app.request()` in tests): see internalSendOf. */
  Bindings: { internalSend?: InternalSend };
  Variables: {
    /** Set by the request-id middleware; absent when the forwarder runs on its own (tests). */
    requestId?: string;
    /** Why the server made up an error response (e.g. `ECONNREFUSED`), for the request's log line only. */
    logDetail?: string;
    /** The signed-in person, set by requireSession; the log line takes only their opaque subject id. */
    session?: StoredSession;
    /** Set by the forwarder when the upstream gave no answer (its failure kind), for the send history. */
    upstreamFailure?: string;
    /** The errorCode of an error the console's server made itself (consoleError), for the metrics. */
    errorCode?: string;
    /** How a send or test invite ended, as the send history recorded it, for the metrics. */
    sendOutcome?: SendOutcomeVariable;
  };
}

/** The marker of a send the server dispatched itself, if this request is one. */
export function internalSendOf(c: { env: ServerEnv['Bindings'] | undefined }): InternalSend | undefined {
  return c.env?.internalSend;
}
