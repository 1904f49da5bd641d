/**
 * An in-memory stand-in for the session store, for the sign-in tests: same interface, no database. Ids are random
 * like the real ones. (Sign-in attempts need no stand-in: the real ones live in a cookie; tests seal them with
 * a key of their own, `createSealedSignInAttempts(newConsoleKey())`.)
 */
import { randomBytes } from 'node:crypto';

import type { Role } from '#contract/console-auth';
import type {
  ProviderTokens,
  StoredSession,
  SessionStore,
  SignedInPerson,
  StoredSignedInSummary,
} from '../session-store.ts';

const newId = () => randomBytes(32).toString('base64url');

export class FakeSessionStore implements SessionStore {
  readonly sessions = new Map<string, StoredSession>();
  readonly tokens = new Map<string, ProviderTokens>();

  constructor(
    private readonly ttlMs = 8 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async create(person: SignedInPerson, tokens: ProviderTokens = {}): Promise<string> {
    const id = newId();
    this.sessions.set(id, { ...person, expiresAt: this.now() + this.ttlMs, roleCheckedAt: this.now() });
    this.tokens.set(id, tokens);
    return id;
  }

  async read(id: string): Promise<StoredSession | undefined> {
    const session = this.sessions.get(id);
    return session !== undefined && session.expiresAt > this.now() ? session : undefined;
  }

  async destroy(id: string): Promise<{ subject: string; role: string } | undefined> {
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    this.tokens.delete(id);
    return session === undefined ? undefined : { subject: session.subject, role: session.role };
  }

  async purgeExpired(): Promise<number> {
    let purged = 0;
    for (const [id, session] of this.sessions) {
      if (session.expiresAt <= this.now()) {
        this.sessions.delete(id);
        purged += 1;
      }
    }
    return purged;
  }

  async providerTokens(id: string): Promise<ProviderTokens | undefined> {
    return this.sessions.has(id) ? this.tokens.get(id) : undefined;
  }

  async claimRoleCheck(id: string, seenCheckedAt: number): Promise<boolean> {
    const session = this.sessions.get(id);
    if (session?.roleCheckedAt !== seenCheckedAt) return false;
    session.roleCheckedAt = Math.max(this.now(), seenCheckedAt + 1);
    return true;
  }

  async recordRoleCheck(id: string, role: Role, tokens: ProviderTokens): Promise<void> {
    const session = this.sessions.get(id);
    if (session === undefined) return;
    session.role = role;
    this.tokens.set(id, { ...this.tokens.get(id), ...tokens });
  }

  /** Every live session as its own entry (the database store groups them by person; its tests say how). */
  async listSignedIn(): Promise<StoredSignedInSummary[]> {
    return [...this.sessions.values()]
      .filter((session) => session.expiresAt > this.now())
      .map(({ subject, name, email, role }) => {
        const at = this.now();
        return { subject, name, email, role, signedInAt: at, lastActiveAt: at, sessions: 1 };
      });
  }

  async countActive(): Promise<number> {
    return [...this.sessions.values()].filter((session) => session.expiresAt > this.now()).length;
  }

  async destroyAllFor(subject: string): Promise<number> {
    let ended = 0;
    for (const [id, session] of this.sessions) {
      if (session.subject !== subject) continue;
      await this.destroy(id);
      ended += 1;
    }
    return ended;
  }
}
