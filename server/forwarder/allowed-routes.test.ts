// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ALLOWED_ROUTES, misfitParam, pathParamNames, upstreamPath } from './allowed-routes.ts';

const getEvent = ALLOWED_ROUTES.find((route) => route.operationId === 'getEvent')!;
const GOOD_ID = '3f1c2a9e-0000-4000-8000-000000000001';

describe('the route table', () => {
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

  it.each(ALLOWED_ROUTES.map((route) => [route.operationId, route] as const))(
    '%s gives a shape to each of its path parameters, and to nothing else',
    (_, route) => {
      expect(Object.keys(route.params ?? {}).sort()).toEqual(pathParamNames(route).sort());
    },
  );

  it('records sends and test sends, and only those; the event read alone feeds the event facts', () => {
    expect(ALLOWED_ROUTES.filter((r) => r.records).map((r) => [r.operationId, r.records])).toEqual([
      ['sendInvite', 'send'],
      ['testInvite', 'test'],
    ]);
    expect(ALLOWED_ROUTES.filter((r) => r.eventFacts).map((r) => r.operationId)).toEqual(['getEvent']);
  });
});

describe('misfitParam', () => {
  it.each([GOOD_ID, 'ev-1', 'ev_1', 'A'.repeat(64)])('lets the event id %j through', (eventId) => {
    expect(misfitParam(getEvent, { eventId })).toBeUndefined();
  });

  it.each([
    '',
    '.',
    '..',
    '../../auth/oauth2-token',
    '7700000001/../../v3/users/list',
    'A'.repeat(65),
    'ev 1',
    'ev.1',
    'évent',
    'ev%2F1',
  ])('names the event id %j', (eventId) => {
    expect(misfitParam(getEvent, { eventId })).toEqual({ name: 'eventId', value: eventId });
  });

  it('lets nothing through for a parameter without a shape', () => {
    const unshaped = { ...getEvent, params: {} };
    expect(misfitParam(unshaped, { eventId: GOOD_ID })).toEqual({ name: 'eventId', value: GOOD_ID });
  });
});

describe('upstreamPath', () => {
  it('fills in an event id', () => {
    expect(upstreamPath(getEvent, { eventId: GOOD_ID })).toBe(`/v2/events/${GOOD_ID}`);
  });
});
