// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { Event, EventStatus, EventType } from '#contract';
import {
  SEED_COMPANY_ID,
  SEED_EVENT_IDS,
  SEED_TRAVELER_STATES,
  type SeedEventKey,
} from '../seed/seed-ids.ts';
import { createHarness, type Envelope, type Harness } from '../testing/harness.ts';
import { localDayAt, localToInstant } from '../time.ts';

interface ListBody {
  events: Event[];
  paginationParams: { totalNumResults: number };
}

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});

async function list(body: unknown, on: Harness = harness): Promise<ListBody> {
  const response = await on.call('POST', '/v2/events/list', body);
  expect(response.status).toBe(200);
  return (await response.json()) as ListBody;
}

const ids = (body: ListBody) => body.events.map((event) => event.id);
const names = (body: ListBody) => body.events.map((event) => event.name);
const seeded = (...keys: SeedEventKey[]) => keys.map((key) => SEED_EVENT_IDS[key]);
const notRemoved = (key: keyof typeof SEED_TRAVELER_STATES) => {
  const { REMOVED: _removed, ...rest } = SEED_TRAVELER_STATES[key] as Record<string, number>;
  return Object.values(rest).reduce((a, b) => a + b, 0);
};

describe('POST /v2/events/list', () => {
  it('lists the upcoming events of the caller’s company, running and draft ones included, soonest first', async () => {
    const body = await list({ listEventType: 'UPCOMING', limit: 100 });
    expect(new Set(ids(body))).toEqual(
      new Set([
        SEED_EVENT_IDS.largeSummit,
        SEED_EVENT_IDS.kickoff,
        SEED_EVENT_IDS.program,
        SEED_EVENT_IDS.programSession1,
        SEED_EVENT_IDS.programSession2,
        SEED_EVENT_IDS.programSession3,
        SEED_EVENT_IDS.programTrip,
        SEED_EVENT_IDS.draft,
        SEED_EVENT_IDS.inProgress,
        SEED_EVENT_IDS.noCompanyId,
      ]),
    );
    expect(body.paginationParams.totalNumResults).toBe(10);
    expect(body.events[0]?.id).toBe(SEED_EVENT_IDS.inProgress);
    expect(body.events[0]?.runningStatus).toBe('IN_PROGRESS');
    expect(body.events[1]?.id).toBe(SEED_EVENT_IDS.kickoff);
    const withCompany = body.events.filter((event) => event.id !== SEED_EVENT_IDS.noCompanyId);
    expect(withCompany.every((event) => event.companyId?.id === SEED_COMPANY_ID)).toBe(true);
    expect(body.events.find((event) => event.id === SEED_EVENT_IDS.noCompanyId)).not.toHaveProperty(
      'companyId',
    );
  });

  it('defaults to upcoming, 10 a page', async () => {
    const body = await list({});
    expect(body.events).toHaveLength(10);
    expect(body.paginationParams.totalNumResults).toBe(10);
  });

  it('lists past and cancelled events under their own tabs', async () => {
    const past = await list({ listEventType: 'PAST_OR_COMPLETED' });
    expect(ids(past)).toEqual([SEED_EVENT_IDS.pastSummit, SEED_EVENT_IDS.pastTrip]);
    expect(past.events.every((event) => event.runningStatus === 'COMPLETED')).toBe(true);
    const cancelled = await list({ listEventType: 'CANCELLED_EVENT' });
    expect(ids(cancelled)).toEqual([SEED_EVENT_IDS.cancelled]);
    expect(cancelled.events[0]?.status).toBe('CANCELLED');
  });

  it('covers every event type and status, and never shows another company’s event', async () => {
    const all = [
      ...(await list({ listEventType: 'UPCOMING', limit: 100 })).events,
      ...(await list({ listEventType: 'PAST_OR_COMPLETED', limit: 100 })).events,
      ...(await list({ listEventType: 'CANCELLED_EVENT', limit: 100 })).events,
    ];
    expect(new Set(all.map((event) => event.type))).toEqual(
      new Set<EventType>(['GENERIC', 'PROGRAM', 'PROGRAM_SESSION', 'PROGRAM_TRIP']),
    );
    expect(new Set(all.map((event) => event.status))).toEqual(
      new Set<EventStatus>(['DRAFT', 'PUBLISH', 'CANCELLED']),
    );
    expect(all.map((event) => event.id)).not.toContain(SEED_EVENT_IDS.otherCompany);
  });

  it('pages with offset and limit and reports the total', async () => {
    const first = await list({ listEventType: 'UPCOMING', offset: 0, limit: 4 });
    const second = await list({ listEventType: 'UPCOMING', offset: 4, limit: 4 });
    const third = await list({ listEventType: 'UPCOMING', offset: 8, limit: 4 });
    expect([first, second, third].map((page) => page.events.length)).toEqual([4, 4, 2]);
    expect(new Set([...ids(first), ...ids(second), ...ids(third)]).size).toBe(10);
    expect(third.paginationParams.totalNumResults).toBe(10);
  });

  it('answers a body that breaks the schema with one entry per problem, named by JSON path', async () => {
    const response = await harness.call('POST', '/v2/events/list', {
      listEventType: 'SOON',
      limit: 500,
      offset: 'x',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Envelope;
    expect(body.errorMessages.map((m) => m.errorParameters)).toEqual([
      [{ name: 'listEventType', value: 'SOON' }],
      [{ name: 'offset', value: 'x' }],
      [{ name: 'limit', value: '500' }],
    ]);
  });

  it('answers malformed JSON with 400 in the envelope', async () => {
    const response = await harness.raw('/v2/events/list', '{"listEventType": ');
    expect(response.status).toBe(400);
    const body = (await response.json()) as Envelope;
    expect(body.errorMessages).toEqual([
      expect.objectContaining({
        errorCode: 'MALFORMED_JSON',
        errorParameters: [],
        errorDetail: expect.any(String),
      }),
    ]);
  });
});

/** Adds an upcoming GENERIC event of the caller's company to `on`'s database; it is the last one inserted. */
function addEvent(on: Harness, id: string, name: string, startInDays = 10): void {
  const start = localDayAt(new Date(), startInDays, 9);
  const end = localDayAt(new Date(), startInDays, 17);
  on.db
    .prepare(
      `INSERT INTO events (id, company_id, name, description, type, status, start_local, end_local, start_at, end_at, location)
       VALUES (?, ?, ?, '', 'GENERIC', 'PUBLISH', ?, ?, ?, ?, '{}')`,
    )
    .run(
      id,
      SEED_COMPANY_ID,
      name,
      start,
      end,
      localToInstant(start, 'UTC').getTime(),
      localToInstant(end, 'UTC').getTime(),
    );
}

const addedId = (n: number) => `e1000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const SESSIONS = seeded('programSession1', 'programSession2', 'programSession3');

describe('POST /v2/events/list: filters', () => {
  it('filters by a part of the name, ignoring case and the spaces around it; a blank name filters nothing', async () => {
    const body = await list({ filters: [{ eventNameFilter: '  leadership PROGRAM ' }] });
    expect(ids(body)).toEqual(SESSIONS);
    expect(body.paginationParams.totalNumResults).toBe(3);
    for (const blank of ['', '   ']) {
      const all = await list({ filters: [{ eventNameFilter: blank }], limit: 100 });
      expect(all.paginationParams.totalNumResults).toBe(10);
    }
  });

  it('finds %, _ and \\ in a name literally, letters whatever their accents', async () => {
    const own = await createHarness();
    addEvent(own, addedId(1), 'Early-bird 50% off');
    addEvent(own, addedId(2), 'Early-bird 500 guests');
    addEvent(own, addedId(3), 'Team_Offsite');
    addEvent(own, addedId(4), 'Team-Offsite');
    addEvent(own, addedId(5), 'Back\\Office Day');
    addEvent(own, addedId(6), 'Offsite in São Paulo');
    const search = async (name: string) => names(await list({ filters: [{ eventNameFilter: name }] }, own));
    expect(await search('50%')).toEqual(['Early-bird 50% off']);
    expect(await search('team_')).toEqual(['Team_Offsite']);
    expect(await search('k\\o')).toEqual(['Back\\Office Day']);
    expect(await search('%')).toEqual(['Early-bird 50% off']);
    expect(await search('SAO PAULO')).toEqual(['Offsite in São Paulo']);
    expect(await search(`  ${'x'.repeat(200)}  `)).toEqual([]);
  });

  it('filters by type, within the tab; an empty or absent list of types filters nothing', async () => {
    expect(ids(await list({ filters: [{ eventTypeFilter: { types: ['PROGRAM_SESSION'] } }] }))).toEqual(
      SESSIONS,
    );
    const two = await list({ filters: [{ eventTypeFilter: { types: ['PROGRAM', 'PROGRAM_TRIP'] } }] });
    expect(ids(two)).toEqual(seeded('program', 'programTrip'));
    expect(two.paginationParams.totalNumResults).toBe(2);
    const past = await list({
      listEventType: 'PAST_OR_COMPLETED',
      filters: [{ eventTypeFilter: { types: ['PROGRAM_TRIP'] } }],
    });
    expect(ids(past)).toEqual(seeded('pastTrip'));
    for (const filter of [{ types: [] }, {}]) {
      const all = await list({ filters: [{ eventTypeFilter: filter }] });
      expect(all.paginationParams.totalNumResults).toBe(10);
    }
  });

  it('filters by parent: a program’s sessions, a session’s trip, nothing for an unknown or cancelled one', async () => {
    const sessions = await list({
      filters: [{ eventParentFilter: { parentEventId: SEED_EVENT_IDS.program } }],
    });
    expect(ids(sessions)).toEqual(SESSIONS);
    expect(sessions.paginationParams.totalNumResults).toBe(3);
    const trip = await list({
      filters: [{ eventParentFilter: { parentEventId: SEED_EVENT_IDS.programSession1 } }],
    });
    expect(ids(trip)).toEqual(seeded('programTrip'));
    const unknown = await list({
      filters: [{ eventParentFilter: { parentEventId: 'e0000000-0000-4000-8000-0000000000ff' } }],
    });
    expect(unknown).toEqual({ events: [], paginationParams: { totalNumResults: 0 } });
    const cancelled = await list({
      listEventType: 'CANCELLED_EVENT',
      filters: [{ eventParentFilter: { parentEventId: SEED_EVENT_IDS.program } }],
    });
    expect(cancelled.paginationParams.totalNumResults).toBe(0);
  });

  it('combines several filters with AND, and counts what they leave in the total across pages', async () => {
    const capstone = await list({
      filters: [
        { eventParentFilter: { parentEventId: SEED_EVENT_IDS.program } },
        { eventNameFilter: 'capstone' },
      ],
    });
    expect(ids(capstone)).toEqual(seeded('programSession3'));
    const summits = await list({
      filters: [{ eventTypeFilter: { types: ['GENERIC'] } }, { eventNameFilter: 'summit' }],
    });
    expect(ids(summits)).toEqual(seeded('largeSummit'));
    const bothTypeLists = await list({
      filters: [
        { eventTypeFilter: { types: ['PROGRAM', 'PROGRAM_SESSION'] } },
        { eventTypeFilter: { types: ['PROGRAM_SESSION', 'GENERIC'] } },
      ],
    });
    expect(ids(bothTypeLists)).toEqual(SESSIONS);
    const twoParents = await list({
      filters: [
        { eventParentFilter: { parentEventId: SEED_EVENT_IDS.program } },
        { eventParentFilter: { parentEventId: SEED_EVENT_IDS.programSession1 } },
      ],
    });
    expect(twoParents.paginationParams.totalNumResults).toBe(0);
    const twoNames = await list({
      filters: [{ eventNameFilter: 'leadership' }, { eventNameFilter: 'session' }],
    });
    expect(ids(twoNames)).toEqual(SESSIONS);

    const page = await list({ filters: [{ eventNameFilter: 'leadership' }], offset: 2, limit: 2 });
    expect(ids(page)).toEqual(seeded('programSession2', 'programSession3'));
    expect(page.paginationParams.totalNumResults).toBe(4);
  });

  it('accepts the description’s other filters and does not apply them', async () => {
    const body = await list({
      filters: [
        { eventDateRangeFilter: { eventDateRange: { min: { iso8601: '2000-01-01T00:00' } } } },
        { eventStatusFilter: { status: ['DRAFT'] } },
        { eventIdFilter: { eventIdList: [SEED_EVENT_IDS.kickoff] } },
      ],
    });
    expect(body.paginationParams.totalNumResults).toBe(10);
  });

  it('answers a known filter with a value of the wrong kind with 400, naming the field', async () => {
    const response = await harness.call('POST', '/v2/events/list', {
      filters: [
        { eventNameFilter: 'ok' },
        { eventTypeFilter: { types: ['MEETING'] } },
        { eventNameFilter: 5 },
      ],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Envelope;
    expect(body.errorMessages.map((m) => m.errorParameters)).toEqual([
      [{ name: 'filters[1].eventTypeFilter.types[0]', value: 'MEETING' }],
      [{ name: 'filters[2].eventNameFilter', value: '5' }],
    ]);
  });

  it('answers 400 to more than 20 filters, or a name longer than 200 characters, naming the field', async () => {
    const many = await harness.call('POST', '/v2/events/list', {
      filters: Array.from({ length: 21 }, () => ({ eventNameFilter: 'a' })),
    });
    expect(many.status).toBe(400);
    expect(((await many.json()) as Envelope).errorMessages.map((m) => m.errorParameters)).toEqual([
      [{ name: 'filters', value: '21' }],
    ]);

    const long = await harness.call('POST', '/v2/events/list', {
      filters: [{ eventNameFilter: 'ok' }, { eventNameFilter: 'x'.repeat(201) }],
    });
    expect(long.status).toBe(400);
    const entries = ((await long.json()) as Envelope).errorMessages;
    expect(entries.map((m) => m.errorParameters?.[0]?.name)).toEqual(['filters[1].eventNameFilter']);
  });
});

/** The upcoming events in ascending order of each field (START_DATE: the program and its first session tie). */
const UPCOMING_ORDERS: Record<'START_DATE' | 'END_DATE' | 'EVENT_NAME' | 'CREATION_DATE', SeedEventKey[]> = {
  START_DATE: [
    'inProgress',
    'kickoff',
    'program',
    'programSession1',
    'programTrip',
    'largeSummit',
    'programSession2',
    'draft',
    'programSession3',
    'noCompanyId',
  ],
  END_DATE: [
    'inProgress',
    'kickoff',
    'programSession1',
    'programTrip',
    'largeSummit',
    'programSession2',
    'draft',
    'programSession3',
    'program',
    'noCompanyId',
  ],
  EVENT_NAME: [
    'programTrip',
    'draft',
    'largeSummit',
    'inProgress',
    'program',
    'programSession1',
    'programSession2',
    'programSession3',
    'noCompanyId',
    'kickoff',
  ],
  // The order of the seed.
  CREATION_DATE: [
    'largeSummit',
    'kickoff',
    'program',
    'programSession1',
    'programSession2',
    'programSession3',
    'programTrip',
    'draft',
    'inProgress',
    'noCompanyId',
  ],
};

describe('POST /v2/events/list: sort options', () => {
  it.each(Object.entries(UPCOMING_ORDERS))(
    'sorts by %s, ascending and descending',
    async (field, ascending) => {
      const sorted = (sortOrder: string) =>
        list({ limit: 100, sortOptions: [{ sortField: field, sortOrder }] });
      expect(ids(await sorted('ASC'))).toEqual(seeded(...ascending));
      const descending = [...ascending].reverse();
      if (field === 'START_DATE') {
        // Ties stay in id order whichever the direction.
        descending.splice(6, 2, 'program', 'programSession1');
      }
      expect(ids(await sorted('DESC'))).toEqual(seeded(...descending));
    },
  );

  it('applies several options in order', async () => {
    const body = await list({
      limit: 3,
      offset: 2,
      sortOptions: [
        { sortField: 'START_DATE', sortOrder: 'ASC' },
        { sortField: 'EVENT_NAME', sortOrder: 'DESC' },
      ],
    });
    expect(ids(body)).toEqual(seeded('programSession1', 'program', 'programTrip'));
  });

  it('sorts names without regard to case, and events added later last by CREATION_DATE', async () => {
    const own = await createHarness();
    addEvent(own, '00000000-0000-4000-8000-000000000001', 'hackathon retro');
    const byName = names(
      await list({ limit: 100, sortOptions: [{ sortField: 'EVENT_NAME', sortOrder: 'ASC' }] }, own),
    );
    expect(byName.slice(2, 5)).toEqual(['Global Partner Summit 2027', 'hackathon retro', 'Hackathon Week']);
    const newest = await list(
      { limit: 1, sortOptions: [{ sortField: 'CREATION_DATE', sortOrder: 'DESC' }] },
      own,
    );
    expect(names(newest)).toEqual(['hackathon retro']);
  });

  it('pages through ties without repeating or skipping an event', async () => {
    const own = await createHarness();
    for (const n of [5, 2, 7, 1, 6, 3, 4])
      addEvent(own, addedId(n), n % 2 ? 'Tie Break Day' : 'TIE BREAK DAY');
    const page = (offset: number) =>
      list(
        {
          filters: [{ eventNameFilter: 'tie break' }],
          sortOptions: [
            { sortField: 'START_DATE', sortOrder: 'DESC' },
            { sortField: 'EVENT_NAME', sortOrder: 'ASC' },
          ],
          offset,
          limit: 3,
        },
        own,
      );
    const pages = await Promise.all([0, 3, 6].map(page));
    expect(pages.map((p) => p.paginationParams.totalNumResults)).toEqual([7, 7, 7]);
    expect(pages.flatMap(ids)).toEqual([1, 2, 3, 4, 5, 6, 7].map(addedId));
  });

  it('ignores TRAVELER_NAME, which orders a traveler’s own events, and applies the options after it', async () => {
    const travelerName = { sortField: 'TRAVELER_NAME', sortOrder: 'DESC' };
    const alone = await list({ limit: 100, sortOptions: [travelerName] });
    expect(ids(alone)).toEqual(seeded(...UPCOMING_ORDERS.START_DATE));
    const then = await list({
      limit: 100,
      sortOptions: [travelerName, { sortField: 'EVENT_NAME', sortOrder: 'ASC' }],
    });
    expect(ids(then)).toEqual(seeded(...UPCOMING_ORDERS.EVENT_NAME));
  });
});

describe('GET /v2/events/{eventId}', () => {
  it('returns the event with its location, dates, parent and the number of travelers not removed', async () => {
    const response = await harness.call('GET', `/v2/events/${SEED_EVENT_IDS.programSession1}`);
    expect(response.status).toBe(200);
    const { event } = (await response.json()) as { event: Event };
    expect(event).toMatchObject({
      id: SEED_EVENT_IDS.programSession1,
      type: 'PROGRAM_SESSION',
      status: 'PUBLISH',
      parentEventId: SEED_EVENT_IDS.program,
      numTravelers: 12,
      location: { address: { locality: 'Toronto', regionCode: 'CA', timezone: 'America/Toronto' } },
    });
    expect(event.startDateTime?.iso8601).toMatch(/^\d{4}-\d\d-\d\dT09:00$/);

    const summit = (await (await harness.call('GET', `/v2/events/${SEED_EVENT_IDS.largeSummit}`)).json()) as {
      event: Event;
    };
    expect(summit.event.numTravelers).toBe(notRemoved('largeSummit'));
    expect(summit.event.numTravelers).toBe(9950);
  });

  it('answers an event whose answers carry no companyId without one, and lets its own company see it', async () => {
    const response = await harness.call('GET', `/v2/events/${SEED_EVENT_IDS.noCompanyId}`);
    expect(response.status).toBe(200);
    const { event } = (await response.json()) as { event: Event };
    expect(event).toMatchObject({ id: SEED_EVENT_IDS.noCompanyId, numTravelers: notRemoved('noCompanyId') });
    expect(event).not.toHaveProperty('companyId');
  });

  it('answers another company’s event with 403 and an unknown one with 404, each with its own debugIdentifier', async () => {
    const forbidden = await harness.call('GET', `/v2/events/${SEED_EVENT_IDS.otherCompany}`);
    const missing = await harness.call('GET', '/v2/events/00000000-0000-4000-8000-000000000000');
    expect(forbidden.status).toBe(403);
    expect(missing.status).toBe(404);
    const a = (await forbidden.json()) as Envelope;
    const b = (await missing.json()) as Envelope;
    expect(a.errorMessages[0]).toMatchObject({
      errorCode: 'EVENT_ACCESS_DENIED',
      errorParameters: [{ name: 'eventId', value: SEED_EVENT_IDS.otherCompany }],
    });
    expect(b.errorMessages[0]).toMatchObject({ errorCode: 'EVENT_NOT_FOUND' });
    expect(a.debugIdentifier).not.toBe(b.debugIdentifier);
  });
});
