/**
 * The embedded sandbox: a Spotnana-compatible implementation of the routes the console uses, on SQLite.
 * The server mounts `createSandbox(...)` at `/sandbox`; the forwarder reaches it through the same code path as a
 * real tenant. Routes: see the route files; every answer other than a 200 is the `ErrorResponse` envelope.
 */
import { Hono } from 'hono';
import { baseRoutePath } from 'hono/route';
import { authRoutes, requireBearer } from './routes/auth.ts';
import type { SandboxDeps, SandboxEnv } from './context.ts';
import type { SandboxDatabase } from './store/database.ts';
import { errorResponse } from '../errors.ts';
import { createEventStore } from './store/event-store.ts';
import { createInviteStore } from './store/invite-store.ts';
import { registerEventRoutes } from './routes/events.ts';
import { registerInviteRoutes } from './routes/invites.ts';
import { registerTravelerRoutes } from './routes/travelers.ts';
import { registerUserRoutes } from './routes/users.ts';
import { createTravelerStore } from './store/traveler-store.ts';
import { createUserStore } from './store/user-store.ts';

export { openSandboxDatabase, type SandboxDatabase, type OpenSandboxOptions } from './store/database.ts';
export { SANDBOX_CREDENTIALS } from './credentials.ts';
export * from './seed/seed-ids.ts';

export interface SandboxOptions {
  db: SandboxDatabase;
  now?: () => Date;
  /** Lifetime of issued tokens (`expires_in`), 3600 s unless a test wants them to expire sooner. */
  tokenTtlSeconds?: number;
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

  const eventRoutes = new Hono<SandboxEnv>();
  registerEventRoutes(eventRoutes, deps, events, auth);
  registerTravelerRoutes(eventRoutes, deps, events, travelers, auth);
  registerInviteRoutes(eventRoutes, deps, events, travelers, createInviteStore(deps.db), auth);
  const userRoutes = new Hono<SandboxEnv>();
  registerUserRoutes(userRoutes, createUserStore(deps.db), auth);

  const app = new Hono<SandboxEnv>();
  app.route('/v2/auth', authRoutes(deps));
  app.route('/v2/events', eventRoutes);
  app.route('/v3/users', userRoutes);
  // A catch-all route rather than app.notFound: a parent app mounting the sandbox ignores the child's notFound.
  // The path is named as the sandbox sees it, also when a parent app serves these routes under a prefix.
  app.all('*', (c) => {
    const prefix = baseRoutePath(c).replace(/\/$/, '');
    const path = c.req.path.slice(prefix.length) || '/';
    return errorResponse(404, [
      { errorCode: 'NOT_FOUND', message: `The sandbox has no route ${c.req.method} ${path}.` },
    ]);
  });
  app.onError((error) => {
    console.error('sandbox: unexpected error', error);
    return errorResponse(500, [{ errorCode: 'INTERNAL_ERROR', message: 'The sandbox failed unexpectedly.' }]);
  });
  return app;
}
