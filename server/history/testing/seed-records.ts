/**
 * Test support: send records written straight into the console database, many at a time and at chosen times, for
 * the read side's tests and the first-page measurement (the write path has its own tests in send-records.test.ts).
 */
import { errorSummaryOf } from '../error-summary.ts';
import { NOT_SCHEDULED } from '../send-records.ts';
import type { Role } from '#contract/console-auth';
import type { Selectable } from 'kysely';
import type { ConsoleDb } from '../../console-db/open-console-database.ts';
import type { SendRecordsTable } from '../../console-db/schema.ts';

export type SeedRow = Selectable<SendRecordsTable>;

export interface SeedPerson {
  subject: string;
  name: string;
  email: string;
  role: Role;
}

export const MARCUS: SeedPerson = {
  subject: 'sub-marcus',
  name: 'Marcus Webb',
  email: 'marcus.webb@acme.example',
  role: 'sender',
};
export const SOFIA: SeedPerson = {
  subject: 'sub-sofia',
  name: 'Sofía Álvarez',
  email: 'sofia.alvarez@acme.example',
  role: 'sender',
};
export const PRIYA: SeedPerson = {
  subject: 'sub-priya',
  name: 'Priya Raman',
  email: 'priya.raman@acme.example',
  role: 'admin',
};

export const REFUSAL_BODY = {
  debugIdentifier: 'upstream-dbg-7',
  errorMessages: [
    {
      errorCode: 'USER_NOT_IN_EVENT',
      message: 'User u-2 is not a traveler of this event',
      errorParameters: [{ name: 'userIds[1].id', value: 'u-2' }],
      errorDetail: 'detail text',
    },
    { errorCode: 'INVALID_TYPE', message: 'Bad type', errorParameters: [] },
  ],
};

export interface RowOptions {
  at: number;
  person?: SeedPerson;
  eventId?: string;
  eventName?: string | null;
  action?: 'send' | 'test';
  /** undefined: scope all. */
  userIds?: string[];
  travelerCount?: number | null;
  status?: 'pending' | 'accepted' | 'refused' | 'failed';
  httpStatus?: number | null;
  outcome?: unknown;
  id?: string;
}

/** A completed accepted send to u-1 and u-2 by Marcus on ev-1 unless told otherwise. */
export function recordRow(options: RowOptions): SeedRow {
  const person = options.person ?? MARCUS;
  const status = options.status ?? 'accepted';
  const userIds = 'userIds' in options ? options.userIds : ['u-1', 'u-2'];
  const defaultHttp = { accepted: 200, refused: 400, failed: 502, pending: null }[status];
  const defaultOutcome = {
    accepted: { body: null },
    refused: { body: REFUSAL_BODY },
    failed: { failure: 'unreachable', body: { errorMessages: [] } },
    pending: null,
  }[status];
  const outcome = 'outcome' in options ? options.outcome : defaultOutcome;
  const id = options.id ?? crypto.randomUUID();
  return {
    id,
    created_at: options.at,
    instance: 'seed:1',
    subject: person.subject,
    person_name: person.name,
    person_email: person.email,
    role: person.role,
    event_id: options.eventId ?? 'ev-1',
    event_name: 'eventName' in options ? (options.eventName ?? null) : 'Team Offsite',
    action: options.action ?? 'send',
    event_type: 'MEETING',
    scope: userIds === undefined ? 'all' : 'list',
    traveler_count: 'travelerCount' in options ? (options.travelerCount ?? null) : (userIds?.length ?? null),
    traveler_ids: JSON.stringify(userIds ?? []),
    idempotency_key: id,
    request_fingerprint: id,
    status,
    http_status: 'httpStatus' in options ? (options.httpStatus ?? null) : defaultHttp,
    outcome_json: outcome === null ? null : JSON.stringify(outcome),
    ...errorSummaryOf(status, bodyOf(outcome)),
    completed_at: status === 'pending' ? null : options.at + 5,
    ...NOT_SCHEDULED,
  };
}

/** The stored answer's body, as `complete` would have stored it. */
function bodyOf(outcome: unknown): unknown {
  return typeof outcome === 'object' && outcome !== null
    ? ((outcome as { body?: unknown }).body ?? null)
    : null;
}

/** Inserts in chunks that stay under both dialects' limits on bound parameters. */
export async function insertRows({ db }: ConsoleDb, rows: readonly SeedRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('send_records')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}
