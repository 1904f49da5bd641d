/**
 * Server-side sessions (OWASP Session Management): the cookie holds only an opaque random id, the database holds
 * its hash and the signed-in person, and expiry is decided here, on each read, from the idle timeout and the
 * absolute lifetime. Rotation at sign-in is the caller's destroy(old) + create(person).
 *
 * A session also keeps the OpenID Provider's tokens, for the role re-check (role-recheck.ts); they never leave
 * the server but to the provider, and nothing here returns them except `providerTokens`.
 */
import type { ConsoleDb } from '../console-db/open-console-database.ts';
import { hashOpaqueId, isOpaqueId, newOpaqueId } from './opaque-id.ts';
import { audit } from '../operations/audit.ts';
import { createPersonStandings, type StandingLostReason } from './person-standing.ts';

import { ROLES, type Role, type Session, type SignedInSummary } from '#contract/console-auth';

/** The signed-in person as the browser sees them, and the provider's subject that identifies them. */
export interface SignedInPerson extends Session {
  subject: string;
}

export interface StoredSession extends SignedInPerson {
  /** Epoch ms at which the session ends unless used again: min(idle end, absolute end). */
  expiresAt: number;
  /** Epoch ms at which the role was last read from the provider (or a re-check was last started). */
  roleCheckedAt: number;
}

/** What the provider gave at sign-in or at the last re-check, to ask it again; either may be missing. */
export interface ProviderTokens {
  refreshToken?: string;
  accessToken?: string;
}

/** One signed-in person on the admin Sessions page (contract's SignedInSummary), with times as epoch ms. */
export interface StoredSignedInSummary extends Omit<SignedInSummary, 'signedInAt' | 'lastActiveAt' | 'you'> {
  signedInAt: number;
  lastActiveAt: number;
}

/**
 * One stored session found by its person rather than by its cookie (the scheduled sends' role re-check,
 * server/history/schedule-runner.ts): the same operations as the store's, on that session.
 */
export interface SessionHandle {
  session: StoredSession;
  claimRoleCheck(seenCheckedAt: number): Promise<boolean>;
  providerTokens(): Promise<ProviderTokens | undefined>;
  recordRoleCheck(role: Role, tokens: ProviderTokens): Promise<void>;
  destroy(): Promise<{ subject: string; role: string } | undefined>;
  /** The session as stored now (another check may have just changed it), without counting as its use. */
  reread(): Promise<StoredSession | undefined>;
}

export interface SessionStore {
  /** Stores a session for the person; returns its new opaque id (256 random bits, base64url) for the cookie. */
  create(person: SignedInPerson, tokens?: ProviderTokens): Promise<string>;
  /** The session, or undefined when unknown or expired. Slides the idle timeout (a write about once a minute). */
  read(id: string): Promise<StoredSession | undefined>;
  /** Ends the session; returns whose it was (for the audit line), or undefined when there was none. */
  destroy(id: string): Promise<{ subject: string; role: string } | undefined>;
  /** Deletes every expired session; returns how many. */
  purgeExpired(): Promise<number>;
  /** The provider's tokens of a live session, for the re-check only. */
  providerTokens(id: string): Promise<ProviderTokens | undefined>;
  /**
   * Takes the session's next re-check, marking it started now, unless another request or instance has taken it
   * since the read that saw `seenCheckedAt`: one refresh per session at a time, across instances.
   */
  claimRoleCheck(id: string, seenCheckedAt: number): Promise<boolean>;
  /** A re-check's result: the role, and the tokens the provider just gave (a rotated refresh token replaces the old). */
  recordRoleCheck(id: string, role: Role, tokens: ProviderTokens): Promise<void>;
  /** Everyone with a live session, most recently active first. */
  listSignedIn(): Promise<StoredSignedInSummary[]>;
  /** How many sessions have not ended, of everyone (the metrics' gauge). */
  countActive(): Promise<number>;
  /** Ends every session of the person; returns how many there were. */
  destroyAllFor(subject: string): Promise<number>;
  /**
   * The person's most recently used live session (stores on the console database only), for a re-check made
   * without a request of theirs; never slides its idle timeout.
   */
  newestSessionOf?(subject: string): Promise<SessionHandle | undefined>;
  /** A re-check ended the person's session: the provider refused them, or they are in no console group. */
  recordStandingLost?(subject: string, reason: StandingLostReason): Promise<void>;
}

export interface SessionStoreOptions {
  idleTimeoutMs: number;
  absoluteLifetimeMs: number;
  now?: () => number;
}

/** A read moves last_seen_at only when it is this old: one write a minute per active session, not per request. */
const TOUCH_INTERVAL_MS = 60_000;

export function createSessionStore({ db }: ConsoleDb, options: SessionStoreOptions): SessionStore {
  const { idleTimeoutMs, absoluteLifetimeMs } = options;
  const now = options.now ?? Date.now;
  // With a short idle timeout, a minute's lag would be a large share of it.
  const touchAfterMs = Math.min(TOUCH_INTERVAL_MS, idleTimeoutMs / 10);
  const standings = createPersonStandings({ db });

  /** An audit line for a session that ran out: by its idle timeout, or by its lifetime whatever its use. */
  const auditEnded = (
    row: { subject: string; role: string; created_at: number; last_seen_at: number },
    at: number,
  ) =>
    audit('session-ended', {
      subject: row.subject,
      role: row.role,
      reason: at >= row.created_at + absoluteLifetimeMs ? 'lifetime' : 'idle',
    });

  return {
    async create({ subject, name, email, role }, tokens = {}) {
      const id = newOpaqueId();
      const at = now();
      await db
        .insertInto('sessions')
        .values({
          id_hash: hashOpaqueId(id),
          subject,
          name,
          email,
          role,
          created_at: at,
          last_seen_at: at,
          refresh_token: tokens.refreshToken ?? null,
          access_token: tokens.accessToken ?? null,
          role_checked_at: at,
        })
        .execute();
      await standings.vouched({ subject, name, email }, role, at);
      return id;
    },

    read: (id) => (isOpaqueId(id) ? readByHash(hashOpaqueId(id), true) : Promise.resolve(undefined)),

    async destroy(id) {
      if (!isOpaqueId(id)) return undefined;
      return destroyByHash(hashOpaqueId(id));
    },

    async purgeExpired() {
      const at = now();
      const ended = await db
        .deleteFrom('sessions')
        .where((eb) =>
          eb.or([
            eb('last_seen_at', '<=', at - idleTimeoutMs),
            eb('created_at', '<=', at - absoluteLifetimeMs),
          ]),
        )
        .returning(['subject', 'role', 'created_at', 'last_seen_at'])
        .execute();
      for (const row of ended) auditEnded(row, at);
      return ended.length;
    },

    async providerTokens(id) {
      if (!isOpaqueId(id)) return undefined;
      return tokensByHash(hashOpaqueId(id));
    },

    claimRoleCheck: (id, seenCheckedAt) => claimByHash(hashOpaqueId(id), seenCheckedAt),

    recordRoleCheck: (id, role, tokens) => recordByHash(hashOpaqueId(id), role, tokens),

    async countActive() {
      const at = now();
      const row = await db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('last_seen_at', '>', at - idleTimeoutMs)
        .where('created_at', '>', at - absoluteLifetimeMs)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },

    async listSignedIn() {
      const at = now();
      const rows = await db
        .selectFrom('sessions')
        .select(['subject', 'name', 'email', 'role', 'created_at', 'last_seen_at'])
        .where('last_seen_at', '>', at - idleTimeoutMs)
        .where('created_at', '>', at - absoluteLifetimeMs)
        .orderBy('last_seen_at', 'desc')
        .limit(MAX_LISTED_SESSIONS)
        .execute();
      const people = new Map<string, StoredSignedInSummary>();
      for (const row of rows) {
        if (!isRole(row.role)) continue;
        const known = people.get(row.subject);
        if (known === undefined) {
          // Rows come most recently used first: the first one of a person names them and gives their role.
          const { subject, name, email, role } = row;
          const times = { signedInAt: row.created_at, lastActiveAt: row.last_seen_at };
          people.set(subject, { subject, name, email, role, ...times, sessions: 1 });
        } else {
          known.sessions += 1;
          known.signedInAt = Math.max(known.signedInAt, row.created_at);
        }
      }
      return [...people.values()];
    },

    async destroyAllFor(subject) {
      const result = await db.deleteFrom('sessions').where('subject', '=', subject).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async newestSessionOf(subject) {
      const at = now();
      const row = await db
        .selectFrom('sessions')
        .select('id_hash')
        .where('subject', '=', subject)
        .where('last_seen_at', '>', at - idleTimeoutMs)
        .where('created_at', '>', at - absoluteLifetimeMs)
        .orderBy('last_seen_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const idHash = row.id_hash;
      const session = await readByHash(idHash, false);
      if (session === undefined) return undefined;
      return {
        session,
        claimRoleCheck: (seen) => claimByHash(idHash, seen),
        providerTokens: () => tokensByHash(idHash),
        recordRoleCheck: (role, tokens) => recordByHash(idHash, role, tokens),
        destroy: () => destroyByHash(idHash),
        reread: () => readByHash(idHash, false),
      };
    },

    recordStandingLost: (subject, reason) => standings.lost(subject, reason, now()),
  };

  async function readByHash(idHash: string, touch: boolean): Promise<StoredSession | undefined> {
    const row = await db
      .selectFrom('sessions')
      .select(['subject', 'name', 'email', 'role', 'created_at', 'last_seen_at', 'role_checked_at'])
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    if (row === undefined || !isRole(row.role)) return undefined;
    const at = now();
    const absoluteEnd = row.created_at + absoluteLifetimeMs;
    if (at >= row.last_seen_at + idleTimeoutMs || at >= absoluteEnd) {
      // Ended: removed now, so that its end is logged once (by whichever request or instance removes it).
      const removed = await db.deleteFrom('sessions').where('id_hash', '=', idHash).executeTakeFirst();
      if (Number(removed.numDeletedRows) > 0) auditEnded(row, at);
      return undefined;
    }
    let lastSeen = row.last_seen_at;
    if (touch && at - lastSeen >= touchAfterMs) {
      // Never moves it back, should another instance's clock be ahead of ours.
      await db
        .updateTable('sessions')
        .set({ last_seen_at: at })
        .where('id_hash', '=', idHash)
        .where('last_seen_at', '<', at)
        .execute();
      lastSeen = at;
    }
    const { subject, name, email, role } = row;
    const expiresAt = Math.min(lastSeen + idleTimeoutMs, absoluteEnd);
    return { subject, name, email, role, expiresAt, roleCheckedAt: row.role_checked_at };
  }

  async function destroyByHash(idHash: string) {
    return db
      .deleteFrom('sessions')
      .where('id_hash', '=', idHash)
      .returning(['subject', 'role'])
      .executeTakeFirst();
  }

  async function tokensByHash(idHash: string): Promise<ProviderTokens | undefined> {
    const row = await db
      .selectFrom('sessions')
      .select(['refresh_token', 'access_token'])
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      ...(row.refresh_token === null ? {} : { refreshToken: row.refresh_token }),
      ...(row.access_token === null ? {} : { accessToken: row.access_token }),
    };
  }

  async function claimByHash(idHash: string, seenCheckedAt: number): Promise<boolean> {
    const result = await db
      .updateTable('sessions')
      .set({ role_checked_at: Math.max(now(), seenCheckedAt + 1) })
      .where('id_hash', '=', idHash)
      .where('role_checked_at', '=', seenCheckedAt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async function recordByHash(idHash: string, role: Role, tokens: ProviderTokens): Promise<void> {
    const person = await db
      .updateTable('sessions')
      .set({
        role,
        ...(tokens.refreshToken === undefined ? {} : { refresh_token: tokens.refreshToken }),
        ...(tokens.accessToken === undefined ? {} : { access_token: tokens.accessToken }),
      })
      .where('id_hash', '=', idHash)
      .returning(['subject', 'name', 'email'])
      .executeTakeFirst();
    if (person !== undefined) await standings.vouched(person, role, now());
  }
}

/** A bound on one page load's work; far more sessions than a console has signed in at once. */
const MAX_LISTED_SESSIONS = 10_000;

/** A role renamed or withdrawn since the session began signs the person out rather than guessing. */
function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
