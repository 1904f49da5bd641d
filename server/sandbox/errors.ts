/**
 * The one builder of Spotnana's `ErrorResponse` envelope in the sandbox. Every error the sandbox answers, from
 * a bad token to a bad traveler id, goes through here, so each one has the same shape and its own
 * `debugIdentifier` (which a manager copies into a support request).
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorMessage, ErrorParameter, ErrorResponse } from '#contract';

export interface ErrorEntry {
  errorCode: string;
  message: string;
  errorParameters?: ErrorParameter[];
  errorDetail?: string;
}

/** The envelope body, for callers that build their own Response. */
export function errorBody(entries: readonly ErrorEntry[]): ErrorResponse & { debugIdentifier: string } {
  const errorMessages: ErrorMessage[] = entries.map((entry) => ({
    errorCode: entry.errorCode,
    message: entry.message,
    errorParameters: entry.errorParameters ?? [],
    ...(entry.errorDetail === undefined ? {} : { errorDetail: entry.errorDetail }),
  }));
  return { debugIdentifier: randomUUID(), errorMessages };
}

/** Answers `status` with the envelope holding `entries`. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  entries: readonly ErrorEntry[],
  headers?: Record<string, string>,
): Response {
  return c.json(errorBody(entries), status, headers);
}

/** A parameter naming the offending request field and its value (values are strings in the description). */
export function param(name: string, value?: unknown): ErrorParameter {
  if (value === undefined) return { name };
  return { name, value: describeValue(value) };
}

const MAX_VALUE_LENGTH = 200;

/** Strings as they are, everything else as JSON, cut short so a huge request is not echoed back whole. */
function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : toJson(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

function toJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // JSON.parse accepts nesting deeper than JSON.stringify can walk back; a hostile body must still get its 400.
    return Array.isArray(value) ? '[…]' : '{…}';
  }
}
