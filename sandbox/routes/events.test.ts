// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { Event, EventStatus, EventType } from '#contract';
import { SEED_COMPANY_ID, SEED_EVENT_IDS, SEED_TRAVELER_STATES } from '../seed/seed-ids.ts';
import { createHarness, type Envelope, type Harness } from '../testing/harness.ts';

interface ListBody {
  events: Event[];
  paginationParams: { totalNumResults: number };
}

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});

async function list(body: unknown): Promise<ListBody> {
  const response = await harness.call('POST', '/v2/events/list', body);
  expect(response.status).toBe(200);
  return (await response.json()) as ListBody;
}

const ids = (body: ListBody) => body.events.map((event) => event.id);
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
