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
      const a = createScheduleApp(await database.open(), { now, sandboxDb, instance: 'a:1', batchSize: 2 });
      const b = createScheduleApp(await database.open(), { now, sandboxDb, instance: 'b:1', batchSize: 2 });
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

      const runs = (
        await Promise.all(Array.from({ length: ROUNDS }, () => [a.runner.runDue(), b.runner.runDue()]).flat())
      ).flat();
      expect(runs.map((run) => run.id).sort()).toEqual([...planned].sort());
      expect(runs.every((run) => run.status === 'accepted')).toBe(true);
      expect(a.sends() + b.sends()).toBe(SENDS);
      expect(a.outbox(SEED_EVENT_IDS.largeSummit)).toEqual([...travelers].sort());
      const rows = await a.rows();
      expect(rows.map((row) => row.status)).toEqual(Array.from({ length: SENDS }, () => 'accepted'));
      // Claimed by either, each recorded as sent by the instance that claimed it.
      expect(new Set(rows.map((row) => row.instance)).size).toBeGreaterThanOrEqual(1);
      expect(await Promise.all([a.runner.runDue(), b.runner.runDue()])).toEqual([[], []]);
    },
  );
});
