/**
 * Plain-words descriptions of a failed request, for generic error states (a list that would not load, a page
 * whose data failed). The invite form's report of a failed send (`describe-failure.ts`) adds what the failure
 * means for the invites, and takes its wording of a thrown error and of a timeout from here.
 */
import { ApiError } from '@/lib/api-client';
import { formatQuantity } from './format';

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** "HTTP 502 Bad Gateway"; just "HTTP 599" for a status without a well-known reason. */
export function httpStatusText(status: number): string {
  const reason = REASONS[status];
  return reason ? `HTTP ${status} ${reason}` : `HTTP ${status}`;
}

/** The HTTP status of a failed request, when there was an answer at all. */
export function errorStatus(error: unknown): number | undefined {
  return error instanceof ApiError ? error.status : undefined;
}

/** The message of something thrown that is not an `ApiError` (a bug, a failed import): whatever it says. */
export function thrownMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error ?? '');
  return message || 'Something went wrong.';
}

/** How long the console waited before giving up, in whole seconds. */
export function timeoutSeconds(failure: { timeoutMs: number }): number {
  return Math.round(failure.timeoutMs / 1000);
}

/** One sentence that says what went wrong, naming the HTTP status when there is one. */
export function describeRequestError(error: unknown): string {
  if (!(error instanceof ApiError)) return thrownMessage(error);
  const { failure } = error;
  switch (failure.kind) {
    case 'spotnana': {
      const first = failure.body.errorMessages?.find((m) => m.message)?.message;
      return first
        ? `The server answered ${httpStatusText(failure.status)}: ${first}`
        : `The server answered ${httpStatusText(failure.status)}.`;
    }
    case 'http': {
      const wait =
        failure.retryAfterSeconds !== undefined ? ` Try again in ${failure.retryAfterSeconds} s.` : '';
      return `The server answered ${httpStatusText(failure.status)}.${wait}`;
    }
    case 'invalid-response':
      return `The server answered ${httpStatusText(failure.status)}, but not in the form the console expects.`;
    case 'network':
      return 'The console could not reach its server. Check the connection and try again.';
    case 'timeout':
      return `The server did not answer within ${formatQuantity(timeoutSeconds(failure), 'second')}.`;
  }
}

/** The `debugIdentifier` of a Spotnana error envelope, for support requests. */
export function errorDebugIdentifier(error: unknown): string | undefined {
  return error instanceof ApiError && error.failure.kind === 'spotnana'
    ? error.failure.body.debugIdentifier
    : undefined;
}
