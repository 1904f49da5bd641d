/**
 * The one way the server (not the upstream) answers with an error: Spotnana's `ErrorResponse` envelope, so the
 * console reads a failure made here (413, 502, 504, an unknown route) exactly like one made by Spotnana.
 */
import type { ErrorResponse } from '#contract';

export interface ServerError {
  status: number;
  errorCode: string;
  message: string;
  /** The request id when there is one, so the message on screen leads to the log line. */
  debugIdentifier?: string;
  headers?: Record<string, string>;
}

export function errorEnvelope({ errorCode, message, debugIdentifier }: ServerError): ErrorResponse {
  return {
    debugIdentifier: debugIdentifier ?? crypto.randomUUID(),
    errorMessages: [{ errorCode, message }],
  };
}

export function errorResponse(error: ServerError): Response {
  return new Response(JSON.stringify(errorEnvelope(error)), {
    status: error.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...error.headers,
    },
  });
}
