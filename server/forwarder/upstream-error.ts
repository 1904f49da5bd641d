/**
 * Every way a call to the Spotnana API can fail before the API itself answers, and the envelope the browser gets
 * for each. An answer from the API (any status) is never one of these: it passes through unchanged.
 */
import { errorResponse } from '../http/errors.ts';

export type UpstreamFailure =
  /** Connection refused, DNS, a certificate refused: the request never reached the API. */
  | { kind: 'unreachable'; cause: string }
  /**
   * The connection broke (reset, closed) after it was open, so the request may have left: its outcome is unknown.
   * A reset during the TLS handshake lands here too; saying "unknown" when nothing was sent is the safe mistake.
   */
  | { kind: 'connection-lost'; cause: string }
  /** No complete answer within the timeout: the request may or may not have been carried out. */
  | { kind: 'timeout'; timeoutMs: number }
  /** The token endpoint refused the console's client id and secret. */
  | { kind: 'credentials-rejected'; status: number }
  /** The token endpoint is rate limited (Spotnana asks clients to reuse tokens). */
  | { kind: 'token-rate-limited'; retryAfter?: string }
  /** The token endpoint answered with something other than a token. */
  | { kind: 'token-failed'; status: number; reason: string }
  /** The answer's body was larger than the console passes on: the request was carried out or not, unknown. */
  | { kind: 'too-large'; limitBytes: number };

export class UpstreamError extends Error {
  readonly failure: UpstreamFailure;
  constructor(failure: UpstreamFailure) {
    super(describe(failure));
    this.name = 'UpstreamError';
    this.failure = failure;
  }
}

function describe(failure: UpstreamFailure): string {
  switch (failure.kind) {
    case 'unreachable':
      return `upstream unreachable: ${failure.cause}`;
    case 'connection-lost':
      return `upstream connection lost: ${failure.cause}`;
    case 'timeout':
      return `upstream timeout after ${failure.timeoutMs} ms`;
    case 'credentials-rejected':
      return `token endpoint rejected the credentials (HTTP ${failure.status})`;
    case 'token-rate-limited':
      return 'token endpoint rate limited';
    case 'token-failed':
      return `token endpoint failed (HTTP ${failure.status}): ${failure.reason}`;
    case 'too-large':
      return `upstream answer over ${failure.limitBytes} bytes`;
  }
}

export function upstreamErrorResponse(failure: UpstreamFailure, debugIdentifier?: string): Response {
  switch (failure.kind) {
    case 'unreachable':
      return errorResponse(
        502,
        [
          {
            errorCode: 'UPSTREAM_UNREACHABLE',
            message: 'The console could not reach the Spotnana API. Nothing was sent; try again in a moment.',
          },
        ],
        { debugIdentifier },
      );
    case 'connection-lost':
      return errorResponse(
        502,
        [
          {
            errorCode: 'UPSTREAM_CONNECTION_LOST',
            message:
              'The connection to the Spotnana API broke before it answered. The request may or may not have been carried out.',
          },
        ],
        { debugIdentifier },
      );
    case 'timeout':
      return errorResponse(
        504,
        [
          {
            errorCode: 'UPSTREAM_TIMEOUT',
            message: `The Spotnana API did not answer within ${Math.round(failure.timeoutMs / 1000)} s. The request may or may not have been carried out.`,
          },
        ],
        { debugIdentifier },
      );
    case 'credentials-rejected':
      return errorResponse(
        401,
        [
          {
            errorCode: 'UPSTREAM_CREDENTIALS_REJECTED',
            message:
              "The Spotnana API rejected the console's credentials. Ask whoever runs the console to check SPOTNANA_CLIENT_ID and SPOTNANA_CLIENT_SECRET.",
          },
        ],
        { debugIdentifier },
      );
    case 'token-rate-limited':
      return errorResponse(
        429,
        [
          {
            errorCode: 'UPSTREAM_TOKEN_RATE_LIMITED',
            message: 'The Spotnana API is limiting how often the console may sign in. Try again in a moment.',
          },
        ],
        { debugIdentifier, headers: failure.retryAfter ? { 'retry-after': failure.retryAfter } : undefined },
      );
    case 'token-failed':
      return errorResponse(
        502,
        [
          {
            errorCode: 'UPSTREAM_TOKEN_FAILED',
            message:
              'The console could not sign in to the Spotnana API. Nothing was sent; try again in a moment.',
          },
        ],
        { debugIdentifier },
      );
    case 'too-large':
      return errorResponse(
        502,
        [
          {
            errorCode: 'UPSTREAM_RESPONSE_TOO_LARGE',
            message: `The Spotnana API answered with more than ${failure.limitBytes / (1024 * 1024)} MiB, which the console does not pass on. The request may or may not have been carried out.`,
          },
        ],
        { debugIdentifier },
      );
  }
}
