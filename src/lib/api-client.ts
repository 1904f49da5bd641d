/**
 * The one way the console talks to its server's `/api/*` forwarder. Every failure becomes an `ApiError` whose
 * `failure` says what happened in terms the UI can render: a Spotnana error envelope, another HTTP failure, a
 * network failure or a timeout. Nothing here throws anything else, so no caller ever has to guess.
 */
import { safeParse, type core } from 'zod/mini';
import { ErrorResponse } from '#contract';

export const DEFAULT_TIMEOUT_MS = 30_000;

export type ApiFailure =
  /** The server answered with a JSON body that fits the `ErrorResponse` envelope (its messages may be empty). */
  | { kind: 'spotnana'; status: number; body: ErrorResponse; retryAfterSeconds?: number }
  /** The server answered with a body that is not the envelope: HTML from a proxy, empty, plain text, bad JSON. */
  | { kind: 'http'; status: number; bodyText: string; retryAfterSeconds?: number }
  /** A 2xx whose body does not fit the expected schema. */
  | { kind: 'invalid-response'; status: number }
  /** The request never got an answer: connection refused, DNS, CORS, offline. */
  | { kind: 'network'; message: string }
  /** No answer within the timeout: the request may or may not have been carried out. */
  | { kind: 'timeout'; timeoutMs: number };

export class ApiError extends Error {
  readonly failure: ApiFailure;
  constructor(failure: ApiFailure) {
    super(technicalLabel(failure));
    this.name = 'ApiError';
    this.failure = failure;
  }
  get status(): number | undefined {
    return 'status' in this.failure ? this.failure.status : undefined;
  }
}

/**
 * A failure that leaves unknown whether the request was carried out: no answer (a timeout, or a connection that may
 * have broken after the request left), a server failure (5xx, 408), or a 2xx the console could not read. A 4xx
 * otherwise is a clear refusal: nothing was done.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const { failure } = error;
  if (failure.kind === 'timeout' || failure.kind === 'network' || failure.kind === 'invalid-response')
    return true;
  return failure.status === 408 || failure.status >= 500;
}

/** The code of the server's 401 for a missing or expired session (`/api/*` and `/auth/session`). */
const SIGN_IN_REQUIRED = 'SIGN_IN_REQUIRED';

/**
 * The console's own session ended (or never was): a 401 from the console's server naming it. Not any 401: Spotnana
 * rejecting the console's credentials is also a 401, and signing in again would not fix that.
 */
export function isSignInRequired(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.failure.kind !== 'spotnana' || error.status !== 401) return false;
  return (error.failure.body.errorMessages ?? []).some((m) => m.errorCode === SIGN_IN_REQUIRED);
}

/**
 * The `Error.message` of an `ApiError`: a terse label for logs and developer tools. What a manager reads comes from
 * `describeRequestError` (src/components/api-error-text.ts) or, for a send, the report of src/components/send-errors/describe-failure.ts.
 */
function technicalLabel(failure: ApiFailure): string {
  switch (failure.kind) {
    case 'spotnana':
    case 'http':
    case 'invalid-response':
      return `HTTP ${failure.status}`;
    case 'network':
      return `Network failure: ${failure.message}`;
    case 'timeout':
      return `No answer within ${Math.round(failure.timeoutMs / 1000)} s`;
  }
}

/** `Retry-After` is either a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

export interface ApiRequestOptions<S extends core.$ZodType | undefined> {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** The schema of a 2xx body; leave it out for endpoints that answer with no body. */
  schema?: S;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Where `path` starts: the `/api` forwarder, or '' for the server's own routes (`/auth/session`). */
  base?: '/api' | '';
  /** Extra request headers (a send's `Idempotency-Key`). */
  headers?: Record<string, string>;
}

type Result<S> = S extends core.$ZodType ? core.output<S> : undefined;

/** How a request reaches the server: the browser's fetch, or (rendering a page on the server) its own app, in process. */
export type ApiTransport = (url: string, init: RequestInit) => Promise<Response>;

let transport: ApiTransport = (url, init) => fetch(url, init);

/** The server sets this once, so the app's own fetchers reach its `/api` without an HTTP hop when it renders a page. */
export function setApiTransport(next: ApiTransport): void {
  transport = next;
}

export async function apiRequest<S extends core.$ZodType | undefined = undefined>(
  path: string,
  {
    method = 'POST',
    body,
    schema,
    signal,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    base = '/api',
    headers,
  }: ApiRequestOptions<S> = {},
): Promise<Result<S>> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signals = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await transport(`${base}${path}`, {
      method,
      // `accept`: the server's sign-out answers a script with JSON instead of redirecting it.
      headers: {
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signals,
    });
  } catch (error) {
    if (timeout.aborted) throw new ApiError({ kind: 'timeout', timeoutMs });
    // A caller's own abort (React Query cancelling a stale query) is not a failure to render: rethrow it as is.
    if (signal?.aborted) throw error;
    throw new ApiError({ kind: 'network', message: error instanceof Error ? error.message : String(error) });
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (timeout.aborted) throw new ApiError({ kind: 'timeout', timeoutMs });
    if (signal?.aborted) throw error;
    throw new ApiError({ kind: 'network', message: error instanceof Error ? error.message : String(error) });
  }

  if (!response.ok) {
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
    const envelope = parseEnvelope(text);
    if (envelope)
      throw new ApiError({ kind: 'spotnana', status: response.status, body: envelope, retryAfterSeconds });
    throw new ApiError({ kind: 'http', status: response.status, bodyText: text, retryAfterSeconds });
  }

  if (!schema) return undefined as Result<S>;
  // The function form takes any zod schema (mini or classic); the contract's are `zod/mini`.
  const parsed = safeParse(schema, safeJson(text));
  if (!parsed.success) throw new ApiError({ kind: 'invalid-response', status: response.status });
  return parsed.data as Result<S>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A body is the envelope only when it is a JSON object that fits `ErrorResponse`. */
function parseEnvelope(text: string): ErrorResponse | undefined {
  const json = safeJson(text);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const parsed = ErrorResponse.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
