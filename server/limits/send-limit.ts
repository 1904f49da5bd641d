/**
 * invite/send and invite/test per person (the session's subject), after the role guard and before the send
 * history: a refused send is not on the record and never reaches Spotnana. A sender, or someone with a sender's
 * stolen session, cannot fire send after send.
 */
import type { MiddlewareHandler } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consoleError } from '../http/errors.ts';
import { internalSendOf, type ServerEnv } from '../http/server-env.ts';
import { consumeOrWait, limitKey } from './limiter-factory.ts';
import { describeWait } from './wait-text.ts';
import { audit } from '../operations/audit.ts';

export const SEND_LIMIT_WINDOW_SECONDS = 10 * 60;

export function sendLimit(limiter: RateLimiterAbstract): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const subject = c.get('session')?.subject;
    if (subject === undefined) return next(); // requireSession runs first: no one's send is refused before this
    // A reminder's own invite/send: the reminder's route counted it already (history/reminder-route.ts). A
    // scheduled send is counted when it runs, as its scheduler's send (history/schedule-runner.ts).
    if (internalSendOf(c)?.action === 'remind') return next();
    let wait: number;
    try {
      wait = await consumeOrWait(limiter, limitKey(subject));
    } catch (error) {
      c.set('logDetail', `send limit unavailable: ${error instanceof Error ? error.name : 'error'}`);
      return consoleError(c, 503, {
        errorCode: 'SEND_LIMIT_UNAVAILABLE',
        message:
          'The console could not check its limit on sends, so it did not send this. Nothing was sent; try again.',
      });
    }
    if (wait === 0) return next();
    // The log line names the subject already (request-log.ts): this says why it was refused.
    c.set('logDetail', `send limit reached: ${limiter.points} in 10 minutes`);
    const session = c.get('session');
    audit('limit-refused', { subject, role: session?.role, requestId: c.get('requestId'), reason: 'sends' });
    return consoleError(
      c,
      429,
      {
        errorCode: 'SEND_RATE_LIMITED',
        message: `You have reached the console's limit of ${limiter.points} sends (invites and test invites) in 10 minutes. Try again in ${describeWait(wait)}. Nothing was sent.`,
      },
      { 'retry-after': String(wait) },
    );
  };
}
