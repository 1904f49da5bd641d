/**
 * How long a send may take, shared by the server (its upstream timeout, and when an in-flight record is a dead
 * server's) and the browser (how long it waits before calling a send's outcome unknown).
 */

/** The server's wait for one Spotnana call when `UPSTREAM_TIMEOUT_MS` is not set. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 20_000;

/** A send is at most four Spotnana calls: a token, the send, and after a 401 a new token and the send again. */
export const UPSTREAM_CALLS_PER_SEND = 4;

/** The longest a send can be under way on the server before it answers, given its upstream timeout. */
export function longestSendMs(upstreamTimeoutMs: number): number {
  return UPSTREAM_CALLS_PER_SEND * upstreamTimeoutMs;
}

/**
 * How long the browser waits for a send's answer: the server's longest send at the default timeout, and a margin
 * for the hops between. Shorter, and the console would call "unknown" a send the server was about to answer.
 */
export const BROWSER_SEND_TIMEOUT_MS = longestSendMs(DEFAULT_UPSTREAM_TIMEOUT_MS) + 5_000;

/**
 * The most a reminder spends reading who is still invited before it sends: past it, the server asks for no more
 * pages and sends nothing. Pages already asked for may each take one upstream timeout more.
 */
export const REMINDER_COLLECT_MS = 30_000;

/** How long the browser waits for a reminder: the reading of who to remind, then the send itself. */
export const BROWSER_REMINDER_TIMEOUT_MS =
  REMINDER_COLLECT_MS + DEFAULT_UPSTREAM_TIMEOUT_MS + BROWSER_SEND_TIMEOUT_MS;
