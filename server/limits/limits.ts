/**
 * The console's limits on guessing and sending, built on one store (limiter-factory.ts): wrong passwords at the
 * embedded provider, sign-in starts per address, sends per person. launch.ts makes them; app.ts and the embedded
 * provider take what they need. Tests give their own factory and small numbers.
 */
import type { MiddlewareHandler } from 'hono';
import type { ServerEnv } from '../http/server-env.ts';
import type { ClientAddress } from './client-address.ts';
import { memoryLimiters, type LimiterFactory } from './limiter-factory.ts';
import {
  createPasswordAttempts,
  DEFAULT_PASSWORD_LIMITS,
  type PasswordAttempts,
  type PasswordLimitSettings,
} from './password-attempts.ts';
import { SEND_LIMIT_WINDOW_SECONDS, sendLimit } from './send-limit.ts';
import { signInStartLimit } from './sign-in-start-limit.ts';

/** What the Hono app mounts (app.ts). */
export interface RequestLimits {
  /** Before `GET /auth/sign-in`. */
  signInStart: MiddlewareHandler<ServerEnv>;
  /** On invite/send and invite/test, after the role guard, before the send history. */
  send: MiddlewareHandler<ServerEnv>;
}

export interface Limits extends RequestLimits {
  /** For the embedded provider's sign-in page. */
  passwordAttempts: PasswordAttempts;
  close(): Promise<void>;
}

export interface LimitSettings {
  /** SEND_LIMIT_PER_10_MIN. */
  sendsPer10Minutes: number;
  signInStartsPerMinute?: number;
  /** Where the per-address limits find the client's address (TRUST_PROXY_HOPS); the socket's peer by default. */
  clientAddress?: ClientAddress;
  passwords?: PasswordLimitSettings;
}

export const DEFAULT_SIGN_IN_STARTS_PER_MINUTE = 60;

export function createLimits(limiters: LimiterFactory, settings: LimitSettings): Limits {
  // Counted in this instance's memory even on PostgreSQL: a stranger's sign-in start costs no database write at
  // all. Each instance then allows its own 60 a minute, which still stops a loop of them.
  const signInStarts = memoryLimiters().create({
    keyPrefix: 'sign_in_starts_address',
    points: settings.signInStartsPerMinute ?? DEFAULT_SIGN_IN_STARTS_PER_MINUTE,
    durationSeconds: 60,
  });
  const sends = limiters.create({
    keyPrefix: 'sends_subject',
    points: settings.sendsPer10Minutes,
    durationSeconds: SEND_LIMIT_WINDOW_SECONDS,
  });
  return {
    passwordAttempts: createPasswordAttempts(limiters, settings.passwords ?? DEFAULT_PASSWORD_LIMITS),
    signInStart: signInStartLimit(signInStarts, settings.clientAddress),
    send: sendLimit(sends),
    close: () => limiters.close(),
  };
}
