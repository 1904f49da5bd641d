/**
 * The answer to a retried send (same Idempotency-Key): the first attempt's recorded answer, status and body,
 * without a second trip to Spotnana; or 409 while that attempt's outcome is not known.
 */
import { errorResponse } from '../http/errors.ts';
import type { SendRecord } from './send-records.ts';

export function replayResponse(record: SendRecord, debugIdentifier?: string): Response {
  if (record.status === 'pending' || record.httpStatus === null) {
    return errorResponse(
      409,
      [
        {
          errorCode: 'SEND_OUTCOME_PENDING',
          message: `This send was already submitted at ${new Date(record.createdAt).toISOString()} and its outcome is not known yet (or never will be, if the console stopped during it). Nothing more was sent; check the travelers' states before sending again.`,
          errorParameters: [{ name: 'startedAt', value: new Date(record.createdAt).toISOString() }],
        },
      ],
      { debugIdentifier },
    );
  }
  const body = (record.outcome as { body?: unknown } | null)?.body ?? null;
  const text = body === null ? null : typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(record.httpStatus === 204 ? null : text, {
    status: record.httpStatus,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'idempotent-replayed': 'true',
    },
  });
}
