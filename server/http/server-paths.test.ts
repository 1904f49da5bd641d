// @vitest-environment node
/**
 * The server's own top-level paths (server-paths.ts, which the dev proxy reads too) are never answered with the
 * console's page, even for a signed-in browser navigating there; a page whose name merely starts alike still is.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuth } from '../auth/testing/test-auth.ts';
import { createFakeUpstream, FAKE_CREDENTIALS } from '../forwarder/testing/fake-upstream.ts';
import { createServerApp } from './app.ts';
import { SERVER_PATH, SERVER_PREFIXES } from './server-paths.ts';

const PAGE_TITLE = '<title>Invites Console</title>';
let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'console-server-paths-'));
  writeFileSync(join(dist, 'index.html'), `<!doctype html>${PAGE_TITLE}`);
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function createApp(testAuth: ReturnType<typeof createTestAuth>) {
  const upstream = createFakeUpstream({ basePath: '' });
  return createServerApp(
    {
      upstream: { kind: 'embedded-sandbox' },
      upstreamTimeoutMs: 2_000,
      bodyLimitBytes: 1 << 20,
      staticRoot: dist,
    },
    { sandbox: { app: upstream.app, credentials: FAKE_CREDENTIALS }, log: () => {}, auth: testAuth.auth },
  );
}

async function navigate(path: string) {
  const testAuth = createTestAuth();
  const app = createApp(testAuth);
  const { cookie } = await testAuth.signedIn('viewer');
  return app.request(path, { headers: { cookie, accept: 'text/html' } });
}

describe('the server’s own paths', () => {
  it.each(SERVER_PREFIXES)('/%s/no-such-page is never the console’s page', async (prefix) => {
    const response = await navigate(`/${prefix}/no-such-page`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain(PAGE_TITLE);
  });

  it('include every route the server registers, so the dev proxy and the static files know each one', () => {
    const app = createApp(createTestAuth());
    // Middleware for every request ('*') is not a route of its own; everything else must be under a listed prefix.
    const routes = app.routes.map((route) => route.path).filter((path) => path !== '*' && path !== '/*');
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((path) => !SERVER_PATH.test(path))).toEqual([]);
  });

  it('leaves a page that only starts like one of them to the console', async () => {
    const response = await navigate('/apis');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(PAGE_TITLE);
  });
});
