/**
 * The console's own database (not the sandbox's): one typed schema for SQLite and PostgreSQL alike.
 *
 * Times are integer epoch milliseconds (`bigint` columns; open-console-database.ts makes pg return them as
 * numbers), so comparisons and arithmetic are the same SQL on both dialects. Ids are stored as SHA-256 hashes:
 * a leaked row is not a usable cookie.
 */
import type { ColumnType, Generated } from 'kysely';
import type { Role } from '#contract/console-auth';
import type { SendAction, SendScope, SendStatus } from '#contract/send-history';

/** A signed-in manager's server-side session. Expiry is computed from the settings, not stored. */
export interface SessionsTable {
  /** base64url SHA-256 of the opaque id in the cookie. */
  id_hash: string;
  subject: string;
  name: string;
  email: string;
  /** Written as a Role, read as text: checked when read (server/auth/session-store.ts), a row may predate a role. */
  role: ColumnType<string, Role, Role>;
  created_at: number;
  /** Slid forward by reads at most about once a minute; the idle timeout counts from here. */
  last_seen_at: number;
  /**
   * The OpenID Provider's tokens, to read the person's groups again (server/auth/role-recheck.ts); null when it
   * gave none. Kept as they came: a refresh token is useless without the console's client secret.
   */
  refresh_token: ColumnType<string | null, string | null | undefined>;
  access_token: ColumnType<string | null, string | null | undefined>;
  /** When the role was last read from the provider (at sign-in, then by each re-check). */
  role_checked_at: Generated<number>;
}

/** A secret the console made for itself (server/console-db/console-keys.ts), one per purpose. */
export interface ConsoleKeysTable {
  /** What it is for, e.g. 'sign-in-attempts'. */
  name: string;
  /** 32 random bytes, base64url. */
  key: string;
  created_at: number;
}

/** One invite/send or invite/test that passed through `/api`, written before it left (server/history). */
export interface SendRecordsTable {
  id: string;
  created_at: number;
  /** The console instance that forwarded it (host:pid). */
  instance: string;
  subject: string;
  person_name: string;
  person_email: string;
  role: Role;
  event_id: string;
  event_name: string | null;
  action: SendAction;
  event_type: string | null;
  scope: SendScope;
  traveler_count: number | null;
  /** JSON array of user ids ([] for scope 'all'). */
  traveler_ids: string;
  idempotency_key: string | null;
  /** SHA-256 of event, action, type and sorted ids: what makes two sends identical. */
  request_fingerprint: string;
  /** `pending` also means "outcome unknown": the server died before the answer was recorded. */
  status: SendStatus;
  http_status: number | null;
  /** JSON: the answer's body (accepted, refused), or the failure and the body the browser got (failed). */
  outcome_json: string | null;
  /** The answer's `errorMessages` count and first message, for lists (server/history/error-summary.ts). */
  error_count: ColumnType<number, number | undefined, number>;
  first_error_message: ColumnType<string | null, string | null | undefined, string | null>;
  completed_at: number | null;
  /** Send later: when it is (was) due; null for a send made at once. */
  due_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** When it was scheduled (created_at moves to its start, or to its cancellation). */
  scheduled_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** Whole minutes it started after due_at, when one or more. */
  late_minutes: ColumnType<number | null, number | null | undefined, number | null>;
  cancelled_by_subject: ColumnType<string | null, string | null | undefined, string | null>;
  cancelled_by_name: ColumnType<string | null, string | null | undefined, string | null>;
  cancelled_by_email: ColumnType<string | null, string | null | undefined, string | null>;
  cancelled_at: ColumnType<number | null, number | null | undefined, number | null>;
}

/**
 * What the OpenID Provider last said of a person (server/auth/person-standing.ts): their role, or null once it
 * refused them (`provider-refused`), they are in no console group (`no-group`), or an admin ended their sessions
 * (`sessions-ended`). Read when a scheduled send of theirs runs; purged with the send records.
 */
export interface PersonStandingTable {
  subject: string;
  name: string;
  email: string;
  /** Written as a Role or null, read as text (checked when read). */
  role: ColumnType<string | null, Role | null, Role | null>;
  checked_at: number;
  reason: string | null;
}

/** Sends in flight; a row older than the longest possible send is a dead server's and no longer counts. */
export interface InflightSendsTable {
  fingerprint: string;
  record_id: string;
  started_at: number;
}

/** A limit's count (server/limits, PostgreSQL only): rate-limiter-flexible reads and writes it with its own SQL. */
export interface RateLimitsTable {
  /** `<limit>:<SHA-256 of what is counted>`. */
  key: string;
  points: number;
  /** When the window (or the block) ends; null never. */
  expire: number | null;
}

export interface ConsoleDatabase {
  sessions: SessionsTable;
  console_keys: ConsoleKeysTable;
  send_records: SendRecordsTable;
  inflight_sends: InflightSendsTable;
  rate_limits: RateLimitsTable;
  person_standing: PersonStandingTable;
}
