/**
 * The console's own database (not the sandbox's): one typed schema for SQLite and PostgreSQL alike.
 *
 * Times are integer epoch milliseconds (`bigint` columns; open-console-database.ts makes pg return them as
 * numbers), so comparisons and arithmetic are the same SQL on both dialects. Ids are stored as SHA-256 hashes:
 * a leaked row is not a usable cookie.
 */

/** A signed-in manager's server-side session. Expiry is computed from the settings, not stored. */
export interface SessionsTable {
  /** base64url SHA-256 of the opaque id in the cookie. */
  id_hash: string;
  subject: string;
  name: string;
  email: string;
  /** 'viewer' | 'sender' | 'admin', checked when read (server/auth/session-store.ts). */
  role: string;
  created_at: number;
  /** Slid forward by reads at most about once a minute; the idle timeout counts from here. */
  last_seen_at: number;
}

/** An OpenID Connect sign-in in progress: what the callback needs, kept here rather than in a cookie. */
export interface SignInAttemptsTable {
  /** base64url SHA-256 of the opaque id in the short-lived sign-in cookie. */
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  /** The console path to return to after signing in. */
  return_to: string;
  created_at: number;
  expires_at: number;
}

export interface ConsoleDatabase {
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
}
