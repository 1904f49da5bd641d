// @vitest-environment node
/**
 * Two console instances on one PostgreSQL database (DATABASE_URL), behind one PUBLIC_URL as behind a load
 * balancer, share each person's budget of sends: alternating between them gains nothing. The counts are in the
 * console database's rate_limits table, by hash: no subject in the clear.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInOverHttp } from '../auth/testing/sign-in-over-http.ts';
import type { TestPostgresDatabase } from '../console-db/testing/postgres.ts';
import { launchTwoOnPostgres, type TwoInstances } from '../console-db/testing/two-instances.ts';
import type { RunningServer } from '../launch.ts';
import { SEED_EVENT_IDS } from '../../sandbox/seed/seed-ids.ts';

const EVENT = SEED_EVENT_IDS.kickoff;
let two: TwoInstances;
let a: RunningServer;
let b: RunningServer;
let database: TestPostgresDatabase;

beforeAll(async () => {
  two = await launchTwoOnPostgres({ SEND_LIMIT_PER_10_MIN: '3' });
  ({ a, b, database } = two);
}, 60_000);
afterAll(async () => {
  await two?.close();
});

const testInvite = (url: string, headers: Record<string, string>) =>
  fetch(`${url}/api/v2/events/${EVENT}/invite/test`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ type: 'GENERIC' }),
  });

async function countRows(sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(sql);
    return Number(result.rows[0]?.count);
  } finally {
    await client.end();
  }
}

describe('two instances on one PostgreSQL database', () => {
  it('share a person’s budget of sends: the fourth of three allowed is refused, on either instance', async () => {
    const session = await signInOverHttp(a.publicUrl, 'sender');
    const statuses = [];
    for (const instance of [a, b, a, b])
      statuses.push((await testInvite(instance.url, session.headers)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);

    const refused = await testInvite(a.url, session.headers);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { errorMessages: { errorCode: string }[] };
    expect(body.errorMessages.map((entry) => entry.errorCode)).toEqual(['SEND_RATE_LIMITED']);

    // Only the three that were allowed are on the record.
    expect(await countRows('SELECT count(*) FROM send_records')).toBe(3);
    const subject = session.person.subject;
    expect(await countRows(`SELECT count(*) FROM rate_limits WHERE key LIKE 'sends_subject:%'`)).toBe(1);
    expect(await countRows(`SELECT count(*) FROM rate_limits WHERE key LIKE '%${subject}%'`)).toBe(0);
  });
});
