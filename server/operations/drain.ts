/**
 * The graceful stop of one instance. Once it starts, `/readyz` fails (the load balancer stops sending traffic),
 * new `/api` writes are refused with 503 SERVER_SHUTTING_DOWN before anything is recorded or forwarded, and the
 * writes already under way (sends whose records must complete) are waited for; reads go on meanwhile.
 */
import type { MiddlewareHandler } from 'hono';
import { consoleError } from '../http/errors.ts';
import type { ServerEnv } from '../http/server-env.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface Drain {
  readonly draining: boolean;
  /** How many `/api` writes are under way. */
  readonly writesInFlight: number;
  /** Starts the stop; calling it again does nothing. */
  start(): void;
  /** Counts the `/api` writes under way, and refuses new ones once the stop has started. */
  guardWrites: MiddlewareHandler<ServerEnv>;
  /** Resolves true once no write is under way, or false when `timeoutMs` runs out first. */
  writesFinished(timeoutMs: number): Promise<boolean>;
}

export function createDrain(): Drain {
  let draining = false;
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (inFlight > 0) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  return {
    get draining() {
      return draining;
    },
    get writesInFlight() {
      return inFlight;
    },
    start() {
      draining = true;
    },
    guardWrites: async (c, next) => {
      if (!WRITES.has(c.req.method)) return next();
      if (draining) {
        c.set('logDetail', 'refused: server shutting down');
        return consoleError(
          c,
          503,
          {
            errorCode: 'SERVER_SHUTTING_DOWN',
            message: 'This console server is stopping. Nothing was sent or recorded: try again in a moment.',
          },
          { 'retry-after': '5' },
        );
      }
      inFlight += 1;
      try {
        await next();
      } finally {
        inFlight -= 1;
        settle();
      }
    },
    writesFinished(timeoutMs) {
      if (inFlight === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        timer.unref();
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
