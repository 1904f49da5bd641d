/**
 * `GET /auth/sign-in` per client address: each start seals a sign-in attempt and sends the browser to the OpenID
 * Provider, so a loop of them costs the console and the provider. Past the limit: 429 with Retry-After and a
 * short page saying how long to wait.
 */
import type { MiddlewareHandler } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { html, renderPage } from '../auth/html.ts';
import type { ServerEnv } from '../http/server-env.ts';
import { peerAddress, type ClientAddress } from './client-address.ts';
import { consumeOrWait, limitKey } from './limiter-factory.ts';
import { describeWait } from './wait-text.ts';

export function signInStartLimit(
  limiter: RateLimiterAbstract,
  address: ClientAddress = peerAddress,
): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const wait = await consumeOrWait(limiter, limitKey(address.ofContext(c)));
    if (wait === 0) return next();
    c.set('logDetail', 'sign-in start limit reached');
    return c.html(
      renderPage({
        title: 'Too many sign-ins · Invites Console',
        main: html`<h1>Too many sign-ins</h1>
<p>Too many sign-ins were started from your address. Try again in ${describeWait(wait)}.</p>`,
      }),
      429,
      { 'retry-after': String(wait), 'cache-control': 'no-store' },
    );
  };
}
