/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // Every browser the console supports runs ES2022 as is: no down-levelled helpers in the bundle.
    target: 'es2022',
    // dist/.vite/manifest.json: which chunks each route loads, for measuring the first load (npm run bench).
    manifest: true,
  },
  test: {
    // Component tests run in jsdom; server tests opt into node with a `// @vitest-environment node` docblock.
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    restoreMocks: true,
    // Component tests render whole MUI pages in jsdom; on a busy 2-core machine a few seconds is normal, not a hang.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
