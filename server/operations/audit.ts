/**
 * Audit lines: who did what to access, as an auditor asks first. Each carries the person's opaque subject id,
 * their role and the request id when known, and never an email, a name or a secret.
 *
 *   {"level":"info","time":...,"msg":"audit","audit":"sign-in","subject":"...","role":"sender","requestId":"..."}
 */
import { logger } from './logger.ts';


export type AuditEvent =
  'sign-in' | 'sign-in-failed' | 'sign-out' | 'session-ended' | 'role-refused' | 'limit-refused';

export interface AuditFields {
  subject?: string;
  role?: string;
  requestId?: string;
  /** Who did it to the subject, when someone else did (an admin ending sessions): their subject id. */
  by?: string;
  /** A word or two from a closed set (e.g. `idle`, `lifetime`, `admin`, `role-check`, `expired-attempt`). */
  reason?: string;
}

export function audit(event: AuditEvent, fields: AuditFields): void {
  logger.info({ audit: event, ...fields }, 'audit');
}
