import { createHash } from 'node:crypto';

/** Secrets and tokens are stored as SHA-256 hex digests, never as themselves. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
