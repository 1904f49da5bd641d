// @vitest-environment node
/**
 * The path parameters of `/api` against their shapes in the route table: an id outside letters, digits, `-` and
 * `_` (at most 64) gets 400 INVALID_PARAMETER naming it, after the session and role checks and before anything is
 * recorded or forwarded, so no proxy in front of Spotnana ever sees an encoded `/` in an id. The send history
 * records exactly the routes the table says it records.
 */
import { describe, expect, it } from 'vitest';
import { ErrorResponse } from '#contract';
import { createServerApp } from './app.ts';
import { createTestAuth } from '../auth/testing/test-auth.ts';
import { sqliteDialect, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { ALLOWED_ROUTES } from '../forwarder/allowed-routes.ts';
import { createFakeUpstream, FAKE_CREDENTIALS } from '../forwarder/testing/fake-upstream.ts';
import { createHistoryApp } from '../history/testing/history-app.ts';

function makeApp() {
  const upstream = createFakeUpstream({ basePath: '' });
  const testAuth = createTestAuth();
  const app = createServerApp(
    {
      upstream: { kind: 'embedded-sandbox' },
      upstreamTimeoutMs: 2_000,
      bodyLimitBytes: 1 << 20,
      staticRoot: null,
    },
    { sandbox: { app: upstream.app, credentials: FAKE_CREDENTIALS }, log: () => {}, auth: testAuth.auth },
  );
  /** Requests that reached the upstream, its token endpoint included. */
  const reached = () => upstream.state.requests.length + upstream.state.tokenCalls;
  return { app, reached, signedIn: testAuth.signedIn };
}

const firstError = async (response: Response) =>
  ErrorResponse.parse(await response.json()).errorMessages?.[0];

const BAD_EVENT_IDS: [string, string][] = [
  ['an encoded path that climbs to another operation', '7700000001/../../v3/users/list'],
  ['65 characters', 'e'.repeat(65)],
  ['a space', 'ev 1'],
  ['a dot', 'ev.1'],
  ['a letter outside ASCII', 'évènement'],
];

describe('a path parameter outside its shape', () => {
  it.each(BAD_EVENT_IDS)('an event id with %s: 400 naming eventId, nothing forwarded', async (_, eventId) => {
    const { app, reached, signedIn } = makeApp();
    const response = await app.request(`/api/v2/events/${encodeURIComponent(eventId)}`, {
      headers: await signedIn('viewer'),
    });
    expect(response.status).toBe(400);
    expect(await firstError(response)).toEqual({
      errorCode: 'INVALID_PARAMETER',
      message: 'The eventId must be a Spotnana id: letters, digits, "-" and "_", at most 64 characters.',
      errorParameters: [{ name: 'eventId', value: eventId }],
    });
    expect(reached()).toBe(0);
  });

  it('a user id with an encoded slash: 400 naming userId, nothing forwarded; a well-formed one goes', async () => {
    const { app, reached, signedIn } = makeApp();
    const headers = await signedIn('viewer');
    const response = await app.request('/api/v2/users/u-1%2F..%2F..%2Fevents%2Flist', { headers });
    expect(response.status).toBe(400);
    expect(await firstError(response)).toMatchObject({
      errorCode: 'INVALID_PARAMETER',
      message: expect.stringMatching(/^The userId must be /),
      errorParameters: [{ name: 'userId', value: 'u-1/../../events/list' }],
    });
    expect(reached()).toBe(0);
    expect(
      (await app.request('/api/v2/users/3f1c2a9e-0000-4000-8000-00000000000a', { headers })).status,
    ).toBe(200);
  });

  it('takes an event id of 64 characters and refuses one of 65', async () => {
    const { app, reached, signedIn } = makeApp();
    const headers = await signedIn('viewer');
    const longest = await app.request(`/api/v2/events/${'e'.repeat(64)}`, { headers });
    expect(longest.status).toBe(200);
    expect(reached()).toBe(2); // a token, then the event
    const tooLong = await app.request(`/api/v2/events/${'e'.repeat(65)}`, { headers });
    expect(tooLong.status).toBe(400);
    expect(reached()).toBe(2);
  });

  it('is checked after the session (401) and the role (403): neither learns what an id must look like', async () => {
    const { app, reached, signedIn } = makeApp();
    const send = `/api/v2/events/${encodeURIComponent('ev/1')}/invite/send`;
    const { origin } = await signedIn('viewer');
    const stranger = await app.request(send, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await firstError(stranger))?.errorCode).toBe('SIGN_IN_REQUIRED');
    const asViewer = await app.request(send, {
      method: 'POST',
      headers: await signedIn('viewer'),
      body: '{}',
    });
    expect((await firstError(asViewer))?.errorCode).toBe('ROLE_NOT_ALLOWED');
    const asSender = await app.request(send, {
      method: 'POST',
      headers: await signedIn('sender'),
      body: '{}',
    });
    expect((await firstError(asSender))?.errorCode).toBe('INVALID_PARAMETER');
    expect(reached()).toBe(0);
  });
});

describe('the send history and the route table', () => {
  const database = useTestDatabase(sqliteDialect);

  it.each(['send', 'test'])(
    'a sender’s invite/%s to a malformed event id: 400, nothing on the record, nothing sent',
    async (action) => {
      const h = createHistoryApp(await database.open());
      const bad = encodeURIComponent('7700000001/../../v3/users/list');
      const response = await h.app.request(`/api/v2/events/${bad}/invite/${action}`, {
        method: 'POST',
        headers: await h.as('Marcus'),
        body: '{"userIds":[{"id":"u-1"}]}',
      });
      expect(response.status).toBe(400);
      expect((await firstError(response))?.errorParameters).toEqual([
        { name: 'eventId', value: '7700000001/../../v3/users/list' },
      ]);
      expect(await h.rows()).toEqual([]);
      expect(h.upstreamRequests()).toBe(0);
    },
  );

  it('records exactly the routes the table flags, as the kind of send it names', async () => {
    const h = createHistoryApp(await database.open());
    const headers = await h.as('Marcus');
    for (const route of ALLOWED_ROUTES) {
      const response = await h.app.request(`/api${route.path.replace(/:\w+/g, 'ev-1')}`, {
        method: route.method,
        headers,
        body: route.method === 'POST' ? '{"userIds":[{"id":"u-1"}]}' : undefined,
      });
      expect(response.status, route.operationId).toBe(200);
    }
    const recorded = (await h.rows()).map((row) => row.action).sort();
    expect(recorded).toEqual(['send', 'test']);
    expect(recorded).toEqual(ALLOWED_ROUTES.flatMap((route) => route.records ?? []).sort());
  });
});
