/**
 * In-memory stand-ins for the session store and the sign-in attempts, for the sign-in tests: same interfaces,
 * no database. Ids are random like the real ones; `take` hands an attempt out once. No expiry for attempts.
 */
import { randomBytes } from 'node:crypto';

import type { Session, SessionStore, SignedInPerson } from '../session-store.ts';
import type { SignInAttempt, SignInAttempts } from '../sign-in-attempts.ts';

const newId = () => randomBytes(32).toString('base64url');

export class FakeSessionStore implements SessionStore {
  readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ttlMs = 8 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async create(person: SignedInPerson): Promise<string> {
    const id = newId();
    this.sessions.set(id, { ...person, expiresAt: this.now() + this.ttlMs });
    return id;
  }

  async read(id: string): Promise<Session | undefined> {
    const session = this.sessions.get(id);
    return session !== undefined && session.expiresAt > this.now() ? session : undefined;
  }

  async destroy(id: string): Promise<void> {
    this.sessions.delete(id);
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
}

export class FakeSignInAttempts implements SignInAttempts {
  readonly attempts = new Map<string, SignInAttempt>();

  async create(attempt: SignInAttempt): Promise<string> {
    const id = newId();
    this.attempts.set(id, attempt);
    return id;
  }

  async take(id: string): Promise<SignInAttempt | undefined> {
    const attempt = this.attempts.get(id);
    this.attempts.delete(id);
    return attempt;
  }

  async purgeExpired(): Promise<number> {
    return 0;
  }
}
