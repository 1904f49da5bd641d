import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: the whole of what a session or sign-in cookie carries. */
export function newOpaqueId(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of the id: a leaked row cannot be replayed as a cookie. */
export function hashOpaqueId(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

/** A cookie value of any other shape was never issued by us: no query needed to refuse it. */
export function isOpaqueId(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
