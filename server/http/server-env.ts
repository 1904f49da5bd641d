/** The Hono environment shared by the server app and the forwarder mounted inside it. */
import type { SendAction } from '#contract/send-history';
import type { StoredSession } from '../auth/session-store.ts';

export interface ServerEnv {
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
    sendOutcome?: {
      action: SendAction;
      outcome: 'accepted' | 'refused' | 'unknown' | 'not_sent';
      travelers: number;
    };
  };
}
