import { defineConfig } from 'vite';
import { configDefaults } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { fileURLToPath } from 'node:url';

/** MUI's dialogs and what they are built of: every page has some, and no page's first load shows one. */
const OVERLAYS =
  /[\\/]@mui[\\/]material[\\/](Dialog\w*|Modal|Backdrop|Fade|Unstable_TrapFocus|Popover|Popper|Menu\w*|Grow)[\\/]/;
const SRC = /[\\/]src[\\/]/;
/**
 * Our modules that two or more lazy chunks share and no first load needs (dialogs, a failure's summary): in
 * `app-shared` they would load with every page.
 */
const ONLY_LAZY =
  /[\\/]src[\\/]components[\\/](send-at[\\/](send-at-dialog|send-at-time|schedule-failure)|send-errors[\\/](error-summary|check-travelers-states|use-check-travelers-states|copy-debug-identifier))\./;

export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies of each text file, made once at build time, which the server sends to browsers
    // that accept them (server/static/static-files.ts): no compression work per request.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|svg|json)$/, threshold: 1024 }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // Every browser the console supports runs ES2022 as is: no down-levelled helpers in the bundle.
    target: 'es2022',
    // dist/.vite/manifest.json: which chunks each route loads. The server reads it to preload the opened route's
    // chunks (server/static/page-html.ts); the benchmark, to cross-check the first load.
    manifest: true,
    // The server already names the opened route's chunks in the page (modulepreload, from the manifest). Vite's own
    // preload wrapper around every lazy import costs 1.3 KB gzip of the first load, for parts that are rarely shown
    // (failures, dialogs) and fetch their few imports natively when they are.
    modulePreload: false,
    // Modules most chunks import (MUI's base, React Query, the API client) go into one chunk, and the app's own
    // modules that two or more chunks share into another. Left to itself the bundler cuts them into ~40 small
    // shared chunks, each compressed on its own: the event page's first load is 244 KB gzip that way, 240 KB with
    // these two groups (measured from the manifest).
    rolldownOptions: {
      output: {
        advancedChunks: {
          groups: [
            { name: 'shared', test: (id) => !OVERLAYS.test(id), minShareCount: 8 },
            { name: 'app-shared', test: (id) => SRC.test(id) && !ONLY_LAZY.test(id), minShareCount: 2 },
          ],
        },
      },
    },
  },
  test: {
    // The server's logger stays quiet in process; tests that read its lines raise the level themselves.
    env: { LOG_LEVEL: 'silent' },
    restoreMocks: true,
    // Component tests render whole MUI pages in jsdom; on a busy 2-core machine a few seconds is normal, not a hang.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Vitest's default leaves one core to itself (one worker on 2 cores); its own work is light next to the tests'.
    maxWorkers: process.env.VITEST_MAX_WORKERS ?? '100%',
    projects: [
      {
        extends: true,
        // Browser code, in jsdom, with Testing Library's matchers and one MSW server for `/api`.
        test: {
          name: 'browser-code',
          environment: 'jsdom',
          setupFiles: ['./src/testing/setup-tests.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        // The server, the sandbox and the contract, in Node: real loopback requests, nothing of the browser's set-up loaded.
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts', 'sandbox/**/*.test.ts', 'contract/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.hardening.test.ts'],
        },
      },
      {
        extends: true,
        // Runs that kill processes mid-send, drain a live server or load it with hundreds of sends: `npm run
        // test:hardening`, which `npm test` and CI run after the unit suite.
        test: {
          name: 'hardening',
          environment: 'node',
          include: ['**/*.hardening.test.ts'],
        },
      },
    ],
  },
});
