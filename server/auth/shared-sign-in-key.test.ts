// @vitest-environment node
/**
 * Two running console instances behind one PUBLIC_URL on one PostgreSQL database, as behind a load balancer: both
 * seal sign-in attempts with the one key the database holds, so a sign-in started on A finishes on B.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_ATTEMPTS_KEY_NAME } from './sign-in-attempts.ts';
import { Browser, formAction } from './testing/auth-test-server.ts';
import { getBehindLoadBalancer } from './testing/behind-load-balancer.ts';
import { seededPerson } from './testing/sign-in-over-http.ts';
import { openConsoleDatabase } from '../console-db/open-console-database.ts';
import type { TestPostgresDatabase } from '../console-db/testing/postgres.ts';
import { launchTwoOnPostgres, type TwoInstances } from '../console-db/testing/two-instances.ts';
import type { RunningServer } from '../launch.ts';

let two: TwoInstances;
let a: RunningServer;
let b: RunningServer;
let database: TestPostgresDatabase;

beforeAll(async () => {
  two = await launchTwoOnPostgres();
  ({ a, b, database } = two);
}, 60_000);
afterAll(async () => {
  await two?.close();
});

describe('two instances on one PostgreSQL database', () => {
  it('share the sign-in key: a sign-in started on one finishes on the other', async () => {
    const person = seededPerson('sender');
    const browser = new Browser();
    const form = (await browser.navigate(`${a.url}/auth/sign-in?returnTo=%2Fevents%2Fev-7`)).at(-1);
    let step = await browser.request(new URL(formAction(form?.body ?? ''), form?.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: person.email, password: person.password }).toString(),
    });
    // Through the provider, up to the console's callback: the load balancer sends that one to B.
    const callbackPrefix = `${a.publicUrl}/auth/callback?`;
    while (step.location !== undefined && !step.location.startsWith(callbackPrefix)) {
      step = await browser.request(step.location);
    }
    const callback = new URL(step.location ?? `${a.publicUrl}/no-callback`);
    const cookie = browser.jar.header(callback.href);
    const path = `${callback.pathname}${callback.search}`;
    const landed = await getBehindLoadBalancer(b.port, a.publicUrl, path, { cookie });
    expect(landed.status).toBe(303);
    expect(landed.location).toBe('/events/ev-7');

    const session = landed.setCookie
      .map((line) => line.split(';', 1)[0] ?? '')
      .find((pair) => /^console_session_\d+=./.test(pair));
    const who = await fetch(`${a.url}/auth/session`, { headers: { cookie: session ?? '' } });
    expect(await who.json()).toMatchObject({ email: person.email, role: 'sender' });

    const inspector = await openConsoleDatabase({ databaseUrl: database.url });
    try {
      const keys = await inspector.db.selectFrom('console_keys').select('name').execute();
      expect(keys).toEqual([{ name: SIGN_IN_ATTEMPTS_KEY_NAME }]);
    } finally {
      await inspector.close();
    }
  });
});
