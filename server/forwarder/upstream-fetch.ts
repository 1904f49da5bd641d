/**
 * One HTTP exchange with the upstream, body included, bounded by a timeout. Failures to get an answer become an
 * `UpstreamError`; any answer, whatever its status, is returned.
 */
import { UpstreamError } from './upstream-error.ts';

/** The largest answer body the console reads: Spotnana's largest pages are a few MiB; past this it is not Spotnana. */
export const MAX_UPSTREAM_BODY_BYTES = 16 * 1024 * 1024;

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
        const body = await readCapped(response, MAX_UPSTREAM_BODY_BYTES);
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

/** The body, read a chunk at a time and given up (the stream cancelled) as soon as it passes `limit` bytes. */
async function readCapped(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new UpstreamError({ kind: 'too-large', limitBytes: limit });
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
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
