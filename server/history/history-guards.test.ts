// @vitest-environment node
/**
 * `/api/history/*` behind `/api`'s guards: no session (401), a role not allowed (403), a request another site's
 * page made (403, before the session is even read), each refused in the error envelope, never cached, and none of
 * it reaching the upstream.
 */
import { describe, expect, it } from 'vitest';
import { ErrorResponse } from '#contract';
import { sqliteDialect, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createHistoryApp } from './testing/history-app.ts';
import { insertRows, MARCUS, recordRow } from './testing/seed-records.ts';

interface HistoryRoute {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  body?: string;
}

const ROUTES: HistoryRoute[] = [
  { name: 'event History', method: 'GET', url: '/api/history/events/ev-1/sends' },
  { name: 'Activity', method: 'GET', url: '/api/history/sends' },
  { name: 'Activity CSV', method: 'GET', url: '/api/history/sends.csv' },
  { name: 'one send', method: 'GET', url: '/api/history/sends/r1' },
  { name: 'facets', method: 'GET', url: '/api/history/facets' },
  {
    name: 'recent invites',
    method: 'POST',
    url: '/api/history/events/ev-1/recent-invites',
    body: '{"userIds":[{"id":"u-1"}]}',
  },
];

const errorCode = async (response: Response) =>
  ErrorResponse.parse(await response.json()).errorMessages?.[0]?.errorCode;

describe('the send history’s guards', () => {
  const database = useTestDatabase(sqliteDialect);
  const setUp = async () => {
    const consoleDb = await database.open();
    await insertRows(consoleDb, [recordRow({ id: 'r1', at: Date.now() - 1_000, person: MARCUS })]);
    return createHistoryApp(consoleDb);
  };
  const request = (
    h: Awaited<ReturnType<typeof setUp>>,
    route: HistoryRoute,
    headers: Record<string, string>,
  ) => h.app.request(route.url, { method: route.method, headers, body: route.body });

  it.each(ROUTES.map((route) => [route.name, route] as const))(
    '%s: answers a signed-in sender, same-origin or typed in, never cached',
    async (_, route) => {
      const h = await setUp();
      const headers = await h.as(MARCUS);
      for (const fetchSite of [undefined, 'same-origin', 'none']) {
        const withSite = fetchSite === undefined ? headers : { ...headers, 'sec-fetch-site': fetchSite };
        const response = await request(h, route, withSite);
        expect(response.status, fetchSite).toBe(200);
        expect(response.headers.get('cache-control')).toBe('no-store');
        await response.body?.cancel();
      }
      expect(h.upstreamRequests()).toBe(0);
    },
  );

  it.each(ROUTES.map((route) => [route.name, route] as const))(
    '%s without a session: 401 SIGN_IN_REQUIRED',
    async (_, route) => {
      const h = await setUp();
      const { origin } = await h.as(MARCUS);
      for (const cookie of [undefined, 'console_session_80=unknown']) {
        const headers: Record<string, string> = { origin, 'content-type': 'application/json' };
        if (cookie !== undefined) headers.cookie = cookie;
        const response = await request(h, route, headers);
        expect(response.status).toBe(401);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(await errorCode(response)).toBe('SIGN_IN_REQUIRED');
      }
      expect(h.upstreamRequests()).toBe(0);
    },
  );

  it.each(ROUTES.map((route) => [route.name, route] as const))(
    '%s from another site’s page: 403 CROSS_SITE_REQUEST_REFUSED, with or without a session',
    async (_, route) => {
      const h = await setUp();
      const headers = await h.as(MARCUS, 'admin');
      const { cookie: _cookie, ...anonymous } = headers;
      for (const site of ['cross-site', 'same-site']) {
        for (const base of [headers, anonymous]) {
          const response = await request(h, route, { ...base, 'sec-fetch-site': site });
          expect(response.status, site).toBe(403);
          expect(response.headers.get('cache-control')).toBe('no-store');
          const body = ErrorResponse.parse(await response.json());
          expect(body.errorMessages?.[0]).toMatchObject({
            errorCode: 'CROSS_SITE_REQUEST_REFUSED',
            message: expect.stringMatching(/did not come from the Invites Console’s own page/),
          });
        }
      }
      expect(h.upstreamRequests()).toBe(0);
    },
  );

  it('refuses a viewer the recent invites check (senders and admins confirm sends)', async () => {
    const h = await setUp();
    const response = await request(h, ROUTES[5]!, await h.as('Jonas Becker', 'viewer'));
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await errorCode(response)).toBe('ROLE_NOT_ALLOWED');
    expect(h.upstreamRequests()).toBe(0);
  });

  it.each(['/api/history/sends', '/api/history/sends.csv'])(
    'refuses a sender who asks %s for someone else’s sends: 403 ROLE_NOT_ALLOWED',
    async (url) => {
      const h = await setUp();
      const response = await h.app.request(`${url}?subject=sub-priya`, { headers: await h.as(MARCUS) });
      expect(response.status).toBe(403);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = ErrorResponse.parse(await response.json());
      expect(body.errorMessages?.[0]).toMatchObject({
        errorCode: 'ROLE_NOT_ALLOWED',
        errorParameters: [{ name: 'subject', value: 'sub-priya' }],
      });
      const own = await h.app.request(`${url}?subject=${MARCUS.subject}`, { headers: await h.as(MARCUS) });
      expect(own.status).toBe(200);
      await own.body?.cancel();
      expect(h.upstreamRequests()).toBe(0);
    },
  );

  it('refuses a recent-invites check that is not a same-origin JSON write, like every /api write', async () => {
    const h = await setUp();
    const headers = await h.as(MARCUS);
    const route = ROUTES[5]!;
    const foreign = await request(h, route, { ...headers, origin: 'https://evil.example' });
    expect(await errorCode(foreign)).toBe('CROSS_SITE_REQUEST_REFUSED');
    const form = await request(h, route, { ...headers, 'content-type': 'text/plain' });
    expect(await errorCode(form)).toBe('JSON_REQUIRED');
    expect(h.upstreamRequests()).toBe(0);
  });
});
