/**
 * One HTTP exchange with the upstream, body included, bounded by a timeout. Failures to get an answer become an
 * `UpstreamError`; any answer, whatever its status, is returned.
 */
import { UpstreamError } from './upstream-error.ts';

/** The part of `fetch` the forwarder uses: the global one, or one that calls an app in process. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface UpstreamAnswer {
  status: number;
  headers: Headers;
  body: Uint8Array<ArrayBuffer>;
}

export async function upstreamFetch(
  fetchImpl: FetchLike,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<UpstreamAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  // The race makes the timeout hold even for a fetch that ignores its signal (the in-process sandbox does).
  const timedOut = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(new UpstreamError({ kind: 'timeout', timeoutMs })), {
      once: true,
    });
  });
  timedOut.catch(() => {});
  try {
    return await Promise.race([
      (async () => {
        const response = await fetchImpl(url, { ...init, signal, redirect: 'manual' });
        const body = new Uint8Array(await response.arrayBuffer());
        return { status: response.status, headers: response.headers, body };
      })(),
      timedOut,
    ]);
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    if (signal.aborted) throw new UpstreamError({ kind: 'timeout', timeoutMs });
    const cause = causeOf(error);
    throw new UpstreamError({ kind: CONNECTION_LOST.test(cause) ? 'connection-lost' : 'unreachable', cause });
  }
}

/**
 * Failures of a connection that was open, so the request may have reached the API (a reset, a socket closed
 * mid-answer), unlike refused connections, DNS or TLS failures, after which nothing can have been carried out.
 */
const CONNECTION_LOST =
  /ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED|other side closed|socket hang up|terminated/i;

/** Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND) is in `cause`. */
function causeOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
    if (cause && typeof cause.code === 'string') return cause.code;
    if (cause && typeof cause.message === 'string') return cause.message;
    return error.message;
  }
  return String(error);
}
