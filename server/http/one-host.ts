/**
 * One host for the console: a browser's request that arrives on another name for this server (127.0.0.1 when
 * PUBLIC_URL says localhost, an IP address, an old domain) is sent to the same path on PUBLIC_URL before anything
 * else runs. Otherwise a sign-in started on one host comes back to the callback on the other, without the cookie
 * that started it, and reads as "expired".
 *
 * Not redirected: what machines call by address rather than browsers by name (`/api`, the sandbox, the probes),
 * and anything but GET and HEAD, whose body a redirect could not carry.
 */
import type { IncomingMessage, RequestListener } from 'node:http';

const MACHINE_PATHS = ['/api', '/sandbox', '/healthz', '/livez', '/readyz', '/metrics'];

/** The URL to send the request to, or undefined when it is already on the public host (or is not a browser's). */
export function oneHostLocation(
  req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>,
  publicUrl: string,
): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  const host = req.headers.host?.toLowerCase();
  const path = req.url ?? '/';
  // A request line with an absolute URL, or without a Host header, is not a browser's page request.
  if (host === undefined || host === '' || !path.startsWith('/')) return undefined;
  const pathname = path.split('?', 1)[0]!;
  if (MACHINE_PATHS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`)))
    return undefined;
  const target = new URL(publicUrl);
  if (host === target.host) return undefined;
  return `${target.origin}${path}`;
}

export function oneHost(publicUrl: string, next: RequestListener): RequestListener {
  return (req, res) => {
    const location = oneHostLocation(req, publicUrl);
    if (location === undefined) return next(req, res);
    // Temporary: a browser must not keep this redirect once PUBLIC_URL changes.
    res.writeHead(307, { location, 'cache-control': 'no-store', 'content-length': '0' });
    res.end();
  };
}
