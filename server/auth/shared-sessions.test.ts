// @vitest-environment node
/**
 * Two console instances started with the same DATABASE_URL share sessions, against a real PostgreSQL
 * server (TEST_POSTGRES_URL, default the local one): two running servers behind one PUBLIC_URL, as behind a load
 * balancer. A manager signs in on A through the real code flow (A's embedded provider); B, which only shares the
 * database, takes the same cookie; a sign-out on B ends the session on A too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBehindLoadBalancer } from './testing/behind-load-balancer.ts';
import { signInOverHttp } from './testing/sign-in-over-http.ts';
import { launchTwoOnPostgres, type TwoInstances } from '../console-db/testing/two-instances.ts';
import type { RunningServer } from '../launch.ts';

let two: TwoInstances;
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  two = await launchTwoOnPostgres();
  ({ a, b } = two);
}, 60_000);
afterAll(async () => {
  await two?.close();
});

const listEvents = (url: string, headers: Record<string, string>) =>
  fetch(`${url}/api/v2/events/list`, { method: 'POST', headers, body: '{"listEventType":"UPCOMING"}' });

describe('two instances on one PostgreSQL database', () => {
  it('share a session: signed in on one, signed in on the other; signed out on one, out on both', async () => {
    expect(b.url).not.toBe(a.url);
    const session = await signInOverHttp(a.publicUrl, 'viewer');

    expect((await listEvents(a.url, session.headers)).status).toBe(200);
    expect((await listEvents(b.url, session.headers)).status).toBe(200);
    // A page's request reaches B as the load balancer sends it: with the public Host.
    const who = await getBehindLoadBalancer(b.port, a.publicUrl, '/auth/session', { cookie: session.cookie });
    expect(JSON.parse(who.body)).toEqual({
      name: session.person.name,
      email: session.person.email,
      role: 'viewer',
    });

    const out = await fetch(`${b.url}/auth/sign-out`, {
      method: 'POST',
      headers: { ...session.headers, accept: 'application/json' },
    });
    expect(out.status).toBe(200);
    expect((await listEvents(a.url, session.headers)).status).toBe(401);
  });
});
