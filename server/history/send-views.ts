/**
 * A send record as the contract shows it (contract/send-history.ts), as far as the reader may see it. A viewer
 * never gets the recipient list nor the refused entries: those entries name travelers.
 */
import { ErrorResponse } from '#contract';
import type { SendDetail, SendStatus, SendSummary } from '#contract/send-history';
import type { SendRow, SendSummaryRow } from './send-queries.ts';

interface StoredOutcome {
  body: unknown;
  failure: string | null;
}

export function storedOutcome(row: Pick<SendRow, 'outcome_json'>): StoredOutcome {
  if (row.outcome_json === null) return { body: null, failure: null };
  const stored = JSON.parse(row.outcome_json) as { body?: unknown; failure?: unknown } | null;
  return {
    body: stored?.body ?? null,
    failure: typeof stored?.failure === 'string' ? stored.failure : null,
  };
}

/** The error envelope a refused or failed send was answered with, when its body has that shape. */
export function errorEnvelope(row: Pick<SendRow, 'status' | 'outcome_json'>): ErrorResponse | null {
  if (!CARRIES_ERRORS.has(row.status)) return null;
  return envelopeOf(row.status, storedOutcome(row).body);
}

/** The statuses whose answer may be an error envelope: `skipped` when a scheduled send was not run says why. */
const CARRIES_ERRORS: ReadonlySet<SendStatus> = new Set(['refused', 'failed', 'skipped']);

/** As `errorEnvelope`, for a body already read with `storedOutcome` (its JSON, up to megabytes, parsed once). */
export function envelopeOf(status: SendStatus, body: unknown): ErrorResponse | null {
  if (!CARRIES_ERRORS.has(status)) return null;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const parsed = ErrorResponse.safeParse(body);
  return parsed.success ? parsed.data : null;
}

export function toSummary(row: SendSummaryRow, recipientsHidden: boolean): SendSummary {
  return {
    id: row.id,
    createdAt: new Date(row.created_at).toISOString(),
    completedAt: row.completed_at === null ? null : new Date(row.completed_at).toISOString(),
    person: { subject: row.subject, name: row.person_name, email: row.person_email },
    role: row.role,
    eventId: row.event_id,
    eventName: row.event_name,
    action: row.action,
    eventType: row.event_type,
    scope: row.scope,
    travelerCount: row.traveler_count,
    status: row.status,
    httpStatus: row.http_status,
    errorCount: row.error_count,
    firstErrorMessage: recipientsHidden ? null : row.first_error_message,
    dueAt: isoOrNull(row.due_at),
    lateMinutes: row.late_minutes,
  };
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** A scheduled send's own facts: when it was planned, and who cancelled it when. */
function scheduleFacts(row: SendRow): Pick<SendDetail, 'scheduledAt' | 'cancelledBy' | 'cancelledAt'> {
  return {
    scheduledAt: isoOrNull(row.scheduled_at),
    cancelledBy:
      row.cancelled_by_subject === null
        ? null
        : {
            subject: row.cancelled_by_subject,
            name: row.cancelled_by_name ?? '',
            email: row.cancelled_by_email ?? '',
          },
    cancelledAt: isoOrNull(row.cancelled_at),
  };
}

export function toDetail(row: SendRow, recipientsHidden: boolean): SendDetail {
  const summary = toSummary(row, recipientsHidden);
  const { failure } = storedOutcome(row);
  if (recipientsHidden) {
    return { ...summary, errorResponse: null, failure, recipientsHidden, ...scheduleFacts(row) };
  }
  return {
    ...summary,
    ...scheduleFacts(row),
    travelerIds: JSON.parse(row.traveler_ids) as string[],
    errorResponse: errorEnvelope(row),
    failure,
    recipientsHidden,
  };
}
