/**
 * Server-side sessions (OWASP Session Management): the cookie holds only an opaque random id, the database holds
 * its hash and the signed-in person, and expiry is decided here, on each read, from the idle timeout and the
 * absolute lifetime. Rotation at sign-in is the caller's destroy(old) + create(person).
 */
import type { ConsoleDb } from '../console-db/open-console-database.ts';
import { hashOpaqueId, isOpaqueId, newOpaqueId } from './opaque-id.ts';

export type Role = 'viewer' | 'sender' | 'admin';

const ROLES: readonly string[] = ['viewer', 'sender', 'admin'] satisfies Role[];

export interface SignedInPerson {
  subject: string;
  name: string;
  email: string;
  role: Role;
}

export interface Session extends SignedInPerson {
  /** Epoch ms at which the session ends unless used again: min(idle end, absolute end). */
  expiresAt: number;
}

export interface SessionStore {
  /** Stores a session for the person; returns its new opaque id (256 random bits, base64url) for the cookie. */
  create(person: SignedInPerson): Promise<string>;
  /** The session, or undefined when unknown or expired. Slides the idle timeout (a write about once a minute). */
  read(id: string): Promise<Session | undefined>;
  destroy(id: string): Promise<void>;
  /** Deletes every expired session; returns how many. */
  purgeExpired(): Promise<number>;
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

  return {
    async create({ subject, name, email, role }) {
      const id = newOpaqueId();
      const at = now();
      await db
        .insertInto('sessions')
        .values({ id_hash: hashOpaqueId(id), subject, name, email, role, created_at: at, last_seen_at: at })
        .execute();
      return id;
    },

    async read(id) {
      if (!isOpaqueId(id)) return undefined;
      const idHash = hashOpaqueId(id);
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      if (row === undefined || !isRole(row.role)) return undefined;
      const at = now();
      const absoluteEnd = row.created_at + absoluteLifetimeMs;
      if (at >= row.last_seen_at + idleTimeoutMs || at >= absoluteEnd) return undefined;
      let lastSeen = row.last_seen_at;
      if (at - lastSeen >= touchAfterMs) {
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
      return { subject, name, email, role, expiresAt: Math.min(lastSeen + idleTimeoutMs, absoluteEnd) };
    },

    async destroy(id) {
      await db.deleteFrom('sessions').where('id_hash', '=', hashOpaqueId(id)).execute();
    },

    async purgeExpired() {
      const at = now();
      const result = await db
        .deleteFrom('sessions')
        .where((eb) =>
          eb.or([
            eb('last_seen_at', '<=', at - idleTimeoutMs),
            eb('created_at', '<=', at - absoluteLifetimeMs),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/** A role renamed or withdrawn since the session began signs the person out rather than guessing. */
function isRole(value: string): value is Role {
  return ROLES.includes(value);
}
