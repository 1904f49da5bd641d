// @vitest-environment node
/**
 * The retention purge of a running server (start-send-history.ts): send records older than
 * SEND_RECORD_RETENTION_DAYS go, and with them the people's standings (a name, an email, a role) not written for as
 * long, unless the person still has a send scheduled, which runs on that standing.
 */
import { describe, expect, it } from 'vitest';
import { createPersonStandings } from '../auth/person-standing.ts';
import { testDialects, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { startSendHistory } from './start-send-history.ts';
import { insertRows, MARCUS, PRIYA, recordRow, SOFIA } from './testing/seed-records.ts';

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2031, 5, 1);

describe.each(testDialects)('the retention purge on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  it('deletes standings not written within the retention, but never one whose person has a send scheduled', async () => {
    const consoleDb = await database.open();
    const standings = createPersonStandings(consoleDb);
    const old = NOW - 401 * DAY;
    await standings.vouched(MARCUS, 'sender', old); // nothing scheduled: goes
    await standings.vouched(SOFIA, 'sender', old); // a send still scheduled: stays
    await standings.vouched(PRIYA, 'admin', NOW - 10 * DAY); // recent: stays
    await insertRows(consoleDb, [
      recordRow({ at: old, person: MARCUS, id: 'old-send' }),
      { ...recordRow({ at: old, person: SOFIA, id: 'planned' }), status: 'scheduled', due_at: NOW + DAY },
      recordRow({ at: NOW - DAY, person: PRIYA, id: 'recent-send' }),
    ]);

    const history = startSendHistory(
      consoleDb,
      { upstreamTimeoutMs: 20_000, sendRecordRetentionMs: 400 * DAY },
      () => NOW,
    );
    history.stop();
    // The purge at start may have run already; this one reports what is left to do, then nothing.
    await history.purge();
    expect(await history.purge()).toEqual({ records: 0, standings: 0 });

    expect(await standings.get(MARCUS.subject)).toBeUndefined();
    expect(await standings.get(SOFIA.subject)).toMatchObject({ role: 'sender', name: SOFIA.name });
    expect(await standings.get(PRIYA.subject)).toMatchObject({ role: 'admin' });
    const ids = (await consoleDb.db.selectFrom('send_records').select('id').orderBy('id').execute()).map(
      (row) => row.id,
    );
    expect(ids).toEqual(['planned', 'recent-send']);
  });
});
