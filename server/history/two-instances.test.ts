// @vitest-environment node
/**
 * On several machines: two console instances (two connection pools) on one PostgreSQL database take
 * 200 concurrent distinct sends between them and leave exactly 200 records, none missing, none duplicated; a send
 * made on one is in the other's history at once. (PostgreSQL only: SQLite is documented as one instance.)
 */
import { describe, expect, it } from 'vitest';
import { SendPage } from '#contract/send-history';
import { postgresDialect, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createHistoryApp, EVENT } from './testing/history-app.ts';

const SENDS = 200;

describe('two instances on one PostgreSQL database', () => {
  const database = useTestDatabase(postgresDialect);

  it('record 200 concurrent distinct sends once each', { timeout: 60_000 }, async () => {
    const instances = [createHistoryApp(await database.open()), createHistoryApp(await database.open())];
    const people = await Promise.all(instances.map((instance) => instance.as('Marcus Webb')));
    const statuses = await Promise.all(
      Array.from({ length: SENDS }, (_, i) =>
        instances[i % 2]!.send(
          people[i % 2]!,
          { type: 'GENERIC', userIds: [{ id: `u-${i}` }] },
          `key-${i}`,
        ).then((response) => response.status),
      ),
    );
    expect(statuses).toEqual(Array.from({ length: SENDS }, () => 200));
    const rows = await instances[0]!.rows();
    expect(rows).toHaveLength(SENDS);
    expect(new Set(rows.map((row) => row.idempotency_key)).size).toBe(SENDS);
    expect(rows.every((row) => row.status === 'accepted')).toBe(true);
    expect(instances[0]!.state.calls + instances[1]!.state.calls).toBe(SENDS);
  });

  it('list a send made on one in the other’s History and Activity at once', async () => {
    const [a, b] = [createHistoryApp(await database.open()), createHistoryApp(await database.open())];
    const marcus = await a.as('Marcus Webb');
    expect((await a.send(marcus, { type: 'GENERIC', userIds: [{ id: 'u-1' }] })).status).toBe(200);
    const headers = await b.as('Priya Raman', 'admin');
    for (const url of [`/api/history/events/${EVENT}/sends`, '/api/history/sends']) {
      const page = SendPage.parse(await (await b.app.request(url, { headers })).json());
      expect(page.total).toBe(1);
      expect(page.sends[0]).toMatchObject({ person: { name: 'Marcus Webb' }, status: 'accepted' });
    }
  });
});
