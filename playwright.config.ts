import { defineConfig } from '@playwright/test';
import { AUTH_STATE } from './e2e/fixtures/auth.ts';
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/fixtures/chromium.ts';
import {
  consoleDb,
  E2E_SEND_LIMIT,
  INSTANCES,
  PRIMARY_SANDBOX_DB,
  SLOW_SANDBOX_DB,
  SLOW_SANDBOX_LATENCY_MS,
  TENANT_SEND_LIMIT,
} from './e2e/fixtures/instances.ts';
import { serverLogFile } from './e2e/fixtures/server-log.ts';
import { EMBEDDED_CLIENT } from './server/auth/embedded-provider/client.ts';
import { roleMappingEnv } from './server/auth/roles.ts';
import { SANDBOX_CREDENTIALS } from './sandbox/credentials.ts';

// Browser tests run against the production build served by the real server on a throwaway sandbox database, plus
// two consoles that use that server's /sandbox as their Spotnana tenant (one with a wrong secret) and sign managers
// in through its embedded OpenID Provider. Each console has its own throwaway console database (sessions).
const BASE_URL = INSTANCES.primary.url;
// Removes the instance's CONSOLE_DB, copies its stdout (the request log) to E2E_SERVER_LOG, then runs server/bin/main.ts.
const SERVER_COMMAND = 'node --import tsx e2e/fixtures/serve.ts';
const PRIMARY_ISSUER = `${INSTANCES.primary.url}/oidc`;

/** PUBLIC_URL is the address the tests use, so the session cookie, Origin and the callback all match it. */
const instanceEnv = (instance: { port: number; url: string }) => ({
  PORT: String(instance.port),
  HOST: '127.0.0.1',
  PUBLIC_URL: instance.url,
  CONSOLE_DB: consoleDb(instance.port),
  E2E_SERVER_LOG: serverLogFile(instance.port),
  DATABASE_URL: '',
  SEND_LIMIT_PER_10_MIN: String(E2E_SEND_LIMIT),
});
const tenantEnv = (instance: { port: number; url: string }, clientSecret: string) => ({
  ...instanceEnv(instance),
  SPOTNANA_BASE_URL: `${INSTANCES.primary.url}/sandbox`,
  SPOTNANA_CLIENT_ID: SANDBOX_CREDENTIALS.clientId,
  SPOTNANA_CLIENT_SECRET: clientSecret,
  // A real tenant signs in through an OpenID Provider: the primary's embedded one (the README's two instances).
  OIDC_ISSUER: PRIMARY_ISSUER,
  OIDC_CLIENT_ID: EMBEDDED_CLIENT.clientId,
  OIDC_CLIENT_SECRET: EMBEDDED_CLIENT.clientSecret,
  ...roleMappingEnv(),
});

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [
    // Signs each role in through the real sign-in page and saves the browser state (e2e/auth.setup.ts).
    { name: 'sign-in', testMatch: /auth\.setup\.ts$/ },
    {
      name: 'chromium',
      dependencies: ['sign-in'],
      // Every test is a signed-in sender unless it says otherwise (test.use({ storageState: ... })).
      use: { storageState: AUTH_STATE.sender },
    },
  ],
  // Started one after another, in this order: the tenants' first health probe already finds the primary up.
  webServer: [
    {
      command: SERVER_COMMAND,
      url: `${BASE_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { ...instanceEnv(INSTANCES.primary), SANDBOX_DB: PRIMARY_SANDBOX_DB, SANDBOX_RESET: '1' },
    },
    {
      command: SERVER_COMMAND,
      url: `${INSTANCES.tenant.url}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...tenantEnv(INSTANCES.tenant, SANDBOX_CREDENTIALS.clientSecret),
        SEND_LIMIT_PER_10_MIN: String(TENANT_SEND_LIMIT),
        // The browser renders every page of this console: the tests that rewrite the API's answers in the
        // browser (hostile-input.spec.ts) run here, where the page's data is the browser's own request.
        RENDER_BOUND_MS: '0',
      },
    },
    {
      command: SERVER_COMMAND,
      url: `${INSTANCES.badSecret.url}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: tenantEnv(INSTANCES.badSecret, 'not-the-sandbox-secret'),
    },
    {
      command: SERVER_COMMAND,
      url: `${INSTANCES.slow.url}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...instanceEnv(INSTANCES.slow),
        SANDBOX_DB: SLOW_SANDBOX_DB,
        SANDBOX_RESET: '1',
        SANDBOX_LATENCY_MS: String(SLOW_SANDBOX_LATENCY_MS),
        OIDC_ISSUER: PRIMARY_ISSUER,
        OIDC_CLIENT_ID: EMBEDDED_CLIENT.clientId,
        OIDC_CLIENT_SECRET: EMBEDDED_CLIENT.clientSecret,
        ...roleMappingEnv(),
      },
    },
  ],
});
