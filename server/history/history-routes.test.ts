// @vitest-environment node
/**
 * The history's JSON answers over `app.request()`, on SQLite and PostgreSQL: each one passes the contract's schema,
 * and who sees what follows contract/send-history.ts (an event's History: every send; the Activity: a sender's
 * own; a viewer: no recipients, no refused entries).
 */
import { describe, expect, it } from 'vitest';
import { ErrorResponse } from '#contract';
import { ActivityFacets, SendDetail, SendPage } from '#contract/send-history';
import { testDialects, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createHistoryApp } from './testing/history-app.ts';
import { insertRows, MARCUS, PRIYA, recordRow, REFUSAL_BODY, SOFIA } from './testing/seed-records.ts';

const T = Date.UTC(2026, 4, 1, 9);

describe.each(testDialects)('the send history routes on $name', (dialect) => {
  const database = useTestDatabase(dialect);
  const setUp = async () => {
    const consoleDb = await database.open();
    await insertRows(consoleDb, [
      recordRow({ id: 'r1', at: T, person: MARCUS, status: 'refused' }),
      recordRow({ id: 'r2', at: T + 1_000, person: SOFIA, userIds: ['u-9', 'u-3'] }),
      recordRow({ id: 'r3', at: T + 2_000, person: PRIYA, eventId: 'ev-2', eventName: 'Kick-off' }),
      recordRow({
        id: 'r4',
        at: T + 3_000,
        person: SOFIA,
        status: 'failed',
        outcome: { failure: 'timeout', body: null },
      }),
    ]);
    const h = createHistoryApp(consoleDb);
    const get = async (url: string, headers: Record<string, string>) => {
      const response = await h.app.request(url, { headers });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    return {
      h,
      get,
      marcus: await h.as(MARCUS),
      sofia: await h.as(SOFIA),
      priya: await h.as(PRIYA, 'admin'),
      jonas: await h.as('Jonas Becker', 'viewer'),
    };
  };
  const idsOf = (body: unknown) => SendPage.parse(body).sends.map((send) => send.id);

  it('reads an event on page by page from nextBefore, to a last page that says null; a made-up cursor is a 400', async () => {
    const { get, marcus } = await setUp();
    const first = SendPage.parse((await get('/api/history/events/ev-1/sends?limit=2', marcus)).body);
    expect(first.sends.map((send) => send.id)).toEqual(['r4', 'r2']);
    expect(first.nextBefore).toBe(`${T + 1_000}.r2`);
    const second = await get(`/api/history/events/ev-1/sends?limit=2&before=${first.nextBefore}`, marcus);
    expect(idsOf(second.body)).toEqual(['r1']);
    expect(SendPage.parse(second.body)).toMatchObject({ total: 3, nextBefore: null });
    const forged = await get('/api/history/events/ev-1/sends?before=r2%27%20or%201%3D1', marcus);
    expect(forged.status).toBe(400);
    expect(ErrorResponse.parse(forged.body).errorMessages).toEqual([
      expect.objectContaining({ errorCode: 'INVALID_PARAMETER' }),
    ]);
  });

  it('lists every send on an event, by anyone, newest first, to every role', async () => {
    const { get, marcus, jonas } = await setUp();
    const asSender = await get('/api/history/events/ev-1/sends', marcus);
    expect(asSender.status).toBe(200);
    expect(idsOf(asSender.body)).toEqual(['r4', 'r2', 'r1']);
    expect(SendPage.parse(asSender.body)).toMatchObject({ total: 3, offset: 0, limit: 50 });
    const refused = SendPage.parse(asSender.body).sends[2]!;
    expect(refused).toMatchObject({
      status: 'refused',
      errorCount: 2,
      firstErrorMessage: REFUSAL_BODY.errorMessages[0]!.message,
    });
    const asViewer = SendPage.parse(
      (await get('/api/history/events/ev-1/sends?offset=2&limit=1', jonas)).body,
    );
    expect(asViewer).toMatchObject({ total: 3, offset: 2, limit: 1 });
    expect(asViewer.sends[0]).toMatchObject({ id: 'r1', errorCount: 2, firstErrorMessage: null });
  });

  it('shows a sender only their own Activity, and an admin or viewer everyone’s', async () => {
    const { get, sofia, priya, jonas } = await setUp();
    expect(idsOf((await get('/api/history/sends', sofia)).body)).toEqual(['r4', 'r2']);
    expect(idsOf((await get('/api/history/sends', priya)).body)).toEqual(['r4', 'r3', 'r2', 'r1']);
    const viewer = SendPage.parse((await get('/api/history/sends', jonas)).body);
    expect(viewer.sends.map((send) => send.id)).toEqual(['r4', 'r3', 'r2', 'r1']);
    expect(viewer.sends.every((send) => send.firstErrorMessage === null)).toBe(true);
  });

  it('filters the Activity by event, person, outcome and time, and pages it', async () => {
    const { get, priya, sofia } = await setUp();
    const from = new Date(T + 1_000).toISOString();
    const to = new Date(T + 3_000).toISOString();
    expect(idsOf((await get(`/api/history/sends?from=${from}&to=${to}`, priya)).body)).toEqual(['r3', 'r2']);
    expect(idsOf((await get('/api/history/sends?eventId=ev-2', priya)).body)).toEqual(['r3']);
    expect(
      idsOf((await get(`/api/history/sends?subject=${SOFIA.subject}&outcome=unknown`, priya)).body),
    ).toEqual(['r4']);
    expect(idsOf((await get('/api/history/sends?outcome=accepted', sofia)).body)).toEqual(['r2']);
    const page = SendPage.parse((await get('/api/history/sends?offset=1&limit=2', priya)).body);
    expect(page).toMatchObject({ total: 4, offset: 1, limit: 2 });
    expect(page.sends.map((send) => send.id)).toEqual(['r3', 'r2']);
  });

  it('refuses bad parameters with 400, one entry naming each', async () => {
    const { get, priya } = await setUp();
    const { status, body } = await get(
      '/api/history/sends?outcome=failed&from=yesterday&limit=500&offset=-1',
      priya,
    );
    expect(status).toBe(400);
    const names = ErrorResponse.parse(body).errorMessages?.map((entry) => entry.errorParameters?.[0]?.name);
    expect(names).toEqual(['offset', 'limit', 'outcome', 'from']);
    const event = await get('/api/history/events/ev-1/sends?limit=abc', priya);
    expect(event.status).toBe(400);
    expect(ErrorResponse.parse(event.body).errorMessages?.[0]?.message).toMatch(/^limit must be/);
  });

  it('gives one send whole to a sender, even someone else’s: recipients in order and the envelope', async () => {
    const { get, sofia } = await setUp();
    const refused = SendDetail.parse((await get('/api/history/sends/r1', sofia)).body);
    expect(refused).toMatchObject({
      id: 'r1',
      person: { name: MARCUS.name },
      travelerIds: ['u-1', 'u-2'],
      errorResponse: REFUSAL_BODY,
      failure: null,
      recipientsHidden: false,
    });
    const failed = SendDetail.parse((await get('/api/history/sends/r4', sofia)).body);
    expect(failed).toMatchObject({
      status: 'failed',
      failure: 'timeout',
      errorResponse: null,
      errorCount: 0,
    });
    const accepted = SendDetail.parse((await get('/api/history/sends/r2', sofia)).body);
    expect(accepted).toMatchObject({ travelerIds: ['u-9', 'u-3'], errorResponse: null, failure: null });
  });

  it('gives a viewer one send without its recipients or entries', async () => {
    const { get, jonas } = await setUp();
    const detail = SendDetail.parse((await get('/api/history/sends/r1', jonas)).body);
    expect(detail).toMatchObject({
      errorResponse: null,
      firstErrorMessage: null,
      recipientsHidden: true,
      errorCount: 2,
    });
    expect(detail).not.toHaveProperty('travelerIds');
  });

  it('answers an unknown send with 404 in the envelope', async () => {
    const { get, priya } = await setUp();
    const { status, body } = await get('/api/history/sends/no-such-send', priya);
    expect(status).toBe(404);
    expect(ErrorResponse.parse(body).errorMessages?.[0]).toMatchObject({
      errorCode: 'SEND_NOT_FOUND',
      errorParameters: [{ name: 'id', value: 'no-such-send' }],
    });
  });

  it('gives the facets the reader’s Activity has: a sender’s own, everyone’s to the others', async () => {
    const { get, sofia, jonas } = await setUp();
    expect(ActivityFacets.parse((await get('/api/history/facets', sofia)).body)).toEqual({
      events: [{ id: 'ev-1', name: 'Team Offsite' }],
      people: [{ subject: SOFIA.subject, name: SOFIA.name, email: SOFIA.email }],
    });
    const all = ActivityFacets.parse((await get('/api/history/facets', jonas)).body);
    expect(all.events.map((event) => event.id).sort()).toEqual(['ev-1', 'ev-2']);
    expect(all.people).toHaveLength(3);
  });
});
