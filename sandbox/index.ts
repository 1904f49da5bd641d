/**
 * The embedded sandbox: a Spotnana-compatible implementation of the routes the console uses, on SQLite.
 * The server mounts `createSandbox(...)` at `/sandbox`; the forwarder reaches it through the same code path as a
 * real tenant. Routes: see the route files; every answer other than a 200 is the `ErrorResponse` envelope.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Hono } from 'hono';
import { baseRoutePath } from 'hono/route';
import { errorResponse } from '../server/http/errors.ts';
import type { SandboxDeps, SandboxEnv } from './context.ts';
import { authRoutes, requireBearer } from './routes/auth.ts';
import { eventRoutes } from './routes/events.ts';
import { inviteRoutes } from './routes/invites.ts';
import { mountGroup, noRoute } from './routes/routing.ts';
import { travelerRoutes } from './routes/travelers.ts';
import { userProfileRoutes } from './routes/user-profiles.ts';
import { userRoutes } from './routes/users.ts';
import type { SandboxDatabase } from './store/database.ts';
import { createEventStore } from './store/event-store.ts';
import { createInviteStore } from './store/invite-store.ts';
import { createTravelerStore } from './store/traveler-store.ts';
import { createUserStore } from './store/user-store.ts';
import { errorName, logger } from '../server/operations/logger.ts';

export { openSandboxDatabase, type SandboxDatabase, type OpenSandboxOptions } from './store/database.ts';
export { SANDBOX_CREDENTIALS } from './credentials.ts';
export * from './seed/seed-ids.ts';

export interface SandboxOptions {
  db: SandboxDatabase;
  now?: () => Date;
  /** Lifetime of issued tokens (`expires_in`), 3600 s unless a test wants them to expire sooner. */
  tokenTtlSeconds?: number;
  /** Waits this long before handling each request: a real tenant's latency, to see the console as on one. */
  latencyMs?: number;
}

export function createSandbox(options: SandboxOptions): Hono<SandboxEnv> {
  const deps: SandboxDeps = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
  };
  const auth = requireBearer(deps);
  const events = createEventStore(deps.db);
  const travelers = createTravelerStore(deps.db);
  const users = createUserStore(deps.db);

  const app = new Hono<SandboxEnv>();
  const latencyMs = options.latencyMs ?? 0;
  if (latencyMs > 0) {
    app.use('*', async (_c, next) => {
      await delay(latencyMs);
      await next();
    });
  }
  // Each group is one sub-app behind its bearer check (the token route has none).
  mountGroup(app, '/v2/auth', authRoutes(deps));
  mountGroup(
    app,
    '/v2/events',
    new Hono<SandboxEnv>()
      .route('/', eventRoutes(deps, events))
      .route('/', travelerRoutes(deps, events, travelers))
      .route('/', inviteRoutes(deps, events, travelers, createInviteStore(deps.db))),
    auth,
  );
  mountGroup(app, '/v2/users', userProfileRoutes(users), auth);
  mountGroup(app, '/v3/users', userRoutes(users), auth);
  // A catch-all route rather than app.notFound: a parent app mounting the sandbox ignores the child's notFound.
  // The path is named as the sandbox sees it, also when a parent app serves these routes under a prefix.
  app.all('*', (c) => noRoute(c, baseRoutePath(c).replace(/\/$/, '')));
  app.onError((error) => {
    logger.error({ detail: errorName(error) }, 'sandbox: unexpected error');
    return errorResponse(500, [{ errorCode: 'INTERNAL_ERROR', message: 'The sandbox failed unexpectedly.' }]);
  });
  return app;
}
