/**
 * The one builder of Spotnana's `ErrorResponse` envelope on the server. Every error the server makes itself (413,
 * 502, 504, an unknown route) and every error the embedded sandbox answers (a bad token, a bad traveler id) goes
 * through here, so the console reads a failure made here exactly like one made by Spotnana, and each one has its
 * own `debugIdentifier` (which a manager copies into a support request).
 */
import type { ErrorMessage, ErrorParameter, ErrorResponse } from '#contract';

export interface ErrorEntry {
  errorCode: string;
  message: string;
  errorParameters?: ErrorParameter[];
  errorDetail?: string;
}

export interface ErrorOptions {
  /** The request id when there is one, so the message on screen leads to the log line; a new UUID otherwise. */
  debugIdentifier?: string;
  headers?: Record<string, string>;
}

/** The envelope body. */
function errorBody(
  entries: readonly ErrorEntry[],
  debugIdentifier: string = crypto.randomUUID(),
): ErrorResponse & { debugIdentifier: string } {
  const errorMessages: ErrorMessage[] = entries.map((entry) => ({
    errorCode: entry.errorCode,
    message: entry.message,
    errorParameters: entry.errorParameters ?? [],
    ...(entry.errorDetail === undefined ? {} : { errorDetail: entry.errorDetail }),
  }));
  return { debugIdentifier, errorMessages };
}

/** Answers `status` with the envelope holding `entries`; never cached. */
export function errorResponse(
  status: number,
  entries: readonly ErrorEntry[],
  { debugIdentifier, headers }: ErrorOptions = {},
): Response {
  return new Response(JSON.stringify(errorBody(entries, debugIdentifier)), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

/**
 * An error the console's server makes itself (a guard's refusal, a failure to record, a crash): one entry, under
 * the request's id, so the `debugIdentifier` a manager copies leads to the log line.
 */
export function consoleError(
  c: { get(key: 'requestId'): string; set?(key: 'errorCode', value: string): void },
  status: number,
  entry: ErrorEntry,
  headers?: Record<string, string>,
): Response {
  // For the metrics' refusals by kind (operations/http-metrics.ts).
  if (entry.errorCode !== undefined) c.set?.('errorCode', entry.errorCode);
  return errorResponse(status, [entry], { debugIdentifier: c.get('requestId'), headers });
}

/** A parameter naming the offending request field and its value (values are strings in the description). */
export function param(name: string, value?: unknown): ErrorParameter {
  if (value === undefined) return { name };
  return { name, value: describeValue(value) };
}

/** `['userIds', 3, 'id']` → `userIds[3].id`, as Spotnana's 400s name a field. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

/** The parameters of a problem at `path` of `input`: its field and the value it had; none for the body as a whole. */
export function fieldParams(input: unknown, path: readonly PropertyKey[]): ErrorParameter[] {
  const name = jsonPath(path);
  if (name === '') return [];
  let value = input;
  for (const key of path) {
    value =
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return [param(name, value)];
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
