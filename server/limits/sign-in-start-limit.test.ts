// @vitest-environment node
/**
 * Sign-in starts per client address, on a launched server over real HTTP: the address is the socket's, so a
 * second loopback address (127.0.0.2) is another client, and X-Forwarded-For changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { launchServer, type RunningServer } from '../launch.ts';
import type { RequestLogEntry } from '../http/request-log.ts';
import { DEFAULT_SIGN_IN_STARTS_PER_MINUTE } from './limits.ts';

let dir: string;
let server: RunningServer;
const logs: RequestLogEntry[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-sign-in-limit-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SANDBOX_DB: join(dir, 'sandbox.db'),
    CONSOLE_DB: join(dir, 'console.db'),
  });
  server = await launchServer({ ...config, staticRoot: null }, { log: (entry) => logs.push(entry) });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** `GET /auth/sign-in` from the loopback address `from` (to the console's public host), with extra headers. */
function startSignIn(from: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/auth/sign-in',
        localAddress: from,
        headers: { host: new URL(server.publicUrl).host, ...headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('starting a sign-in', () => {
  it(`is refused past ${DEFAULT_SIGN_IN_STARTS_PER_MINUTE} a minute from one address: 429, Retry-After and a page saying how long`, async () => {
    for (let i = 0; i < DEFAULT_SIGN_IN_STARTS_PER_MINUTE; i += 1) {
      // Each from a "different" forwarded address: the header is not trusted, so they all count as one client.
      expect((await startSignIn('127.0.0.1', { 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(303);
    }
    const refused = await startSignIn('127.0.0.1', { 'x-forwarded-for': '198.51.100.7' });

    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.body).toContain('<h1>Too many sign-ins</h1>');
    expect(refused.body).toMatch(/Try again in (\d+ seconds?|1 minute)\./);
    expect(refused.headers['set-cookie']).toBeUndefined(); // no sign-in attempt was started
    expect(logs.at(-1)).toMatchObject({
      path: '/auth/sign-in',
      status: 429,
      detail: 'sign-in start limit reached',
    });

    // Another address is another client.
    expect((await startSignIn('127.0.0.2')).status).toBe(303);
  });
});
