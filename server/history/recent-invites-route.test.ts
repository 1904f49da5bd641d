// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ErrorResponse } from '#contract';
import { RECENT_INVITES_MAX_IDS, RecentInvites } from '#contract/send-history';
import { testDialects, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createHistoryApp, EVENT } from './testing/history-app.ts';
import { insertRows, recordRow } from './testing/seed-records.ts';

const HOUR = 60 * 60_000;
const ids = (...list: string[]) => list.map((id) => ({ id }));

describe.each(testDialects)('recent invites over /api on $name', (dialect) => {
  const database = useTestDatabase(dialect);
  const setUp = async () => {
    const consoleDb = await database.open();
    const h = createHistoryApp(consoleDb);
    const marcus = await h.as('Marcus Webb');
    const check = async (body: unknown, eventId = EVENT) => {
      const response = await h.app.request(`/api/history/events/${eventId}/recent-invites`, {
        method: 'POST',
        headers: marcus,
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    return { consoleDb, h, marcus, check };
  };

  it('counts the asked travelers that sends made through /api went to; refused sends and tests sent nothing', async () => {
    const { h, marcus, check } = await setUp();
    expect((await h.send(marcus, { type: 'GENERIC', userIds: ids('u-1', 'u-2') })).status).toBe(200);
    h.state.handler = () =>
      Response.json({ errorMessages: [{ errorCode: 'X', message: 'no' }] }, { status: 400 });
    expect((await h.send(marcus, { type: 'GENERIC', userIds: ids('u-3') })).status).toBe(400);
    h.state.handler = () => Response.json({});
    await h.send(marcus, {}, undefined, 'test');

    const { status, body } = await check({ userIds: ids('u-1', 'u-3', 'u-5') });
    expect(status).toBe(200);
    const answer = RecentInvites.parse(body);
    expect(answer.travelerCount).toBe(1);
    expect(answer.sends).toEqual([
      expect.objectContaining({ personName: 'Marcus Webb', scope: 'list', matchedCount: 1 }),
    ]);
    expect(Date.now() - Date.parse(answer.since)).toBeGreaterThanOrEqual(24 * HOUR);
  });

  it('counts an invite to all travelers as covering everyone asked, on that event only', async () => {
    const { h, marcus, check } = await setUp();
    expect((await h.send(marcus, { type: 'GENERIC' })).status).toBe(200);
    const answer = RecentInvites.parse((await check({ userIds: ids('u-1', 'u-2') })).body);
    expect(answer).toMatchObject({ travelerCount: 2, sends: [{ scope: 'all', matchedCount: 2 }] });
    expect(RecentInvites.parse((await check({}, EVENT)).body).travelerCount).toBeNull();
    expect(RecentInvites.parse((await check({ userIds: ids('u-1') }, 'ev-other')).body)).toMatchObject({
      travelerCount: 0,
      sends: [],
    });
  });

  it('looks back 24 hours and no further', async () => {
    const { consoleDb, check } = await setUp();
    await insertRows(consoleDb, [
      recordRow({ id: 'yesterday', at: Date.now() - 23 * HOUR, eventId: EVENT, userIds: ['u-1'] }),
      recordRow({ id: 'too-old', at: Date.now() - 25 * HOUR, eventId: EVENT, userIds: ['u-2'] }),
    ]);
    const answer = RecentInvites.parse((await check({ userIds: ids('u-1', 'u-2') })).body);
    expect(answer.travelerCount).toBe(1);
    expect(answer.sends.map((send) => send.id)).toEqual(['yesterday']);
  });

  it('takes as many travelers as one send may name, 20,000, and no more', async () => {
    const { check } = await setUp();
    const many = (count: number) => ({
      userIds: Array.from({ length: count }, (_, i) => ({ id: `u-${i}` })),
    });
    const most = await check(many(RECENT_INVITES_MAX_IDS));
    expect(most.status).toBe(200);
    expect(RecentInvites.parse(most.body).travelerCount).toBe(0);
    const tooMany = await check(many(RECENT_INVITES_MAX_IDS + 1));
    expect(tooMany.status).toBe(400);
    const [entry] = ErrorResponse.parse(tooMany.body).errorMessages ?? [];
    expect(entry).toMatchObject({ errorCode: 'INVALID_PARAMETER', errorParameters: [{ name: 'userIds' }] });
  });

  it.each([
    ['not JSON', '{"userIds": [', 'MALFORMED_JSON', undefined],
    ['userIds not a list', { userIds: 'u-1' }, 'INVALID_PARAMETER', 'userIds'],
    ['an id not a string', { userIds: [{ id: 7 }] }, 'INVALID_PARAMETER', 'userIds[0].id'],
  ])('refuses a body that is %s with 400', async (_, body, code, field) => {
    const { h, check } = await setUp();
    const { status, body: answer } = await check(body);
    expect(status).toBe(400);
    const entry = ErrorResponse.parse(answer).errorMessages?.[0];
    expect(entry?.errorCode).toBe(code);
    if (field !== undefined) expect(entry?.errorParameters?.map((p) => p.name)).toEqual([field]);
    expect(h.upstreamRequests()).toBe(0);
  });
});
