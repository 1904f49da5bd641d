// @vitest-environment node
/**
 * The admin Sessions page's API on two running instances sharing one PostgreSQL database (TEST_POSTGRES_URL, the
 * local one by default), as behind a load balancer: people sign in through the real code flow; an admin lists
 * them on one instance and ends a person's sessions on the other, which the first sees at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleDatabase, type ConsoleDb } from '../console-db/open-console-database.ts';
import type { TestPostgresDatabase } from '../console-db/testing/postgres.ts';
import { launchTwoOnPostgres, type TwoInstances } from '../console-db/testing/two-instances.ts';
import type { RunningServer } from '../launch.ts';
import { signInOverHttp, type SignedInSession } from './testing/sign-in-over-http.ts';

let two: TwoInstances;
let a: RunningServer;
let b: RunningServer;
let database: TestPostgresDatabase;
let consoleDb: ConsoleDb;

beforeAll(async () => {
  two = await launchTwoOnPostgres();
  ({ a, b, database } = two);
  consoleDb = await openConsoleDatabase({ databaseUrl: database.url });
}, 60_000);
afterAll(async () => {
  await consoleDb?.close();
  await two?.close();
});

const listSessions = (url: string, session: SignedInSession) =>
  fetch(`${url}/api/sessions`, { headers: session.headers });
const endSessions = (url: string, session: SignedInSession, body: unknown) =>
  fetch(`${url}/api/sessions/end`, { method: 'POST', headers: session.headers, body: JSON.stringify(body) });
/** Any signed-in person's request (a viewer may list events). */
const listEvents = (url: string, session: SignedInSession) =>
  fetch(`${url}/api/v2/events/list`, {
    method: 'POST',
    headers: session.headers,
    body: '{"listEventType":"UPCOMING"}',
  });
const errorCode = async (response: Response) =>
  ((await response.json()) as { errorMessages: { errorCode: string }[] }).errorMessages[0]?.errorCode;

describe('the admin Sessions API', () => {
  it('refuses viewers and senders: 403 ROLE_NOT_ALLOWED, and nothing ends', async () => {
    const viewer = await signInOverHttp(a.publicUrl, 'viewer');
    const sender = await signInOverHttp(a.publicUrl, 'sender');
    for (const who of [viewer, sender]) {
      const list = await listSessions(a.url, who);
      expect(list.status).toBe(403);
      expect(await errorCode(list)).toBe('ROLE_NOT_ALLOWED');
      const end = await endSessions(a.url, who, { subject: viewer.person.subject });
      expect(end.status).toBe(403);
      expect(await errorCode(end)).toBe('ROLE_NOT_ALLOWED');
    }
    expect((await listEvents(a.url, viewer)).status).toBe(200);
    expect((await fetch(`${a.url}/api/sessions`)).status).toBe(401);
  });

  it('lists each signed-in person once, with no session id or token; ending a person ends all their sessions on every instance', async () => {
    const admin = await signInOverHttp(a.publicUrl, 'admin');
    const viewerOnA = await signInOverHttp(a.publicUrl, 'viewer');
    const viewerAgain = await signInOverHttp(a.publicUrl, 'viewer');
    const sender = await signInOverHttp(a.publicUrl, 'sender');

    const list = await listSessions(b.url, admin);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const text = await list.text();
    const { people } = JSON.parse(text) as { people: Record<string, unknown>[] };
    const viewerEntry = people.find((person) => person.email === viewerOnA.person.email);
    expect(viewerEntry).toEqual({
      subject: viewerOnA.person.subject,
      name: viewerOnA.person.name,
      email: viewerOnA.person.email,
      role: 'viewer',
      signedInAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastActiveAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      // This file's first test signed the viewer in too.
      sessions: expect.any(Number),
      you: false,
    });
    expect(viewerEntry?.sessions).toBeGreaterThanOrEqual(2);
    expect(people.filter((person) => person.subject === viewerOnA.person.subject)).toHaveLength(1);
    expect(people.find((person) => person.subject === admin.person.subject)).toMatchObject({
      role: 'admin',
      you: true,
    });
    const rows = await consoleDb.db.selectFrom('sessions').select(['id_hash', 'refresh_token']).execute();
    expect(rows.some((row) => row.refresh_token !== null)).toBe(true);
    for (const secret of [
      ...rows.flatMap((row) => [row.id_hash, row.refresh_token ?? '']),
      ...[admin, viewerOnA, viewerAgain, sender].map((session) => session.cookieValue),
    ]) {
      if (secret !== '') expect(text).not.toContain(secret);
    }

    const end = await endSessions(a.url, admin, { subject: viewerOnA.person.subject });
    expect(end.status).toBe(200);
    expect(await end.json()).toEqual({ ended: viewerEntry?.sessions });
    // The other instance reads sessions from the database on every request: no wait, no cache.
    for (const ended of [viewerOnA, viewerAgain]) {
      const refused = await listEvents(b.url, ended);
      expect(refused.status).toBe(401);
      expect(await errorCode(refused)).toBe('SIGN_IN_REQUIRED');
    }
    // Everyone else stays signed in.
    expect((await listEvents(b.url, sender)).status).toBe(200);
    expect((await listEvents(b.url, admin)).status).toBe(200);
    const after = (await (await listSessions(a.url, admin)).json()) as { people: { subject: string }[] };
    expect(after.people.map((person) => person.subject)).not.toContain(viewerOnA.person.subject);
  });

  it('ends sessions only for a same-origin JSON request naming a subject', async () => {
    const admin = await signInOverHttp(a.publicUrl, 'admin');
    const sender = await signInOverHttp(a.publicUrl, 'sender');
    const crossSite = await fetch(`${a.url}/api/sessions/end`, {
      method: 'POST',
      headers: { ...admin.headers, origin: 'https://evil.example' },
      body: JSON.stringify({ subject: sender.person.subject }),
    });
    expect(crossSite.status).toBe(403);
    expect(await errorCode(crossSite)).toBe('CROSS_SITE_REQUEST_REFUSED');
    const noSubject = await endSessions(a.url, admin, { who: sender.person.subject });
    expect(noSubject.status).toBe(400);
    expect(await errorCode(noSubject)).toBe('INVALID_PARAMETER');
    expect((await listEvents(a.url, sender)).status).toBe(200);
  });
});
