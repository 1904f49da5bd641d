// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserDetail } from '#contract';
import { SEED_COMPANY_ID, SEED_EVENT_IDS } from '../seed/seed-ids.ts';
import {
  createHarness,
  listAllTravelers,
  type Envelope,
  type Harness,
  type ListedTraveler,
} from '../testing/harness.ts';
import { fold } from '../text.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});

interface TravelersBody {
  travelerEventInfos: {
    userId: { id: string };
    eventUserRsvp: { userId: { id: string }; eventRsvpState: string; invitedAt?: { iso8601: string } };
  }[];
  paginationParams: { totalNumResults: number };
}

async function travelers(eventId: string, body: unknown): Promise<TravelersBody> {
  const response = await harness.call('POST', `/v2/events/${eventId}/travelers-list`, body);
  expect(response.status).toBe(200);
  return (await response.json()) as TravelersBody;
}

const search = (searchTerm: string) => ({ type: 'TRAVELER_SEARCH_FILTER', searchTerm });
const states = (...rsvpStates: string[]) => ({ type: 'INVITATION_STATUS_FILTER', rsvpStates });

async function usersById(ids: string[]): Promise<Map<string, UserDetail>> {
  const response = await harness.call('POST', '/v3/users/list', {
    companyId: { id: SEED_COMPANY_ID },
    pagination: { offset: 0, limit: 100 },
    filters: [{ userIds: ids.map((id) => ({ id })) }],
  });
  const body = (await response.json()) as { users: UserDetail[] };
  return new Map(body.users.map((user) => [user.userId.id, user]));
}

const fullName = (user: UserDetail) =>
  `${user.personalDetail!.name!.given} ${user.personalDetail!.name!.family1}`;

describe('POST /v2/events/{eventId}/travelers-list', () => {
  it('lists 10 travelers by default, each with its RSVP, and the total without removed travelers', async () => {
    const body = await travelers(SEED_EVENT_IDS.largeSummit, {});
    expect(body.travelerEventInfos).toHaveLength(10);
    expect(body.paginationParams.totalNumResults).toBe(9950);
    for (const info of body.travelerEventInfos) {
      expect(info.eventUserRsvp.userId).toEqual(info.userId);
      expect(info.eventUserRsvp.eventRsvpState).not.toBe('REMOVED');
      if (info.eventUserRsvp.eventRsvpState === 'ADDED') expect(info.eventUserRsvp.invitedAt).toBeUndefined();
      else expect(info.eventUserRsvp.invitedAt?.iso8601).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  it('accepts limit 0 (just the count) up to 100, and refuses 101 naming the field', async () => {
    const none = await travelers(SEED_EVENT_IDS.kickoff, { limit: 0 });
    expect(none.travelerEventInfos).toEqual([]);
    expect(none.paginationParams.totalNumResults).toBe(23);
    expect((await travelers(SEED_EVENT_IDS.largeSummit, { limit: 100 })).travelerEventInfos).toHaveLength(
      100,
    );

    const response = await harness.call('POST', `/v2/events/${SEED_EVENT_IDS.kickoff}/travelers-list`, {
      limit: 101,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Envelope).errorMessages[0]?.errorParameters).toEqual([
      { name: 'limit', value: '101' },
    ]);
  });

  it('orders travelers by name (case and accents aside), then by id, stably across pages', async () => {
    const all = await travelers(SEED_EVENT_IDS.kickoff, { limit: 100 });
    const paged: string[] = [];
    for (let offset = 0; offset < 23; offset += 5) {
      paged.push(
        ...(await travelers(SEED_EVENT_IDS.kickoff, { offset, limit: 5 })).travelerEventInfos.map(
          (i) => i.userId.id,
        ),
      );
    }
    const ids = all.travelerEventInfos.map((info) => info.userId.id);
    expect(paged).toEqual(ids);

    const users = await usersById(ids);
    const keys = ids.map((id) => [fold(fullName(users.get(id)!)), id] as const);
    const sorted = [...keys].sort(([a, idA], [b, idB]) => (a < b ? -1 : a > b ? 1 : idA < idB ? -1 : 1));
    expect(keys).toEqual(sorted);
  });

  it('finds a traveler by given name, family name, full name or e-mail, ignoring case and accents', async () => {
    const [first] = (await travelers(SEED_EVENT_IDS.kickoff, { limit: 1 })).travelerEventInfos;
    const user = (await usersById([first!.userId.id])).get(first!.userId.id)!;
    const { given, family1 } = user.personalDetail!.name!;
    const email = user.businessDetail!.businessEmail!;
    for (const term of [
      given.toUpperCase(),
      family1.toLowerCase(),
      `  ${given}   ${family1} `,
      `${family1} ${given}`,
      email.split('@')[0]!,
      email.toUpperCase(),
    ]) {
      const found = await travelers(SEED_EVENT_IDS.kickoff, { limit: 100, filters: [search(term)] });
      expect(
        found.travelerEventInfos.map((info) => info.userId.id),
        term,
      ).toContain(user.userId.id);
    }
    const nobody = await travelers(SEED_EVENT_IDS.kickoff, { filters: [search('zzzz-nobody')] });
    expect(nobody.paginationParams.totalNumResults).toBe(0);
  });

  it('matches only travelers whose name or e-mail holds the term, with or without accents', async () => {
    const plain = await travelers(SEED_EVENT_IDS.largeSummit, { limit: 100, filters: [search('NGUYEN')] });
    const accented = await travelers(SEED_EVENT_IDS.largeSummit, { limit: 100, filters: [search('Nguyễn')] });
    expect(plain.paginationParams.totalNumResults).toBeGreaterThan(10);
    expect(accented.paginationParams.totalNumResults).toBe(plain.paginationParams.totalNumResults);
    const users = await usersById(plain.travelerEventInfos.map((info) => info.userId.id));
    for (const user of users.values()) {
      const text = fold(`${fullName(user)} ${user.businessDetail!.businessEmail}`);
      expect(text).toContain('nguyen');
    }
  });

  it('reports the same total for a search on every page, past the end and with limit 0', async () => {
    const body = (offset: number, limit: number) => ({ offset, limit, filters: [search('a')] });
    const total = (await travelers(SEED_EVENT_IDS.largeSummit, body(0, 100))).paginationParams
      .totalNumResults;
    expect(total).toBeGreaterThan(1000);
    for (const [offset, limit] of [
      [0, 0],
      [100, 100],
      [total - 5, 100],
      [total, 100],
      [total + 500, 10],
    ]) {
      const page = await travelers(SEED_EVENT_IDS.largeSummit, body(offset!, limit!));
      expect(page.paginationParams.totalNumResults, `offset ${offset} limit ${limit}`).toBe(total);
      expect(page.travelerEventInfos).toHaveLength(Math.max(0, Math.min(limit!, total - offset!)));
    }
  });

  it('filters by RSVP state, and lists removed travelers only when asked for them', async () => {
    const count = async (...filters: unknown[]) =>
      (await travelers(SEED_EVENT_IDS.largeSummit, { limit: 0, filters })).paginationParams.totalNumResults;
    expect(await count(states('INVITED'))).toBe(900);
    expect(await count(states('INVITE_ACCEPTED', 'INVITE_DECLINED'))).toBe(600);
    expect(await count(states('REMOVED'))).toBe(50);
    expect(await count(states('ADDED', 'REMOVED'))).toBe(8500);
    expect(await count(states())).toBe(9950);
    expect(await count()).toBe(9950);

    const removed = await listAllTravelers(harness, SEED_EVENT_IDS.largeSummit, [states('REMOVED')]);
    expect(removed.every((t: ListedTraveler) => t.state === 'REMOVED')).toBe(true);
    const listed = new Set((await listAllTravelers(harness, SEED_EVENT_IDS.largeSummit)).map((t) => t.id));
    expect(removed.some((t) => listed.has(t.id))).toBe(false);
  });

  it('combines a search with a state filter', async () => {
    const invited = await listAllTravelers(harness, SEED_EVENT_IDS.largeSummit, [states('INVITED')]);
    const users = await usersById(invited.slice(0, 1).map((t) => t.id));
    const family = users.get(invited[0]!.id)!.personalDetail!.name!.family1;
    const both = await travelers(SEED_EVENT_IDS.largeSummit, {
      limit: 100,
      filters: [search(family), states('INVITED')],
    });
    expect(both.travelerEventInfos.map((i) => i.userId.id)).toContain(invited[0]!.id);
    expect(both.travelerEventInfos.every((i) => i.eventUserRsvp.eventRsvpState === 'INVITED')).toBe(true);
  });

  it('refuses an unknown filter type and a wrong event type, each naming its field', async () => {
    const badFilter = await harness.call('POST', `/v2/events/${SEED_EVENT_IDS.kickoff}/travelers-list`, {
      filters: [states('INVITED'), { type: 'NAME_FILTER' }, states('MAYBE')],
    });
    expect(badFilter.status).toBe(400);
    expect(
      ((await badFilter.json()) as Envelope).errorMessages.map((m) => m.errorParameters[0]?.name),
    ).toEqual(['filters[1].type', 'filters[2].rsvpStates[0]']);

    const wrongType = await harness.call('POST', `/v2/events/${SEED_EVENT_IDS.kickoff}/travelers-list`, {
      type: 'PROGRAM',
    });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as Envelope).errorMessages[0]).toMatchObject({
      errorCode: 'EVENT_TYPE_MISMATCH',
      errorParameters: [{ name: 'type', value: 'PROGRAM' }],
    });
  });

  it('answers 403 for another company’s event and 404 for an unknown one', async () => {
    const path = (id: string) => `/v2/events/${id}/travelers-list`;
    expect((await harness.call('POST', path(SEED_EVENT_IDS.otherCompany), {})).status).toBe(403);
    expect((await harness.call('POST', path('e0000000-0000-4000-8000-0000000000ff'), {})).status).toBe(404);
  });
});
