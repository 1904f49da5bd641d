// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SEED_API_CLIENT_EMAIL, SEED_API_CLIENT_USER_ID, SEED_EVENT_IDS } from '../seed/seed-ids.ts';
import {
  createHarness,
  listAllTravelers,
  type Envelope,
  type Harness,
  type ListedTraveler,
} from '../testing/harness.ts';

const NOW = new Date('2026-11-26T12:34:56.789Z');
const NOW_ISO = '2026-11-26T12:34:56Z';
const kickoff = SEED_EVENT_IDS.kickoff;
const sendPath = (eventId: string) => `/v2/events/${eventId}/invite/send`;
const ids = (...travelers: ListedTraveler[]) => travelers.map((t) => ({ id: t.id }));

async function setup() {
  const harness = await createHarness({ now: () => NOW });
  const before = await listAllTravelers(harness, kickoff);
  const inState = (state: string) => before.filter((t) => t.state === state);
  return { harness, before, inState };
}

const outboxCount = (harness: Harness, kind = 'INVITE') =>
  harness.db.prepare('SELECT count(*) FROM outbox WHERE kind = ?').pluck().get(kind) as number;

async function errorsOf(response: Response) {
  expect(response.status).toBe(400);
  const body = (await response.json()) as Envelope;
  expect(body.debugIdentifier).toEqual(expect.any(String));
  return body.errorMessages.map((m) => ({ errorCode: m.errorCode, params: m.errorParameters }));
}

describe('POST /v2/events/{eventId}/invite/send', () => {
  it('invites the chosen travelers: ADDED become INVITED now, INVITED get a fresh invitedAt, e-mails reach the outbox', async () => {
    const { harness, before, inState } = await setup();
    const [added1, added2] = inState('ADDED');
    const [invited] = inState('INVITED');
    const response = await harness.call('POST', sendPath(kickoff), {
      type: 'GENERIC',
      userIds: ids(added1!, added2!, invited!),
    });

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const after = new Map((await listAllTravelers(harness, kickoff)).map((t) => [t.id, t]));
    for (const t of [added1!, added2!, invited!])
      expect(after.get(t.id)).toEqual({ id: t.id, state: 'INVITED', invitedAt: NOW_ISO });
    // Nobody else changed.
    const chosen = new Set([added1!.id, added2!.id, invited!.id]);
    for (const t of before.filter((t) => !chosen.has(t.id))) expect(after.get(t.id)).toEqual(t);
    const outbox = harness.db
      .prepare(`SELECT user_id, email, kind, created_at FROM outbox ORDER BY user_id`)
      .all();
    expect(outbox).toHaveLength(3);
    expect(outbox).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          user_id: added1!.id,
          kind: 'INVITE',
          created_at: NOW_ISO,
          email: expect.stringMatching(/@acme\.example$/),
        }),
      ]),
    );
  });

  it('invites every traveler not removed when userIds is left out; accepted and declined keep their state', async () => {
    const { harness, before } = await setup();
    const response = await harness.call('POST', sendPath(kickoff), {});
    expect(response.status).toBe(200);

    const after = new Map(
      (
        await listAllTravelers(harness, kickoff, [
          {
            type: 'INVITATION_STATUS_FILTER',
            rsvpStates: ['ADDED', 'INVITED', 'INVITE_ACCEPTED', 'INVITE_DECLINED', 'REMOVED'],
          },
        ])
      ).map((t) => [t.id, t]),
    );
    for (const t of before) {
      if (t.state === 'ADDED' || t.state === 'INVITED')
        expect(after.get(t.id)).toEqual({ id: t.id, state: 'INVITED', invitedAt: NOW_ISO });
      else expect(after.get(t.id)).toEqual(t);
    }
    expect(outboxCount(harness)).toBe(10 + 7);
    const removed = [...after.values()].filter((t) => t.state === 'REMOVED');
    expect(removed).toHaveLength(2);
    expect(removed.every((t) => t.invitedAt !== NOW_ISO)).toBe(true);
  });

  it('sends to all 10,000 travelers of the summit in one go', async () => {
    const harness = await createHarness({ now: () => NOW });
    const response = await harness.call('POST', sendPath(SEED_EVENT_IDS.largeSummit), {});
    expect(response.status).toBe(200);
    expect(outboxCount(harness)).toBe(8450 + 900);
    const invited = await harness.call('POST', `/v2/events/${SEED_EVENT_IDS.largeSummit}/travelers-list`, {
      limit: 0,
      filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: ['INVITED'] }],
    });
    const body = (await invited.json()) as { paginationParams: { totalNumResults: number } };
    expect(body.paginationParams.totalNumResults).toBe(9350);
  });

  it('changes nothing when one id among good ones is bad, and names that one', async () => {
    const { harness, before, inState } = await setup();
    const [a, b] = inState('ADDED');
    const response = await harness.call('POST', sendPath(kickoff), {
      userIds: [...ids(a!, b!), { id: '0d9d7e2c-1b8a-4c3e-9f5a-2e7b6c1d0a99' }],
    });
    expect(await errorsOf(response)).toEqual([
      {
        errorCode: 'TRAVELER_NOT_IN_EVENT',
        params: [{ name: 'userIds[2].id', value: '0d9d7e2c-1b8a-4c3e-9f5a-2e7b6c1d0a99' }],
      },
    ]);
    expect(await listAllTravelers(harness, kickoff)).toEqual(before);
    expect(outboxCount(harness)).toBe(0);
  });

  it('reports every problem of a request at once, each against its own field', async () => {
    const { harness, inState } = await setup();
    const removed = await listAllTravelers(harness, kickoff, [
      { type: 'INVITATION_STATUS_FILTER', rsvpStates: ['REMOVED'] },
    ]);
    const [good] = inState('ADDED');
    const otherEventTraveler = (await listAllTravelers(harness, SEED_EVENT_IDS.draft))[0]!;
    const response = await harness.call('POST', sendPath(kickoff), {
      type: 'PROGRAM_TRIP',
      userIds: [
        { id: good!.id },
        { id: 'not-a-uuid' },
        { id: otherEventTraveler.id },
        { id: removed[0]!.id },
      ],
    });
    expect(await errorsOf(response)).toEqual([
      { errorCode: 'EVENT_TYPE_MISMATCH', params: [{ name: 'type', value: 'PROGRAM_TRIP' }] },
      { errorCode: 'INVALID_USER_ID', params: [{ name: 'userIds[1].id', value: 'not-a-uuid' }] },
      {
        errorCode: 'TRAVELER_NOT_IN_EVENT',
        params: [{ name: 'userIds[2].id', value: otherEventTraveler.id }],
      },
      { errorCode: 'TRAVELER_REMOVED', params: [{ name: 'userIds[3].id', value: removed[0]!.id }] },
    ]);
    expect(outboxCount(harness)).toBe(0);
  });

  it('refuses drafts and cancelled events against eventId, and an empty userIds against userIds', async () => {
    const harness = await createHarness({ now: () => NOW });
    const draftTraveler = (await listAllTravelers(harness, SEED_EVENT_IDS.draft))[0]!;
    expect(
      await errorsOf(
        await harness.call('POST', sendPath(SEED_EVENT_IDS.draft), { userIds: [{ id: draftTraveler.id }] }),
      ),
    ).toEqual([
      { errorCode: 'EVENT_NOT_PUBLISHED', params: [{ name: 'eventId', value: SEED_EVENT_IDS.draft }] },
    ]);
    expect(await errorsOf(await harness.call('POST', sendPath(SEED_EVENT_IDS.cancelled), {}))).toEqual([
      { errorCode: 'EVENT_CANCELLED', params: [{ name: 'eventId', value: SEED_EVENT_IDS.cancelled }] },
    ]);
    expect(await errorsOf(await harness.call('POST', sendPath(kickoff), { userIds: [] }))).toEqual([
      { errorCode: 'NO_TRAVELERS_SELECTED', params: [{ name: 'userIds', value: '[]' }] },
    ]);
    expect(outboxCount(harness)).toBe(0);
  });

  it('answers a body that breaks the schema with the JSON path of each problem', async () => {
    const harness = await createHarness();
    expect(
      await errorsOf(
        await harness.call('POST', sendPath(kickoff), { type: 'PARTY', userIds: [{ id: 7 }, {}] }),
      ),
    ).toEqual([
      { errorCode: 'INVALID_VALUE', params: [{ name: 'type', value: 'PARTY' }] },
      { errorCode: 'INVALID_TYPE', params: [{ name: 'userIds[0].id', value: '7' }] },
      { errorCode: 'INVALID_TYPE', params: [{ name: 'userIds[1].id' }] },
    ]);
    expect((await harness.raw(sendPath(kickoff), '{"userIds": [')).status).toBe(400);
  });

  it('answers 403 for another company’s event and 404 for an unknown one', async () => {
    const harness = await createHarness();
    expect((await harness.call('POST', sendPath(SEED_EVENT_IDS.otherCompany), {})).status).toBe(403);
    expect((await harness.call('POST', sendPath('e0000000-0000-4000-8000-0000000000ff'), {})).status).toBe(
      404,
    );
    expect(outboxCount(harness)).toBe(0);
  });
});

describe('POST /v2/events/{eventId}/invite/test', () => {
  it('sends one test e-mail to the API client’s own user, changing no traveler', async () => {
    const { harness, before } = await setup();
    const response = await harness.call('POST', `/v2/events/${kickoff}/invite/test`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(harness.db.prepare('SELECT event_id, user_id, email, kind, created_at FROM outbox').all()).toEqual(
      [
        {
          event_id: kickoff,
          user_id: SEED_API_CLIENT_USER_ID,
          email: SEED_API_CLIENT_EMAIL,
          kind: 'TEST',
          created_at: NOW_ISO,
        },
      ],
    );
    expect(await listAllTravelers(harness, kickoff)).toEqual(before);
  });

  it('previews a draft, refuses a cancelled event, and guards other companies’ events', async () => {
    const harness = await createHarness();
    expect((await harness.call('POST', `/v2/events/${SEED_EVENT_IDS.draft}/invite/test`)).status).toBe(200);
    expect(
      await errorsOf(await harness.call('POST', `/v2/events/${SEED_EVENT_IDS.cancelled}/invite/test`)),
    ).toEqual([
      { errorCode: 'EVENT_CANCELLED', params: [{ name: 'eventId', value: SEED_EVENT_IDS.cancelled }] },
    ]);
    expect((await harness.call('POST', `/v2/events/${SEED_EVENT_IDS.otherCompany}/invite/test`)).status).toBe(
      403,
    );
    expect(
      (await harness.call('POST', `/v2/events/e0000000-0000-4000-8000-0000000000ff/invite/test`)).status,
    ).toBe(404);
    expect(outboxCount(harness, 'TEST')).toBe(1);
  });
});

describe('POST /v2/events/{eventId}/travelers/remove', () => {
  const removePath = `/v2/events/${kickoff}/travelers/remove`;

  it('removes travelers: they leave the list and the count, and a later send to them names them', async () => {
    const { harness, inState } = await setup();
    const [a, b] = inState('INVITED');
    const response = await harness.call('POST', removePath, { userIds: ids(a!, b!) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ removedUserIds: ids(a!, b!) });

    const listed = (await listAllTravelers(harness, kickoff)).map((t) => t.id);
    expect(listed).not.toContain(a!.id);
    expect(listed).toHaveLength(21);
    const event = (await (await harness.call('GET', `/v2/events/${kickoff}`)).json()) as {
      event: { numTravelers: number };
    };
    expect(event.event.numTravelers).toBe(21);
    const removed = await listAllTravelers(harness, kickoff, [
      { type: 'INVITATION_STATUS_FILTER', rsvpStates: ['REMOVED'] },
    ]);
    expect(removed.map((t) => t.id)).toEqual(expect.arrayContaining([a!.id, b!.id]));

    expect(
      await errorsOf(
        await harness.call('POST', sendPath(kickoff), { userIds: ids(inState('ADDED')[0]!, a!) }),
      ),
    ).toEqual([{ errorCode: 'TRAVELER_REMOVED', params: [{ name: 'userIds[1].id', value: a!.id }] }]);
  });

  it('takes 1 to 10 ids, and removes nobody when one id is not a traveler', async () => {
    const { harness, before } = await setup();
    expect(await errorsOf(await harness.call('POST', removePath, { userIds: [] }))).toEqual([
      { errorCode: 'TOO_SMALL', params: [{ name: 'userIds', value: '[]' }] },
    ]);
    const eleven = before.slice(0, 11);
    expect(
      (await errorsOf(await harness.call('POST', removePath, { userIds: ids(...eleven) })))[0],
    ).toMatchObject({
      errorCode: 'TOO_BIG',
      params: [{ name: 'userIds' }],
    });
    expect(
      await errorsOf(
        await harness.call('POST', removePath, { userIds: [...ids(before[0]!), { id: 'nope' }] }),
      ),
    ).toEqual([{ errorCode: 'INVALID_USER_ID', params: [{ name: 'userIds[1].id', value: 'nope' }] }]);
    expect((await harness.call('POST', removePath)).status).toBe(400);
    expect(await listAllTravelers(harness, kickoff)).toEqual(before);
  });
});
