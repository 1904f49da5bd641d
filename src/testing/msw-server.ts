/**
 * The one MSW server of a component-test file (`msw/node`), started and reset by `setup-tests.ts`. Tests do not
 * use it directly: `mockApi` (./mock-api.ts) puts each test's routes in front of the fallback below.
 *
 * Outside `/api` only `GET /auth/session` is (a signed-in sender); nothing else may go to the network: such a request fails the test
 * (`onUnhandledRequest: 'error'`).
 */
import { http } from 'msw';
import { setupServer } from 'msw/node';
import type { ErrorResponse } from '#contract';
import { makeSession } from './fixtures';

/** Every `/api` request, whatever its origin (relative URLs resolve against jsdom's `location`). */
export const API_REQUESTS = '*/api/*';
/** The server's own sign-in routes (`/auth/session`, `/auth/sign-out`), outside `/api`. */
export const AUTH_REQUESTS = '*/auth/*';

/** A Spotnana 404 envelope, as the real forwarder answers a route outside its list. */
export function notFound(method: string, path: string): Response {
  const body: ErrorResponse = {
    debugIdentifier: 'debug-404',
    errorMessages: [{ errorCode: 'NOT_FOUND', message: `No mock for ${method} ${path}` }],
  };
  return Response.json(body, { status: 404 });
}

/** The API path without the `/api` prefix, e.g. `/v2/events/e-1` (still percent-encoded, as sent). */
export function apiPath(url: string): string {
  return new URL(url).pathname.replace(/^\/api/, '');
}

/** A test that mocks nothing still gets the forwarder's answer to an unknown route, not a real request. */
const fallback = http.all(API_REQUESTS, ({ request }) => notFound(request.method, apiPath(request.url)));

/** Every test runs signed in, as a sender, unless it mocks `GET /auth/session` itself. */
const signedIn = http.get('*/auth/session', () => Response.json(makeSession()));

export const server = setupServer(signedIn, fallback);
