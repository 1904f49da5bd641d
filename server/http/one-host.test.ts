// @vitest-environment node
/**
 * One host: the README's setup (HOST=127.0.0.1, then http://localhost:8080 in the browser) signs in whichever
 * name the manager typed, because every page request lands on PUBLIC_URL's host first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededPerson } from '../auth/testing/sign-in-over-http.ts';
import { Browser } from '../auth/testing/auth-test-server.ts';
import { loadConfig } from '../config.ts';
import { launchServer, type RunningServer } from '../launch.ts';
import { oneHostLocation } from './one-host.ts';

const PUBLIC_URL = 'http://localhost:8080';
const request = (method: string, host: string | undefined, url: string) => ({
  method,
  url,
  headers: host === undefined ? {} : { host },
});

describe('oneHostLocation', () => {
  it('sends a page request on another name to the same path and query on PUBLIC_URL', () => {
    expect(oneHostLocation(request('GET', '127.0.0.1:8080', '/events/e-1?tab=history'), PUBLIC_URL)).toBe(
      'http://localhost:8080/events/e-1?tab=history',
    );
    expect(oneHostLocation(request('HEAD', '10.0.0.7:8080', '/auth/sign-in'), PUBLIC_URL)).toBe(
      'http://localhost:8080/auth/sign-in',
    );
    expect(oneHostLocation(request('GET', 'console.old.example', '/'), 'https://invites.example.com')).toBe(
      'https://invites.example.com/',
    );
  });

  it('keeps a path that starts with two slashes on PUBLIC_URL', () => {
    expect(oneHostLocation(request('GET', '127.0.0.1:8080', '//evil.example/x'), PUBLIC_URL)).toBe(
      'http://localhost:8080//evil.example/x',
    );
  });

  it('leaves requests on the public host alone, whatever the case of the name', () => {
    expect(oneHostLocation(request('GET', 'localhost:8080', '/events'), PUBLIC_URL)).toBeUndefined();
    expect(oneHostLocation(request('GET', 'LocalHost:8080', '/events'), PUBLIC_URL)).toBeUndefined();
    expect(
      oneHostLocation(request('GET', 'invites.example.com', '/events'), 'https://invites.example.com'),
    ).toBeUndefined();
  });

  it('leaves what machines call by address: the API, the sandbox and the probes; and every write', () => {
    for (const path of ['/api/v2/events/list', '/sandbox/v2/events/list', '/healthz', '/livez', '/readyz']) {
      expect(oneHostLocation(request('GET', '127.0.0.1:8080', path), PUBLIC_URL)).toBeUndefined();
    }
    expect(oneHostLocation(request('POST', '127.0.0.1:8080', '/auth/sign-out'), PUBLIC_URL)).toBeUndefined();
    expect(oneHostLocation(request('GET', undefined, '/events'), PUBLIC_URL)).toBeUndefined();
  });

  it('does not take a page whose name merely starts like a machine path', () => {
    expect(oneHostLocation(request('GET', '127.0.0.1:8080', '/apis'), PUBLIC_URL)).toBe(
      'http://localhost:8080/apis',
    );
  });
});

describe('a console listening on 127.0.0.1 with the embedded sign-in', () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-one-host-'));
    const config = loadConfig({
      PORT: '0',
      CONSOLE_DB: join(dir, 'console.db'),
      SANDBOX_DB: join(dir, 'sandbox.db'),
    });
    server = await launchServer({ ...config, staticRoot: null }, { log: () => {} });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on loopback by default and names itself localhost', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(server.publicUrl).toBe(`http://localhost:${server.port}`);
  });

  it('signs in a manager who typed 127.0.0.1: the sign-in starts and ends on localhost', async () => {
    const person = seededPerson('sender');
    const browser = new Browser();
    const { start, after, final } = await browser.signIn(
      `http://127.0.0.1:${server.port}`,
      person.email,
      person.password,
      '/events',
    );
    expect(start[0]).toMatchObject({
      status: 307,
      location: `${server.publicUrl}/auth/sign-in?returnTo=%2Fevents`,
    });
    expect(after.some((step) => step.url.startsWith(`${server.publicUrl}/auth/callback?`))).toBe(true);
    expect(final.url).toBe(`${server.publicUrl}/events`);
    const session = await browser.request(`${server.publicUrl}/auth/session`);
    expect(JSON.parse(session.body)).toMatchObject({ email: person.email, role: 'sender' });
  });
});
