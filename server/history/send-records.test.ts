// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { SignedInPerson } from '../auth/session-store.ts';
import { testDialects, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createSendRecords, type BeginSend } from './send-records.ts';

const MARCUS: SignedInPerson = {
  subject: 'sub-m',
  name: 'Marcus Webb',
  email: 'm@acme.example',
  role: 'sender',
};
const SOFIA: SignedInPerson = {
  subject: 'sub-s',
  name: 'Sofía Álvarez',
  email: 's@acme.example',
  role: 'sender',
};
const STALE_MS = 60_000;

function send(overrides: Partial<BeginSend> = {}): BeginSend {
  return {
    request: { eventId: 'ev-1', action: 'send', eventType: 'MEETING', userIds: ['u-1', 'u-2'] },
    person: MARCUS,
    instance: 'test:1',
    idempotencyKey: crypto.randomUUID(),
    ...overrides,
  };
}

describe.each(testDialects)('the send records on $name', (dialect) => {
  const database = useTestDatabase(dialect);
  const open = async (now: () => number = Date.now) =>
    createSendRecords(await database.open(), { staleInFlightMs: STALE_MS, now });

  it('begins a pending record, and completes it once with the whole answer', async () => {
    const records = await open(() => 1_000);
    const started = await records.begin(send());
    expect(started.kind).toBe('started');
    expect(started.record).toMatchObject({
      status: 'pending',
      createdAt: 1_000,
      scope: 'list',
      travelerCount: 2,
      travelerIds: ['u-1', 'u-2'],
      person: { name: 'Marcus Webb' },
    });
    const body = {
      debugIdentifier: 'dbg-1',
      errorMessages: [
        {
          errorCode: 'A',
          message: 'a',
          errorParameters: [{ name: 'userIds[0]', value: 'u-1' }],
          errorDetail: 'd',
        },
        { errorCode: 'B', message: 'b', errorParameters: [] },
      ],
    };
    await records.complete(started.record.id, { status: 'refused', httpStatus: 400, body });
    await records.complete(started.record.id, { status: 'accepted', httpStatus: 200, body: null });
    expect(await records.get(started.record.id)).toMatchObject({
      status: 'refused',
      httpStatus: 400,
      outcome: { body },
      completedAt: 1_000,
    });
    // What the lists show, stored with the answer: they never parse the outcome.
    const { db } = await database.open();
    expect(
      await db
        .selectFrom('send_records')
        .select(['error_count', 'first_error_message'])
        .where('id', '=', started.record.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ error_count: 2, first_error_message: 'a' });
  });

  it('fills the event facts learned while the send was out, only where the record says null', async () => {
    const records = await open();
    const all = { ...send().request, userIds: undefined };
    const unknown = await records.begin(send({ request: all }));
    const late = { eventName: 'Partner Summit', eventTravelerCount: 40 };
    await records.complete(unknown.record.id, { status: 'accepted', httpStatus: 200, body: null }, late);
    expect(await records.get(unknown.record.id)).toMatchObject({
      status: 'accepted',
      eventName: 'Partner Summit',
      travelerCount: 40,
    });

    const named = await records.begin(
      send({ request: { ...all, eventType: 'OTHER' }, eventName: 'Old name', eventTravelerCount: 12 }),
    );
    await records.complete(named.record.id, { status: 'accepted', httpStatus: 200, body: null }, late);
    expect(await records.get(named.record.id)).toMatchObject({ eventName: 'Old name', travelerCount: 12 });

    // A completed record is left as it is, its nulls too.
    const list = await records.begin(send());
    await records.complete(list.record.id, { status: 'accepted', httpStatus: 200, body: null });
    await records.complete(list.record.id, { status: 'refused', httpStatus: 400, body: null }, late);
    expect(await records.get(list.record.id)).toMatchObject({ status: 'accepted', eventName: null });
  });

  it('records a failure with its kind, and frees the fingerprint', async () => {
    const records = await open();
    const first = await records.begin(send());
    await records.complete(first.record.id, {
      status: 'failed',
      httpStatus: 504,
      failure: 'timeout',
      body: {},
    });
    expect((await records.get(first.record.id))?.outcome).toEqual({ failure: 'timeout', body: {} });
    expect((await records.begin(send())).kind).toBe('started');
  });

  it('answers a reused key with the first record, and an identical send in flight with its record', async () => {
    const records = await open();
    const first = await records.begin(send({ idempotencyKey: 'key-1' }));
    expect(await records.begin(send({ idempotencyKey: 'key-1', person: SOFIA }))).toEqual({
      kind: 'duplicate-key',
      record: first.record,
    });
    const identical = await records.begin(send({ person: SOFIA }));
    expect(identical).toMatchObject({ kind: 'in-flight', record: { id: first.record.id } });
    // The same travelers in another order, or repeated, are the same send.
    const reordered = send({ request: { ...send().request, userIds: ['u-2', 'u-1'] } });
    expect((await records.begin(reordered)).kind).toBe('in-flight');
    expect((await records.begin(send({ request: { ...send().request, eventType: 'OTHER' } }))).kind).toBe(
      'started',
    );
  });

  it('lets a dead server’s in-flight row go once it is stale; its record stays pending', async () => {
    let at = 10_000;
    const records = await open(() => at);
    const dead = await records.begin(send());
    at += STALE_MS - 1;
    expect((await records.begin(send())).kind).toBe('in-flight');
    at += 1;
    expect((await records.begin(send())).kind).toBe('started');
    expect((await records.get(dead.record.id))?.status).toBe('pending');
  });

  it('starts one of many identical sends begun at once', async () => {
    // Two instances on PostgreSQL; SQLite is one instance (two connections in one process would block each other).
    const instances = dialect.name === 'postgres' ? [await open(), await open()] : [await open()];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => instances[i % instances.length]!.begin(send())),
    );
    expect(results.filter((r) => r.kind === 'started')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'in-flight')).toHaveLength(9);
  });

  it('purges each old record once, run twice or concurrently', async () => {
    let at = 1_000;
    const records = await open(() => at);
    for (let i = 0; i < 6; i += 1) {
      at = 1_000 + i * 1_000;
      await records.begin(send({ request: { ...send().request, userIds: [`u-${i}`] } }));
    }
    const other = dialect.name === 'postgres' ? await open() : records;
    const counts = await Promise.all([records.purgeOlderThan(4_000), other.purgeOlderThan(4_000)]);
    expect(counts[0] + counts[1]).toBe(3);
    expect(await records.purgeOlderThan(4_000)).toBe(0);
    expect(await records.purgeOlderThan(100_000)).toBe(3);
  });
});
