// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ALLOWED_ROUTES, upstreamPath } from './allowed-routes.ts';

const getEvent = ALLOWED_ROUTES.find((route) => route.operationId === 'getEvent')!;

describe('upstreamPath', () => {
  it('fills in an ordinary event id', () => {
    expect(upstreamPath(getEvent, { eventId: '3f1c2a9e-0000-4000-8000-000000000001' })).toBe(
      '/v2/events/3f1c2a9e-0000-4000-8000-000000000001',
    );
  });

  it('keeps a decoded slash inside the segment', () => {
    expect(upstreamPath(getEvent, { eventId: '../../auth/oauth2-token' })).toBe(
      '/v2/events/..%2F..%2Fauth%2Foauth2-token',
    );
  });

  it.each(['', '.', '..'])('refuses the event id %j', (eventId) => {
    expect(upstreamPath(getEvent, { eventId })).toBeUndefined();
  });

  it('lists exactly the operations the console uses', () => {
    expect(ALLOWED_ROUTES.map((route) => `${route.method} ${route.path}`)).toEqual([
      'POST /v2/events/list',
      'GET /v2/events/:eventId',
      'POST /v2/events/:eventId/travelers-list',
      'POST /v2/events/:eventId/invite/send',
      'POST /v2/events/:eventId/invite/test',
      'POST /v3/users/list',
      'GET /v2/users/:userId',
    ]);
  });
});
