/**
 * The send history a real tenant reaches: 100,000 records written straight into the console database's
 * `send_records` (migrated by the server's own code first) in one transaction (one prepared insert), before the
 * server under test opens the file. The Activity rows read it; every other row then also runs on a console with
 * a full history, as production does.
 *
 * The spread: ~50 events (the sandbox's Acme events and made-up older ones, a few much busier than the rest), 20
 * people (the seeded admin and senders and made-up colleagues), sends and a few test invites, lists of 1–500
 * travelers (log-uniform: most are small, a few are large) and some sends to every traveler, outcomes mostly
 * accepted with refused ones carrying whole error envelopes, failed ones and a few left pending, over the
 * retention window (SEND_RECORD_RETENTION_DAYS' default, 400 days) up to now.
 */
import type { Role } from '#contract/console-auth';
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { SEEDED_PEOPLE } from '../server/auth/embedded-provider/people.ts';
import { openConsoleDatabase } from '../server/console-db/open-console-database.ts';
import type { SendRecordsTable } from '../server/console-db/schema.ts';
import { errorSummaryOf } from '../server/history/error-summary.ts';
import { fingerprint } from '../server/history/send-request.ts';
import { EVENT_SEEDS } from '../sandbox/seed/seed-events.ts';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { mulberry32 } from '../sandbox/seed/prng.ts';

export const SEEDED_SEND_RECORDS = 100_000;
const EVENTS = 50;
const PEOPLE = 20;
/** Within SEND_RECORD_RETENTION_DAYS' default (400), so the server's purge at start keeps every record. */
const SPREAD_DAYS = 395;
const MAX_LIST = 500;
const DAY_MS = 24 * 60 * 60_000;

export interface SeededHistory {
  records: number;
  /** The people named by the records (the Activity page shows who sent). */
  personNames: string[];
  /** Bytes of `traveler_ids` JSON written, and how long the whole seeding took. */
  travelerIdBytes: number;
  ms: number;
}

interface SeedPerson {
  subject: string;
  name: string;
  email: string;
  role: Role;
}

const GIVEN = ['Amara', 'Bruno', 'Chen', 'Dalia', 'Emeka', 'Freya', 'Goran', 'Hana', 'Ines', 'Jae'];
const FAMILY = ['Okafor', 'Lindqvist', 'Haddad', 'Moreau', 'Tanaka', 'Novak', 'Costa', 'Brennan'];

function people(): SeedPerson[] {
  const seeded = SEEDED_PEOPLE.filter((p) => !p.groups.includes('console-viewers')).map((p): SeedPerson => ({
    subject: p.subject,
    name: p.name,
    email: p.email,
    role: p.groups.includes('console-admins') ? 'admin' : 'sender',
  }));
  const madeUp = Array.from({ length: PEOPLE - seeded.length }, (_, i): SeedPerson => {
    const name = `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 3) % FAMILY.length]}`;
    return {
      subject: `acme-${String(100 + i).padStart(4, '0')}`,
      name,
      email: `${name.toLowerCase().replace(' ', '.')}@acme.example`,
      role: 'sender',
    };
  });
  return [...seeded, ...madeUp];
}

function events(): Array<{ id: string; name: string; type: string }> {
  const real = EVENT_SEEDS.filter((e) => e.company === 'acme').map((e) => ({
    id: SEED_EVENT_IDS[e.key],
    name: e.name,
    type: e.type,
  }));
  const madeUp = Array.from({ length: EVENTS - real.length }, (_, i) => ({
    id: `e1000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    name: `${['Regional Partner Day', 'Customer Summit', 'Team Offsite', 'Product Launch'][i % 4]} ${2025 + (i % 2)} #${i + 1}`,
    type: i % 7 === 0 ? 'PROGRAM' : 'GENERIC',
  }));
  return [...real, ...madeUp];
}

const REFUSALS = [
  ['TRAVELER_REMOVED', 'The traveler was removed from the event.'],
  ['TRAVELER_NOT_FOUND', 'No traveler with this id is on the event.'],
] as const;

/** Seeds `SEEDED_SEND_RECORDS` records into the SQLite console database `file` (created and migrated if new). */
export async function seedSendHistory(file: string, now = Date.now()): Promise<SeededHistory> {
  const started = performance.now();
  const random = mulberry32(11);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const who = people();
  const where = events();
  // A pool of traveler ids; a list is a run of them from a random place (sorted as the fingerprint wants).
  const pool = Array.from({ length: 10_000 }, () => randomUUID()).sort();
  const instance = 'console-1:4242';
  let travelerIdBytes = 0;

  const record = (): Insertable<SendRecordsTable> => {
    const createdAt = now - Math.floor(random() * SPREAD_DAYS * DAY_MS);
    const person = pick(who);
    // Squared: the first events get most of the sends (a summit is sent to far more often than a team dinner).
    const event = where[Math.floor(random() * random() * where.length)]!;
    const action = random() < 0.08 ? 'test' : 'send';
    const all = action === 'test' || random() < 0.1;
    const size = Math.min(MAX_LIST, Math.max(1, Math.round(Math.exp(random() * Math.log(MAX_LIST)))));
    const from = Math.floor(random() * (pool.length - size));
    const userIds = all ? undefined : pool.slice(from, from + size);
    const travelerIds = JSON.stringify(userIds ?? []);
    travelerIdBytes += travelerIds.length;
    const roll = random();
    const status = roll < 0.85 ? 'accepted' : roll < 0.95 ? 'refused' : roll < 0.99 ? 'failed' : 'pending';
    const debugIdentifier = createHash('sha1').update(String(random())).digest('hex').slice(0, 16);
    const outcome =
      status === 'accepted'
        ? { body: null }
        : status === 'refused'
          ? {
              body: {
                debugIdentifier,
                errorMessages: (userIds ?? ['']).slice(0, 1 + Math.floor(random() * 5)).map((id) => {
                  const [errorCode, message] = pick(REFUSALS);
                  return {
                    errorCode,
                    message,
                    errorParameters: [{ name: 'userId', value: id }],
                    errorDetail: `Request ${debugIdentifier}: ${errorCode}`,
                  };
                }),
              },
            }
          : status === 'failed'
            ? {
                failure: pick(['timeout', 'unreachable', 'http-502']),
                body: {
                  debugIdentifier,
                  errorMessages: [
                    { errorCode: 'UPSTREAM_TIMEOUT', message: 'Spotnana did not answer in time.' },
                  ],
                },
              }
            : null;
    const completed = status !== 'pending';
    return {
      id: randomUUID(),
      created_at: createdAt,
      instance,
      subject: person.subject,
      person_name: person.name,
      person_email: person.email,
      role: person.role,
      event_id: event.id,
      event_name: event.name,
      action,
      event_type: event.type,
      scope: all ? 'all' : 'list',
      traveler_count: userIds?.length ?? null,
      traveler_ids: travelerIds,
      idempotency_key: randomUUID(),
      request_fingerprint: fingerprint({ eventId: event.id, action, eventType: event.type, userIds }),
      status,
      http_status:
        status === 'accepted' ? 200 : status === 'refused' ? 400 : status === 'failed' ? 504 : null,
      outcome_json: outcome === null ? null : JSON.stringify(outcome),
      ...errorSummaryOf(status, outcome?.body ?? null),
      completed_at: completed ? createdAt + 200 + Math.floor(random() * 3000) : null,
    };
  };

  // The server's own migrations make the tables; the rows then go in through one plain connection.
  await (await openConsoleDatabase({ file })).close();
  const db = new Database(file);
  try {
    // A fixture, not data to keep: one rollback-journaled transaction, no fsync per page (the server switches
    // the file back to WAL when it opens it). In WAL mode every page would be written twice.
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = OFF');
    const first = record();
    const columns = Object.keys(first);
    const insert = db.prepare(
      `INSERT INTO send_records (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    db.transaction(() => {
      insert.run(first);
      for (let i = 1; i < SEEDED_SEND_RECORDS; i++) insert.run(record());
    })();
  } finally {
    db.close();
  }
  return {
    records: SEEDED_SEND_RECORDS,
    personNames: who.map((p) => p.name),
    travelerIdBytes,
    ms: performance.now() - started,
  };
}
