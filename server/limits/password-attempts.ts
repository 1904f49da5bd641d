/**
 * Wrong passwords at the embedded provider's sign-in page, counted as in rate-limiter-flexible's "login endpoint
 * protection": consecutive failures per account and address (a right password starts that count again), and
 * all failures per address in a day (a guesser trying many accounts). Past either, the page refuses without
 * checking the password. An unknown email is counted like a known one: the refusal never tells them apart.
 */
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { limitKey, type LimiterFactory } from './limiter-factory.ts';
import { retryAfterSeconds } from './wait-text.ts';

export interface PasswordAttempt {
  /** The email as typed; normalised here (trimmed, lower case), as the directory looks it up. */
  email: string;
  /** The client's socket address (client-address.ts). */
  address: string;
}

export interface PasswordAttempts {
  /** Seconds before this email and address may try a password again; 0 when they may now. */
  lockedFor(attempt: PasswordAttempt): Promise<number>;
  /** Counts a wrong password: the lockout it started, in seconds, or 0. */
  failed(attempt: PasswordAttempt): Promise<number>;
  /** A right password: this email and address start counting again (the address's day count stays). */
  succeeded(attempt: PasswordAttempt): Promise<void>;
}

export interface PasswordLimitSettings {
  /** The failure that locks an email and address, counted since their last success (within a day). */
  consecutiveFailures: number;
  lockoutSeconds: number;
  /** The failure that locks an address for a day, whatever the emails. */
  dailyFailuresPerAddress: number;
}

export const DEFAULT_PASSWORD_LIMITS: PasswordLimitSettings = {
  consecutiveFailures: 5,
  lockoutSeconds: 15 * 60,
  dailyFailuresPerAddress: 100,
};

const DAY_SECONDS = 24 * 60 * 60;

export function createPasswordAttempts(
  limiters: LimiterFactory,
  settings: PasswordLimitSettings = DEFAULT_PASSWORD_LIMITS,
): PasswordAttempts {
  // The consume that goes past `points` is refused and blocks the key: with n - 1 points the n-th failure locks.
  const byEmailAndAddress = limiters.create({
    keyPrefix: 'password_fails_email_address',
    points: settings.consecutiveFailures - 1,
    durationSeconds: DAY_SECONDS,
    blockSeconds: settings.lockoutSeconds,
  });
  const byAddress = limiters.create({
    keyPrefix: 'password_fails_address_day',
    points: settings.dailyFailuresPerAddress - 1,
    durationSeconds: DAY_SECONDS,
    blockSeconds: DAY_SECONDS,
  });
  const keys = ({ email, address }: PasswordAttempt) => ({
    emailAndAddress: limitKey(email.trim().toLowerCase(), address),
    address: limitKey(address),
  });

  return {
    async lockedFor(attempt) {
      const key = keys(attempt);
      const [one, all] = await Promise.all([
        byEmailAndAddress.get(key.emailAndAddress),
        byAddress.get(key.address),
      ]);
      return Math.max(blockedFor(byEmailAndAddress, one), blockedFor(byAddress, all));
    },
    async failed(attempt) {
      const key = keys(attempt);
      const results = await Promise.allSettled([
        byEmailAndAddress.consume(key.emailAndAddress),
        byAddress.consume(key.address),
      ]);
      let wait = 0;
      for (const result of results) {
        if (result.status === 'fulfilled') continue;
        if (result.reason instanceof Error) throw result.reason;
        wait = Math.max(wait, retryAfterSeconds((result.reason as RateLimiterRes).msBeforeNext));
      }
      return wait;
    },
    async succeeded(attempt) {
      await byEmailAndAddress.delete(keys(attempt).emailAndAddress);
    },
  };
}

/** A key past its points is blocked until its window (the block) ends. */
function blockedFor(limiter: RateLimiterAbstract, res: RateLimiterRes | null): number {
  return res !== null && res.consumedPoints > limiter.points ? retryAfterSeconds(res.msBeforeNext) : 0;
}
