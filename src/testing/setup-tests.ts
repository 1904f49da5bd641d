import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';

// Component tests (jsdom) answer `/api` from one MSW server (./msw-server.ts, filled per test by ./mock-api.ts).
// Server and contract tests run in node and make real loopback requests: MSW must not intercept those, so it is
// not even loaded there.
const server = typeof document === 'undefined' ? undefined : (await import('./msw-server')).server;

beforeAll(() => server?.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  // After unmounting, so nothing still mounted meets the fallback instead of its test's routes.
  server?.resetHandlers();
  // Invite drafts live in sessionStorage, which jsdom keeps for the whole file.
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
});
afterAll(() => server?.close());
