/**
 * `/api/sessions`, the admin Sessions page, behind `/api`'s guards (app.ts: same-origin JSON writes, a session):
 *
 *   GET  /api/sessions       who is signed in, one entry per person: name, email, role, when they signed in, when
 *                            they were last active, how many sessions; never a session id or a token
 *   POST /api/sessions/end   {"subject": "..."}: deletes every session of that person from the console database.
 *                            Every instance reads the session from the database on each request, so the person's
 *                            next request anywhere gets 401 SIGN_IN_REQUIRED. Their standing (person-standing.ts)
 *                            then says `sessions-ended`: nothing they scheduled is sent as them until they sign in
 *                            again (server/history/schedule-runner.ts, SCHEDULER_SESSIONS_ENDED).
 *
 * Admins only. An admin may end their own sessions (the page asks them to confirm it).
 */
import type { EndSessionsResponse, SignedInPeople, SignedInSummary } from '#contract/console-auth';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { crossSiteReadGuard } from '../http/cross-site-guard.ts';
import { consoleError, errorResponse } from '../http/errors.ts';
import { checkJsonBody } from '../history/checked-body.ts';
import type { ServerEnv } from '../http/server-env.ts';
import { errorName } from '../operations/logger.ts';
import { requireRole } from './require-role.ts';
import type { SessionStore } from './session-store.ts';
import { audit } from '../operations/audit.ts';

const EndSessionsRequest = z.object({ subject: z.string().check(z.minLength(1), z.maxLength(255)) });

export function createSessionsAdminRoutes({ sessions }: { sessions: SessionStore }): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('cache-control', 'no-store');
  });
  // Names and emails: another site's page may not read them either.
  app.use('*', crossSiteReadGuard());

  app.get('/', requireRole('admin', 'see who is signed in'), async (c) => {
    const you = c.get('session')?.subject;
    const people = (await sessions.listSignedIn()).map((person): SignedInSummary => ({
      subject: person.subject,
      name: person.name,
      email: person.email,
      role: person.role,
      signedInAt: new Date(person.signedInAt).toISOString(),
      lastActiveAt: new Date(person.lastActiveAt).toISOString(),
      sessions: person.sessions,
      you: person.subject === you,
    }));
    return c.json({ people } satisfies SignedInPeople);
  });

  app.post('/end', requireRole('admin', 'end other people’s sessions'), async (c) => {
    const body = checkJsonBody(await c.req.text(), EndSessionsRequest);
    if (!body.ok) return errorResponse(400, body.errors, { debugIdentifier: c.get('requestId') });
    const { subject } = body.value;
    const ended = await sessions.destroyAllFor(subject);
    c.set('logDetail', `sessions: ended ${ended} of ${subject}`);
    const admin = c.get('session');
    audit('session-ended', { subject, reason: 'admin', by: admin?.subject, requestId: c.get('requestId') });
    // After the sessions are gone: no re-check of theirs can then write a newer "sender" over it; only a sign-in.
    try {
      await sessions.recordStandingLost?.(subject, 'sessions-ended');
    } catch (error) {
      c.set(
        'logDetail',
        `sessions: ended ${ended} of ${subject}; standing not recorded: ${errorName(error)}`,
      );
      return consoleError(c, 503, {
        errorCode: 'SEND_HISTORY_UNAVAILABLE',
        message:
          'Their sessions were ended, but the console could not record it for their scheduled sends, which could still go out as them. Try again.',
      });
    }
    return c.json({ ended } satisfies EndSessionsResponse);
  });

  return app;
}
