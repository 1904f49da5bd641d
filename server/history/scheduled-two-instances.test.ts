// @vitest-environment node
/**
 * Send later on several machines: two console instances (two connection pools, two runners) on one PostgreSQL
 * database, each running its due sends many times at once: each scheduled send is claimed by one of them (FOR
 * UPDATE SKIP LOCKED) and reaches Spotnana once. (PostgreSQL only: SQLite is documented as one instance.)
 */
import { describe, expect, it } from 'vitest';
import { SEED_EVENT_IDS } from '../../sandbox/index.ts';
import { seededDatabase } from '../../sandbox/testing/harness.ts';
import { SendSummary } from '#contract/send-history';
import { postgresDialect, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createScheduleApp, personNamed } from './testing/schedule-app.ts';

const SENDS = 12;
const ROUNDS = 8;

describe('scheduled sends on two instances of one PostgreSQL database', () => {
  const database = useTestDatabase(postgresDialect);

  it(
    'send each due one once between them, however many rounds run at once',
    { timeout: 60_000 },
    async () => {
      let at = Date.UTC(2030, 0, 7, 9);
      const now = () => at;
      const sandboxDb = seededDatabase(); // one tenant: what reached it is counted once
      const a = createScheduleApp(await database.open(), { now, sandboxDb, instance: 'a:1', workers: 2 });
      const b = createScheduleApp(await database.open(), { now, sandboxDb, instance: 'b:1', workers: 2 });
      const marcus = await a.as(personNamed('Marcus Webb'));
      const travelers = a.inState(SEED_EVENT_IDS.largeSummit, 'ADDED').slice(0, SENDS);
      expect(travelers).toHaveLength(SENDS);
      const planned: string[] = [];
      for (const [i, id] of travelers.entries()) {
        const response = await a.post(`/api/schedules/events/${SEED_EVENT_IDS.largeSummit}`, marcus, {
          action: 'send',
          sendAt: new Date(at + 1_000 + i).toISOString(),
          userIds: [{ id }],
        });
        planned.push(SendSummary.parse(await response.json()).id);
      }
      at += 2_000;

      const rounds = Array.from({ length: ROUNDS }, () => [
        a.runner.runDue().then((runs) => runs.map((run) => ({ ...run, by: 'a:1' }))),
        b.runner.runDue().then((runs) => runs.map((run) => ({ ...run, by: 'b:1' }))),
      ]).flat();
      const runs = (await Promise.all(rounds)).flat();
      expect(runs.map((run) => run.id).sort()).toEqual([...planned].sort());
      expect(runs.every((run) => run.status === 'accepted')).toBe(true);
      // Exactly one invite/send reached the tenant per record: one e-mail per traveler, each in one record.
      expect(a.sends() + b.sends()).toBe(SENDS);
      expect(a.outbox(SEED_EVENT_IDS.largeSummit)).toEqual([...travelers].sort());
      const rows = await a.rows();
      expect(rows.map((row) => row.status)).toEqual(Array.from({ length: SENDS }, () => 'accepted'));
      for (const row of rows) expect(JSON.parse(row.traveler_ids)).toHaveLength(1);
      // Each record names the instance whose runner claimed and ran it, and that instance sent it.
      const ranBy = new Map(runs.map((run) => [run.id, run.by]));
      expect(rows.map((row) => row.instance)).toEqual(rows.map((row) => ranBy.get(row.id)));
      const sentBy = { 'a:1': a.sends(), 'b:1': b.sends() };
      for (const [instance, count] of Object.entries(sentBy)) {
        expect(rows.filter((row) => row.instance === instance)).toHaveLength(count);
      }
      expect(await Promise.all([a.runner.runDue(), b.runner.runDue()])).toEqual([[], []]);
    },
  );
});
