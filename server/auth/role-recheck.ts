/**
 * Roles follow the OpenID Provider: a session's groups are read again when it is used ROLE_RECHECK_MINUTES after
 * they were last read (oidc-recheck.ts says how). A changed role takes effect on that request and is stored; a
 * person in no mapped group any more, or one the provider no longer vouches for (refresh token refused or revoked),
 * loses the session, and the request gets the usual 401 SIGN_IN_REQUIRED. Tokens are never logged.
 *
 * It wraps the session store, so every reader of sessions (the /api guard, /auth/session, the pages) gets it:
 *
 *   const sessions = withRoleRecheck(createSessionStore(db, ...), { provider: oidcClient, roles, intervalMs });
 */
import { audit } from '../operations/audit.ts';
import { logger } from '../operations/logger.ts';
import type { OidcClient } from './oidc-client.ts';
import { OidcRefusedError } from './oidc-errors.ts';
import { groupsFromClaim, roleFor, type RoleMapping } from './roles.ts';
import type { SessionHandle, StoredSession, SessionStore } from './session-store.ts';

export interface RoleRecheckLogEntry {
  time: string;
  level: 'info' | 'warn';
  msg: string;
  /** The person's opaque subject id, as in the request log. */
  subject: string;
  /** An error's name and code; never its message, which may quote what the provider sent. */
  detail?: string;
}

export interface RoleRecheckOptions {
  provider: Pick<OidcClient, 'recheck'>;
  roles: RoleMapping;
  /** ROLE_RECHECK_MINUTES in ms. */
  intervalMs: number;
  /** After the provider failed to answer, how long before this instance asks again for that session. */
  backoffMs?: number;
  now?: () => number;
  log?: (entry: RoleRecheckLogEntry) => void;
}

export const DEFAULT_RECHECK_BACKOFF_MS = 30_000;

/** A role read from the provider this recently is taken as read now (recheckPerson). */
export const FRESH_CHECK_MS = 30_000;

const stdoutLog = ({ time: _time, level, msg, ...fields }: RoleRecheckLogEntry) => logger[level](fields, msg);

/** The rechecking store, which can also re-check a person's newest session without a request of theirs. */
export interface RecheckingSessionStore extends SessionStore {
  /**
   * Asks the provider now about the person's most recently used live session, if they have one (a scheduled send
   * of theirs is about to run): a changed role is stored, a refusal or a lost group ends that session, and the
   * person's standing (person-standing.ts) says so. Nothing happens without a live session; a provider that does
   * not answer leaves everything as it was.
   */
  recheckPerson(subject: string): Promise<void>;
}

export function withRoleRecheck(store: SessionStore, options: RoleRecheckOptions): RecheckingSessionStore {
  const { provider, roles, intervalMs } = options;
  const backoffMs = options.backoffMs ?? DEFAULT_RECHECK_BACKOFF_MS;
  const now = options.now ?? Date.now;
  const log = options.log ?? stdoutLog;
  const report = (level: RoleRecheckLogEntry['level'], msg: string, subject: string, error?: unknown) =>
    log({
      time: new Date(now()).toISOString(),
      level,
      msg,
      subject,
      ...(error ? { detail: describe(error) } : {}),
    });
  // One re-check per session at a time in this process: parallel requests of a page wait for the same answer.
  const inFlight = new Map<string, Promise<StoredSession | undefined>>();
  // Sessions whose provider did not answer, and when this instance may ask again.
  const retryAt = new Map<string, number>();
  // Re-checks asked for a person (recheckPerson), by subject.
  const personChecks = new Map<string, Promise<void>>();

  /** The store's operations on the session behind a cookie id. */
  const byId = (id: string, session: StoredSession): SessionHandle => ({
    session,
    claimRoleCheck: (seen) => store.claimRoleCheck(id, seen),
    providerTokens: () => store.providerTokens(id),
    recordRoleCheck: (role, tokens) => store.recordRoleCheck(id, role, tokens),
    destroy: () => store.destroy(id),
    reread: () => store.read(id),
  });

  async function recheck(id: string, session: StoredSession): Promise<StoredSession | undefined> {
    const result = await recheckHandle(byId(id, session));
    if (result.kind !== 'unavailable') retryAt.delete(id);
    // A provider that did not answer: this instance asks again on the first request after a short backoff.
    else retryAt.set(id, now() + backoffMs);
    return result.session;
  }

  type Rechecked =
    | { kind: 'taken' | 'checked' | 'unavailable'; session: StoredSession | undefined }
    | { kind: 'ended'; session: undefined };

  async function recheckHandle(handle: SessionHandle): Promise<Rechecked> {
    const { session } = handle;
    // Another request or instance took this check since our read: its answer is in the database.
    if (!(await handle.claimRoleCheck(session.roleCheckedAt))) {
      return { kind: 'taken', session: await handle.reread() };
    }
    const checkedAt = now();
    const tokens = (await handle.providerTokens()) ?? {};
    let claims;
    try {
      claims = await provider.recheck(session.subject, tokens);
    } catch (error) {
      if (error instanceof OidcRefusedError) {
        await handle.destroy();
        await standingLost(session.subject, 'provider-refused');
        report('info', 'role re-check: the provider refused; session ended', session.subject, error);
        audit('session-ended', { subject: session.subject, role: session.role, reason: 'role-check' });
        return { kind: 'ended', session: undefined };
      }
      // Unreachable, 5xx, or an answer that did not check out: the person keeps their role (a provider briefly
      // down must not sign everyone out).
      report('warn', 'role re-check: provider unavailable; role kept', session.subject, error);
      return { kind: 'unavailable', session };
    }
    const role = roleFor(groupsFromClaim(claims.roles), roles);
    if (role === undefined) {
      await handle.destroy();
      await standingLost(session.subject, 'no-group');
      report('info', 'role re-check: in no mapped group any more; session ended', session.subject);
      audit('session-ended', { subject: session.subject, role: session.role, reason: 'role-check' });
      return { kind: 'ended', session: undefined };
    }
    await handle.recordRoleCheck(role, claims.tokens);
    if (role !== session.role)
      report('info', `role re-check: ${session.role} is now ${role}`, session.subject);
    return { kind: 'checked', session: { ...session, role, roleCheckedAt: checkedAt } };
  }

  async function recheckNewestSession(subject: string): Promise<void> {
    const handle = await store.newestSessionOf?.(subject);
    if (handle === undefined) return;
    // Checked moments ago (or being checked: a claim marks it), here or on another instance: that answer stands. A
    // second refresh grant with the token the first is rotating would be refused as a replay and end the session.
    if (now() - handle.session.roleCheckedAt < FRESH_CHECK_MS) return;
    await recheckHandle(handle);
  }

  /** The person's standing says the provider no longer lets them in; a failure to say so is only logged. */
  async function standingLost(subject: string, reason: 'provider-refused' | 'no-group') {
    try {
      await store.recordStandingLost?.(subject, reason);
    } catch (error) {
      report('warn', 'role re-check: standing not recorded', subject, error);
    }
  }

  function isDue(id: string, session: StoredSession): boolean {
    const retry = retryAt.get(id);
    if (retry !== undefined) return now() >= retry;
    return now() - session.roleCheckedAt >= intervalMs;
  }

  return {
    async read(id) {
      const session = await store.read(id);
      if (session === undefined) {
        retryAt.delete(id);
        return undefined;
      }
      // A check under way (its claim already marks the session checked) decides this request too.
      let pending = inFlight.get(id);
      if (pending !== undefined) return pending;
      if (!isDue(id, session)) return session;
      pending = recheck(id, session).finally(() => inFlight.delete(id));
      inFlight.set(id, pending);
      return pending;
    },
    create: (person, tokens) => store.create(person, tokens),
    destroy: (id) => store.destroy(id),
    purgeExpired: () => store.purgeExpired(),
    providerTokens: (id) => store.providerTokens(id),
    claimRoleCheck: (id, seen) => store.claimRoleCheck(id, seen),
    recordRoleCheck: (id, role, tokens) => store.recordRoleCheck(id, role, tokens),
    listSignedIn: () => store.listSignedIn(),
    countActive: () => store.countActive(),
    destroyAllFor: (subject) => store.destroyAllFor(subject),
    ...(store.newestSessionOf && { newestSessionOf: (subject) => store.newestSessionOf!(subject) }),
    ...(store.recordStandingLost && {
      recordStandingLost: (subject, reason) => store.recordStandingLost!(subject, reason),
    }),
    recheckPerson(subject) {
      // Several of one person's scheduled sends come due together: one question to the provider answers them all.
      let pending = personChecks.get(subject);
      if (pending === undefined) {
        pending = recheckNewestSession(subject).finally(() => personChecks.delete(subject));
        personChecks.set(subject, pending);
      }
      return pending;
    },
  };
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth += 1) {
    const { code, error: oauthError } = e as { code?: unknown; error?: unknown };
    parts.push([e.name, code, oauthError].filter((part) => typeof part === 'string').join(' '));
  }
  return parts.join(' < ') || 'unknown error';
}
