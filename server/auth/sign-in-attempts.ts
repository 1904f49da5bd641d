/**
 * OpenID Connect sign-ins in progress: state, nonce and PKCE verifier wait here between the redirect to the
 * identity provider and its callback, so the short-lived sign-in cookie carries only an opaque id.
 */
import type { ConsoleDb } from '../console-db/open-console-database.ts';
import { hashOpaqueId, isOpaqueId, newOpaqueId } from './opaque-id.ts';

export interface SignInAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The console path to go back to once signed in. */
  returnTo: string;
}

export interface SignInAttempts {
  /** Stores the attempt; returns its opaque id for the sign-in cookie. */
  create(attempt: SignInAttempt): Promise<string>;
  /** The attempt, removed as it is read: a second take (a replayed callback) gets undefined, as does an expired one. */
  take(id: string): Promise<SignInAttempt | undefined>;
  /** Deletes every expired attempt (abandoned sign-ins); returns how many. */
  purgeExpired(): Promise<number>;
}

/** Long enough to type a password and pass a second factor; short enough that an abandoned attempt goes soon. */
export const SIGN_IN_ATTEMPT_LIFETIME_MS = 10 * 60_000;

export function createSignInAttempts(
  { db }: ConsoleDb,
  options: { lifetimeMs?: number; now?: () => number } = {},
): SignInAttempts {
  const lifetimeMs = options.lifetimeMs ?? SIGN_IN_ATTEMPT_LIFETIME_MS;
  const now = options.now ?? Date.now;

  return {
    async create({ state, nonce, codeVerifier, returnTo }) {
      const id = newOpaqueId();
      const at = now();
      await db
        .insertInto('sign_in_attempts')
        .values({
          id_hash: hashOpaqueId(id),
          state,
          nonce,
          code_verifier: codeVerifier,
          return_to: returnTo,
          created_at: at,
          expires_at: at + lifetimeMs,
        })
        .execute();
      return id;
    },

    async take(id) {
      if (!isOpaqueId(id)) return undefined;
      // One DELETE ... RETURNING: of two concurrent takes, on any instances, only one gets the row.
      const row = await db
        .deleteFrom('sign_in_attempts')
        .where('id_hash', '=', hashOpaqueId(id))
        .returningAll()
        .executeTakeFirst();
      if (row === undefined || now() >= row.expires_at) return undefined;
      return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
    },

    async purgeExpired() {
      const result = await db
        .deleteFrom('sign_in_attempts')
        .where('expires_at', '<=', now())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
