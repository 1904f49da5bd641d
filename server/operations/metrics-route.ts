/**
 * `GET /metrics` in Prometheus' text format, for a scraper on this machine or one holding METRICS_TOKEN, and 404
 * for everyone else (nothing says it exists). A request that came through a proxy (it carries X-Forwarded-For,
 * X-Real-IP or Forwarded, or names a host other than a loopback one) is not "on this machine", even when the
 * proxy itself is.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { isLoopbackHost } from '../loopback-host.ts';
import type { ServerEnv } from '../http/server-env.ts';
import type { ConsoleMetrics } from './metrics.ts';

const PROXY_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded'];

export function metricsRoutes(
  metrics: ConsoleMetrics,
  access: { token?: string; behindProxies?: boolean },
): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/metrics', async (c) => {
    // Behind proxies of our own (TRUST_PROXY_HOPS), every peer is a proxy: only the token opens it.
    const local = access.behindProxies !== true && fromThisMachine(c);
    if (!local && !holdsToken(c, access.token)) return c.notFound();
    c.header('cache-control', 'no-store');
    return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
  });
  return app;
}

/**
 * A loopback peer that asked for a loopback name: a proxy on this machine passes the public Host (one-host.ts
 * requires it, or pages would redirect in a loop), and usually a forwarding header.
 */
function fromThisMachine(c: Context<ServerEnv>): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const address = incoming?.socket?.remoteAddress;
  if (address === undefined || PROXY_HEADERS.some((name) => c.req.header(name) !== undefined)) return false;
  const hostName = new URL(c.req.url).hostname;
  return isLoopback(address) && (isLoopbackHost(hostName) || hostName === '[::1]');
}

function isLoopback(address: string): boolean {
  const ip = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return ip === '::1' || isLoopbackHost(ip);
}

function holdsToken(c: Context<ServerEnv>, token: string | undefined): boolean {
  if (token === undefined) return false;
  const given = Buffer.from(c.req.header('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
