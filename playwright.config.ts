import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/fixtures/chromium.ts';
import { INSTANCES, PRIMARY_SANDBOX_DB } from './e2e/fixtures/instances.ts';
import { SANDBOX_CREDENTIALS } from './server/sandbox/credentials.ts';

// Browser tests run against the production build served by the real server on a throwaway sandbox database, plus
// two consoles that use that server's /sandbox as their Spotnana tenant (one with a wrong secret).
const BASE_URL = INSTANCES.primary.url;
const SERVER_COMMAND = 'node --import tsx server/main.ts';
const tenantEnv = (port: number, clientSecret: string) => ({
  PORT: String(port),
  HOST: '127.0.0.1',
  SPOTNANA_BASE_URL: `${INSTANCES.primary.url}/sandbox`,
  SPOTNANA_CLIENT_ID: SANDBOX_CREDENTIALS.clientId,
  SPOTNANA_CLIENT_SECRET: clientSecret,
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
  // Started one after another, in this order: the tenants' first health probe already finds the primary up.
  webServer: [
    {
      command: SERVER_COMMAND,
      url: `${BASE_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { PORT: String(INSTANCES.primary.port), SANDBOX_DB: PRIMARY_SANDBOX_DB, SANDBOX_RESET: '1' },
    },
    {
      command: SERVER_COMMAND,
      url: `${INSTANCES.tenant.url}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: tenantEnv(INSTANCES.tenant.port, SANDBOX_CREDENTIALS.clientSecret),
    },
    {
      command: SERVER_COMMAND,
      url: `${INSTANCES.badSecret.url}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: tenantEnv(INSTANCES.badSecret.port, 'not-the-sandbox-secret'),
    },
  ],
});
