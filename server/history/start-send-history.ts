/**
 * The send history as a running server uses it: the store, this instance's name, and the retention purge at start
 * and every 6 hours (any instance may run it; a DELETE by age is safe on several at once). The purge also deletes
 * the people's standings (auth/person-standing.ts: a name, an email, a role) not written for as long, unless the
 * person still has a send scheduled.
 */
import { hostname } from 'node:os';
import { longestSendMs } from '#contract/send-timing';
import type { Config } from '../config.ts';
import { createPersonStandings } from '../auth/person-standing.ts';
import type { ConsoleDb } from '../console-db/open-console-database.ts';
import { errorName, logger } from '../operations/logger.ts';
import type { SendHistory } from './record-sends.ts';
import { createSendQueries } from './send-queries.ts';
import { createSendRecords } from './send-records.ts';

const PURGE_INTERVAL_MS = 6 * 60 * 60_000;

/** The longest a live send can take, plus a margin for clocks and the database: an older in-flight row is a dead server's. */
export function staleInFlightMs(upstreamTimeoutMs: number): number {
  return longestSendMs(upstreamTimeoutMs) + 30_000;
}

export function startSendHistory(
  consoleDb: ConsoleDb,
  config: Pick<Config, 'upstreamTimeoutMs' | 'sendRecordRetentionMs'>,
  now: () => number = Date.now,
): SendHistory & { stop(): void; purge(): Promise<{ records: number; standings: number }> } {
  const records = createSendRecords(consoleDb, {
    staleInFlightMs: staleInFlightMs(config.upstreamTimeoutMs),
    now,
  });
  const standings = createPersonStandings(consoleDb);
  const purge = async () => {
    const cutoff = now() - config.sendRecordRetentionMs;
    // Records first: a standing goes once its person has nothing scheduled, whatever the records' purge did.
    const purgedRecords = await records.purgeOlderThan(cutoff);
    return { records: purgedRecords, standings: await standings.purgeOlderThan(cutoff) };
  };
  const purgeLogged = () => {
    purge().catch((error: unknown) =>
      logger.warn({ detail: errorName(error) }, 'send history: purge failed'),
    );
  };
  purgeLogged();
  const timer = setInterval(purgeLogged, PURGE_INTERVAL_MS);
  timer.unref(); // a pending purge never keeps the process alive
  return {
    records,
    queries: createSendQueries(consoleDb),
    instance: `${hostname()}:${process.pid}`,
    stop: () => clearInterval(timer),
    purge,
  };
}
