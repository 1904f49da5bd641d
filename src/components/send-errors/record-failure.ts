/**
 * A refused send read back from the history, described exactly as the form described it when it happened: the same
 * report (`describeFailure`) and the same entries at the same fields (`mapErrors`, against the ids it was sent to).
 */
import type { SendDetail } from '#contract/send-history';
import { ApiError } from '@/lib/api-client';
import { describeFailure, type FailureReport } from './describe-failure';
import { mapErrors, type MappedErrors } from './map-errors';

export interface RecordFailure {
  report: FailureReport;
  mapped: MappedErrors;
  /** When the send was made (epoch ms). */
  sentAt: number;
}

/** Undefined when the record holds no error envelope (accepted, unanswered, or hidden from the reader's role). */
export function recordFailure(record: SendDetail): RecordFailure | undefined {
  if (!record.errorResponse || record.httpStatus === null) return undefined;
  const sentAt = Date.parse(record.createdAt);
  const error = new ApiError({ kind: 'spotnana', status: record.httpStatus, body: record.errorResponse });
  return {
    report: describeFailure(error, record.action === 'test' ? 'test invite' : 'invites', sentAt),
    mapped: mapErrors(record.errorResponse, record.travelerIds ?? []),
    sentAt,
  };
}
