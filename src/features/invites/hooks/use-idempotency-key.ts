/**
 * One Idempotency-Key per request, kept across its retries: confirming the same request again after an unknown
 * outcome (a timeout, a 5xx, a broken connection) sends the same key, and the server answers with the first
 * attempt's outcome instead of doing it twice. A success or a clear refusal (a 4xx) ends the request: what is
 * confirmed next, even the same again, is a new request with a new key. So is a changed request at any time.
 */
import { useRef } from 'react';
import { ApiError, outcomeUnknown } from '@/lib/api-client';
import { newIdempotencyKey } from '../api/send-invite';

/** Not settled for this request: the server may have done it, or may be doing it (409, the same key in flight). */
function mayStillBeDone(error: unknown): boolean {
  return outcomeUnknown(error) || (error instanceof ApiError && error.status === 409);
}

export function useIdempotencyKey() {
  // The manager's own doing (what they confirmed), not server state: a ref, read and written only in handlers. By
  // request, so going back to a time tried before, its outcome still open, sends that attempt's key again.
  const open = useRef(new Map<string, string>());
  return {
    /** The key of this request: the one it was sent with before when its outcome is still open, else a new one. */
    keyFor(request: unknown): string {
      const fingerprint = JSON.stringify(request);
      let key = open.current.get(fingerprint);
      if (key === undefined) {
        key = newIdempotencyKey();
        open.current.set(fingerprint, key);
      }
      return key;
    },
    /** The request sent with this key got an answer: `null` on success. */
    settled(key: string, error: unknown) {
      if (error !== null && mayStillBeDone(error)) return;
      for (const [fingerprint, held] of open.current) if (held === key) open.current.delete(fingerprint);
    },
  };
}
