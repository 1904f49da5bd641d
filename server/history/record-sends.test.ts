// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { testDialects, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createHistoryApp, EVENT, gate } from './testing/history-app.ts';

const BODY = { type: 'GENERIC', userIds: [{ id: 'u-2' }, { id: 'u-1' }] };
const REFUSAL = {
  debugIdentifier: 'upstream-dbg-7',
  errorMessages: [
    {
      errorCode: 'USER_NOT_IN_EVENT',
      message: 'User u-2 is not a traveler of this event',
      errorParameters: [{ name: 'userIds[0].id', value: 'u-2' }],
      errorDetail: 'detail text',
    },
    { errorCode: 'INVALID_TYPE', message: 'Bad type', errorParameters: [] },
  ],
};

describe.each(testDialects)('the send history of /api on $name', (dialect) => {
  const database = useTestDatabase(dialect);

  it('records the send, pending, before the upstream is called, and completes it as accepted', async () => {
    const h = createHistoryApp(await database.open());
    const seen: unknown[] = [];
    h.state.handler = async () => {
      seen.push(...(await h.rows()));
      return Response.json({});
    };
    const response = await h.send(await h.as('Marcus Webb'), BODY);
    expect(response.status).toBe(200);
    expect(seen).toEqual([
      expect.objectContaining({
        status: 'pending',
        event_id: EVENT,
        action: 'send',
        event_type: 'GENERIC',
        scope: 'list',
        traveler_count: 2,
        // The request's order: a refusal names travelers by index (userIds[0].id), which must still resolve.
        traveler_ids: JSON.stringify(['u-2', 'u-1']),
        // This instance has not seen the event: the send did not wait for it (event-facts.test.ts).
        event_name: null,
        person_name: 'Marcus Webb',
        role: 'sender',
        instance: 'test-instance',
      }),
    ]);
    const [row] = await h.rows();
    expect(row).toMatchObject({ status: 'accepted', http_status: 200 });
    expect(row?.idempotency_key).toMatch(/^[0-9a-f-]{36}$/); // made by the server when the browser sent none
  });

  const ids = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `u-${i}` }));
  it.each([
    ['a type outside the enum', { type: 'MEETING' }, 'type', 'MEETING'],
    ['an id with other characters', { userIds: [{ id: 'u-1' }, { id: '../x' }] }, 'userIds[1].id', '../x'],
    [
      'an id longer than 64 characters',
      { userIds: [{ id: 'a'.repeat(65) }] },
      'userIds[0].id',
      'a'.repeat(65),
    ],
    ['an id that is not a string', { userIds: [{ id: 7 }] }, 'userIds[0].id', '7'],
    [
      'a traveler named twice',
      { userIds: [{ id: 'u-1' }, { id: 'u-2' }, { id: 'u-1' }] },
      'userIds[2].id',
      'u-1',
    ],
    ['userIds that is not a list', { userIds: 'u-1' }, 'userIds', 'u-1'],
    ['more than 20,000 travelers', { userIds: ids(20_001) }, 'userIds', undefined],
  ])(
    'refuses a send with %s: 400 naming the field, nothing recorded or sent',
    async (_, body, field, value) => {
      const h = createHistoryApp(await database.open());
      const response = await h.send(await h.as('Marcus Webb'), body);
      expect(response.status).toBe(400);
      const { errorMessages, debugIdentifier } = (await response.json()) as {
        errorMessages: { errorCode: string; errorParameters: { name: string; value?: string }[] }[];
        debugIdentifier: string;
      };
      expect(debugIdentifier).toEqual(expect.any(String));
      expect(errorMessages[0]).toMatchObject({ errorCode: 'INVALID_PARAMETER' });
      expect(errorMessages[0]!.errorParameters[0]!.name).toBe(field);
      if (value !== undefined) expect(errorMessages[0]!.errorParameters[0]!.value).toBe(value);
      expect(h.state.calls).toBe(0);
      expect(await h.rows()).toEqual([]);
    },
  );

  it('refuses a send whose body is not JSON, and lets 20,000 distinct well-formed travelers through', async () => {
    const h = createHistoryApp(await database.open());
    const marcus = await h.as('Marcus Webb');
    const malformed = await h.app.request(`/api/v2/events/${EVENT}/invite/send`, {
      method: 'POST',
      headers: marcus,
      body: '{"type":',
    });
    expect(malformed.status).toBe(400);
    expect(
      ((await malformed.json()) as { errorMessages: { errorCode: string }[] }).errorMessages[0],
    ).toMatchObject({ errorCode: 'MALFORMED_JSON' });
    expect(await h.rows()).toEqual([]);

    h.state.handler = () => new Response(null, { status: 200 });
    const most = await h.send(marcus, { type: 'GENERIC', userIds: ids(20_000) });
    expect(most.status).toBe(200);
    expect(h.state.calls).toBe(1);
    expect(await h.rows()).toHaveLength(1);
  });

  it('keeps every errorMessages entry of a refusal whole, with the debugIdentifier', async () => {
    const h = createHistoryApp(await database.open());
    h.state.handler = () => Response.json(REFUSAL, { status: 400 });
    const response = await h.send(await h.as('Marcus Webb'), BODY, 'key-refused');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(REFUSAL);
    const [row] = await h.rows();
    expect(row).toMatchObject({ status: 'refused', http_status: 400 });
    expect(JSON.parse(row!.outcome_json!)).toEqual({ body: REFUSAL });
  });

  it('records a 5xx and an upstream that cannot be reached as failed, with the failure', async () => {
    const h = createHistoryApp(await database.open());
    const marcus = await h.as('Marcus Webb');
    h.state.handler = () => Response.json({ errorMessages: [] }, { status: 503 });
    expect((await h.send(marcus, BODY)).status).toBe(503);
    h.state.handler = () =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') }));
    expect((await h.send(marcus, { type: 'GENERIC' })).status).toBe(502);
    const rows = await h.rows();
    expect(rows.map((r) => [r.status, r.http_status, r.scope])).toEqual([
      ['failed', 503, 'list'],
      ['failed', 502, 'all'],
    ]);
    expect(JSON.parse(rows[0]!.outcome_json!)).toMatchObject({ failure: 'http-503' });
    expect(JSON.parse(rows[1]!.outcome_json!)).toMatchObject({ failure: 'unreachable' });
  });

  it('answers the same Idempotency-Key with the first answer, reaching the upstream once', async () => {
    const h = createHistoryApp(await database.open());
    const marcus = await h.as('Marcus Webb');
    h.state.handler = () => Response.json(REFUSAL, { status: 400 });
    const first = await h.send(marcus, BODY, 'key-1');
    const again = await h.send(marcus, BODY, 'key-1');
    expect(h.state.calls).toBe(1);
    expect(again.status).toBe(first.status);
    expect(await again.json()).toEqual(await first.json());
    expect(await h.rows()).toHaveLength(1);

    h.state.handler = () => new Response(null, { status: 200 });
    expect((await h.send(marcus, BODY, 'key-2')).status).toBe(200);
    expect((await h.send(marcus, BODY, 'key-2')).status).toBe(200);
    expect(h.state.calls).toBe(2);
    // The key for another send is not a way to read that send's answer.
    const reused = await h.send(marcus, { type: 'PROGRAM' }, 'key-1');
    expect(reused.status).toBe(422);
  });

  it('answers a retry while the first attempt is still out with 409 SEND_OUTCOME_PENDING', async () => {
    const h = createHistoryApp(await database.open());
    const marcus = await h.as('Marcus Webb');
    const hold = gate();
    const arrived = gate();
    h.state.handler = async () => {
      arrived.open();
      await hold.opened;
      return Response.json({});
    };
    const first = h.send(marcus, BODY, 'key-held');
    await arrived.opened;
    const retry = await h.send(marcus, BODY, 'key-held');
    expect(retry.status).toBe(409);
    expect((await retry.json()).errorMessages[0].errorCode).toBe('SEND_OUTCOME_PENDING');
    hold.open();
    expect((await first).status).toBe(200);
    expect(h.state.calls).toBe(1);
  });

  it('refuses an identical send in flight with 409 naming who started it and when', async () => {
    const h = createHistoryApp(await database.open());
    const [marcus, sofia] = [await h.as('Marcus Webb'), await h.as('Sofía Álvarez')];
    const hold = gate();
    const arrived = gate();
    h.state.handler = async () => {
      arrived.open();
      await hold.opened;
      return Response.json({});
    };
    const first = h.send(marcus, BODY, 'tab-1');
    await arrived.opened;
    const second = await h.send(sofia, { ...BODY, userIds: [...BODY.userIds].reverse() }, 'tab-2');
    hold.open();
    expect((await first).status).toBe(200);
    expect(second.status).toBe(409);
    const [row] = await h.rows();
    const startedAt = new Date(row!.created_at).toISOString();
    const [entry] = (await second.json()).errorMessages;
    expect(entry).toMatchObject({
      errorCode: 'IDENTICAL_SEND_IN_FLIGHT',
      errorParameters: [
        { name: 'startedBy', value: 'Marcus Webb' },
        { name: 'startedAt', value: startedAt },
      ],
    });
    expect(entry.message).toContain(`Marcus Webb started this same send at ${startedAt}`);
    expect(h.state.calls).toBe(1);
    // Once the first has its answer, the same send may go again.
    expect((await h.send(sofia, BODY, 'tab-3')).status).toBe(200);
  });

  it('records test invites too, and sends nothing when the send cannot be recorded', async () => {
    const consoleDb = await database.open();
    const h = createHistoryApp(consoleDb);
    const marcus = await h.as('Marcus Webb');
    const test = await h.app.request(`/api/v2/events/${EVENT}/invite/test`, {
      method: 'POST',
      headers: marcus,
    });
    expect(test.status).toBe(200);
    expect(await h.rows()).toEqual([expect.objectContaining({ action: 'test', status: 'accepted' })]);

    await consoleDb.close();
    const refused = await h.send(marcus, BODY);
    expect(refused.status).toBe(503);
    expect((await refused.json()).errorMessages[0].errorCode).toBe('SEND_HISTORY_UNAVAILABLE');
    expect(h.state.calls).toBe(1);
  });

  it('records nothing for a viewer’s refused send, and nothing for other routes', async () => {
    const h = createHistoryApp(await database.open());
    expect((await h.send(await h.as('Jonas Becker', 'viewer'), BODY)).status).toBe(403);
    expect(await h.rows()).toEqual([]);
  });
});
