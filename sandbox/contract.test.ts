// @vitest-environment node
/**
 * The sandbox against Spotnana's official OpenAPI descriptions (the subset committed in contract/openapi/, written by
 * `npm run contract:update`): every route's success and error responses, and the requests the tests send, are
 * validated by openapi-backend, not by a hand-written check.
 *
 * Two things about openapi-backend and these OpenAPI 3.1 files:
 * - Its definition check uses the OpenAPI 3.0 meta-schema, which rejects valid 3.1 (e.g. `$ref` with a sibling
 *   `description`). `quick: true` skips that check (and dereferences synchronously, compiling validators only
 *   for the operations used); the schemas themselves are still compiled by Ajv and enforced.
 * - Ajv knows no `uuid` format by itself and would ignore it; ajv-formats adds it through `customizeAjv`.
 */
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OpenAPIBackend, ValidationContext, type Document } from 'openapi-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SEED_API_CLIENT_USER_ID,
  SEED_COMPANY_ID,
  SEED_EVENT_IDS,
  SEED_OTHER_COMPANY_ID,
} from './seed/seed-ids.ts';
import { createHarness, listAllTravelers, tokenForm, type Harness } from './testing/harness.ts';

const SPEC_DIR = resolve(import.meta.dirname, '../contract/openapi');
const SPECS = { auth: 'auth-api.json', events: 'event-api.json', users: 'users-api.json' } as const;

async function loadApi(file: string): Promise<OpenAPIBackend> {
  const path = resolve(SPEC_DIR, file);
  if (!existsSync(path)) {
    throw new Error(
      `The contract test needs Spotnana's OpenAPI description ${file} at ${path}. ` +
        `Run \`npm run contract:update\` to write it from Spotnana's published descriptions.`,
    );
  }
  const definition = JSON.parse(readFileSync(path, 'utf8')) as Document;
  const api = new OpenAPIBackend({
    definition,
    quick: true,
    strict: true,
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  await api.init();
  return api;
}

let apis: Record<keyof typeof SPECS, OpenAPIBackend>;
let harness: Harness;

beforeAll(async () => {
  const [auth, events, users] = await Promise.all(Object.values(SPECS).map(loadApi));
  apis = { auth: auth!, events: events!, users: users! };
  harness = await createHarness();
}, 60_000);

type Spec = keyof typeof SPECS;

/**
 * Validates a response body against what the description declares for its operation and status. Statuses the
 * description does not list for an operation (a 404 of travelers-list, a 401 of the token route) carry the
 * sandbox's error envelope; they are checked against the operation's declared 4xx response, which is the
 * same `ErrorResponse` for every operation here.
 */
async function expectConforms(spec: Spec, operationId: string, response: Response, expectedStatus: number) {
  expect(response.status, operationId).toBe(expectedStatus);
  const api = apis[spec];
  const operation = api.getOperation(operationId);
  expect(operation, `${operationId} is in ${SPECS[spec]}`).toBeDefined();
  const responses = operation!.responses as Record<string, { content?: Record<string, unknown> }>;
  const text = await response.text();

  let status = String(response.status);
  if (!responses[status] && response.status >= 400) {
    status = Object.keys(responses).find((s) => s.startsWith('4') && responses[s]!.content)!;
    expect(status, `${operationId} declares an error response`).toBeDefined();
  }
  const declared = responses[status];
  expect(declared, `${operationId} declares ${status}`).toBeDefined();
  if (!declared!.content) {
    expect(text, `${operationId} ${status} has no body in the description`).toBe('');
    return;
  }
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const result = api.validator.validateResponse(JSON.parse(text), operationId, Number(status));
  expect(result.errors ?? [], `${operationId} ${response.status}: ${text.slice(0, 300)}`).toEqual([]);
}

/** Sends a JSON request after checking it against the description, so the tests speak the real API. */
async function send(
  spec: Spec,
  operationId: string,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  const request = { method, path, headers: { 'content-type': 'application/json' }, body };
  const check = apis[spec].validator.validateRequest(request, operationId);
  expect(check.errors ?? [], `request of ${operationId}`).toEqual([]);
  return harness.call(method, path, body, headers);
}

/**
 * Sends a listEvents request after checking it against the description. Its `EventFilter` is a `oneOf` of
 * wrappers none of which requires its key, so every filter fits them all and Ajv fails the `oneOf`: each filter
 * is checked against the one wrapper that declares its key instead, and the rest of the request as usual.
 */
async function sendListEvents(body: { filters?: object[] } & Record<string, unknown>) {
  const { filters = [], ...rest } = body;
  const request = {
    method: 'POST',
    path: '/v2/events/list',
    headers: { 'content-type': 'application/json' },
  };
  const check = apis.events.validator.validateRequest({ ...request, body: rest }, 'listEvents');
  expect(check.errors ?? [], 'request of listEvents').toEqual([]);
  const schemas = apis.events.definition.components!.schemas as Record<
    string,
    { oneOf?: { properties?: Record<string, unknown> }[] }
  >;
  const ajv = apis.events.validator.getAjv(ValidationContext.RequestBody);
  for (const filter of filters) {
    const keys = Object.keys(filter);
    const wrapper = schemas.EventFilter!.oneOf!.find(
      (w) => keys.length === 1 && keys[0]! in (w.properties ?? {}),
    );
    expect(wrapper, `${JSON.stringify(filter)} is one of the wrappers of EventFilter`).toBeDefined();
    expect(ajv.validate(wrapper!, filter), ajv.errorsText()).toBe(true);
  }
  return harness.call('POST', '/v2/events/list', body);
}

const noToken = { authorization: '' };
const unknownEvent = 'e0000000-0000-4000-8000-0000000000ff';

describe('the sandbox against the official OpenAPI descriptions', () => {
  it('fetchOauth2Token: 200, and the error envelope for bad credentials and bad forms', async () => {
    const request = (form: URLSearchParams) =>
      harness.app.request('/v2/auth/oauth2-token', { method: 'POST', body: form });
    await expectConforms('auth', 'fetchOauth2Token', await request(tokenForm()), 200);
    await expectConforms(
      'auth',
      'fetchOauth2Token',
      await request(tokenForm({ client_secret: 'wrong' })),
      401,
    );
    await expectConforms('auth', 'fetchOauth2Token', await request(new URLSearchParams()), 400);
  });

  it('listEvents: 200 for each tab, 400 and 401', async () => {
    for (const listEventType of ['UPCOMING', 'PAST_OR_COMPLETED', 'CANCELLED_EVENT']) {
      await expectConforms(
        'events',
        'listEvents',
        await send('events', 'listEvents', 'POST', '/v2/events/list', { listEventType, limit: 100 }),
        200,
      );
    }
    await expectConforms(
      'events',
      'listEvents',
      await harness.call('POST', '/v2/events/list', { limit: 1000 }),
      400,
    );
    await expectConforms(
      'events',
      'listEvents',
      await harness.call('POST', '/v2/events/list', {}, noToken),
      401,
    );
  });

  it('listEvents: 200 with filters and sort options as the description writes them, 400 for a bad one', async () => {
    const sessions = await sendListEvents({
      listEventType: 'UPCOMING',
      filters: [
        { eventNameFilter: 'Leadership' },
        { eventTypeFilter: { types: ['PROGRAM_SESSION'] } },
        { eventParentFilter: { parentEventId: SEED_EVENT_IDS.program } },
      ],
      sortOptions: [
        { sortField: 'START_DATE', sortOrder: 'DESC' },
        { sortField: 'EVENT_NAME', sortOrder: 'ASC' },
      ],
    });
    const { events } = (await sessions.clone().json()) as { events: { id: string }[] };
    expect(events.map((event) => event.id)).toEqual([
      SEED_EVENT_IDS.programSession3,
      SEED_EVENT_IDS.programSession2,
      SEED_EVENT_IDS.programSession1,
    ]);
    await expectConforms('events', 'listEvents', sessions, 200);
    const others = [
      {
        listEventType: 'PAST_OR_COMPLETED',
        filters: [
          {
            eventDateRangeFilter: {
              eventDateRange: { min: { iso8601: '2020-01-01T00:00' }, max: { iso8601: '2040-12-31T23:59' } },
            },
          },
        ],
        sortOptions: [
          { sortField: 'END_DATE', sortOrder: 'ASC' },
          { sortField: 'CREATION_DATE', sortOrder: 'DESC' },
        ],
      },
      { listEventType: 'CANCELLED_EVENT', sortOptions: [{ sortField: 'TRAVELER_NAME', sortOrder: 'ASC' }] },
    ];
    for (const body of others) {
      await expectConforms('events', 'listEvents', await sendListEvents(body), 200);
    }
    await expectConforms(
      'events',
      'listEvents',
      await harness.call('POST', '/v2/events/list', {
        filters: [{ eventTypeFilter: { types: ['MEETING'] } }],
      }),
      400,
    );
  });

  it('getEvent: 200 for every seeded event of the company, 401, 403 and 404', async () => {
    const { otherCompany, ...own } = SEED_EVENT_IDS;
    for (const id of Object.values(own)) {
      await expectConforms(
        'events',
        'getEvent',
        await send('events', 'getEvent', 'GET', `/v2/events/${id}`),
        200,
      );
    }
    await expectConforms(
      'events',
      'getEvent',
      await harness.call('GET', `/v2/events/${own.kickoff}`, undefined, noToken),
      401,
    );
    await expectConforms('events', 'getEvent', await harness.call('GET', `/v2/events/${otherCompany}`), 403);
    await expectConforms('events', 'getEvent', await harness.call('GET', `/v2/events/${unknownEvent}`), 404);
  });

  it('listEventTravelers: 200 with every state and invitedAt, 400, 401, 403 and 404', async () => {
    const path = `/v2/events/${SEED_EVENT_IDS.kickoff}/travelers-list`;
    const all = {
      limit: 100,
      filters: [
        {
          type: 'INVITATION_STATUS_FILTER',
          rsvpStates: ['ADDED', 'INVITED', 'INVITE_ACCEPTED', 'INVITE_DECLINED', 'REMOVED'],
        },
      ],
    };
    // Not checked as a request: the description picks a filter's schema through `discriminator.mapping`, which
    // Ajv does not support, and without it an INVITATION_STATUS_FILTER also fits TravelerSearchFilter (whose
    // `type` is any string), so `oneOf` fails. The response is what this test is about.
    await expectConforms('events', 'listEventTravelers', await harness.call('POST', path, all), 200);
    const searched = {
      offset: 0,
      limit: 5,
      type: 'GENERIC',
      filters: [{ type: 'TRAVELER_SEARCH_FILTER', searchTerm: 'a' }],
    };
    await expectConforms(
      'events',
      'listEventTravelers',
      await send('events', 'listEventTravelers', 'POST', path, searched),
      200,
    );
    await expectConforms(
      'events',
      'listEventTravelers',
      await harness.call('POST', path, { limit: -1 }),
      400,
    );
    await expectConforms('events', 'listEventTravelers', await harness.call('POST', path, {}, noToken), 401);
    await expectConforms(
      'events',
      'listEventTravelers',
      await harness.call('POST', `/v2/events/${SEED_EVENT_IDS.otherCompany}/travelers-list`, {}),
      403,
    );
    await expectConforms(
      'events',
      'listEventTravelers',
      await harness.call('POST', `/v2/events/${unknownEvent}/travelers-list`, {}),
      404,
    );
  });

  it('sendInvite: 200 with no body, 400 with several entries, 401, 403 and 404', async () => {
    const travelers = await listAllTravelers(harness, SEED_EVENT_IDS.kickoff);
    const path = `/v2/events/${SEED_EVENT_IDS.kickoff}/invite/send`;
    const good = { type: 'GENERIC', userIds: travelers.slice(0, 2).map(({ id }) => ({ id })) };
    await expectConforms('events', 'sendInvite', await send('events', 'sendInvite', 'POST', path, good), 200);
    await expectConforms(
      'events',
      'sendInvite',
      await send('events', 'sendInvite', 'POST', `/v2/events/${SEED_EVENT_IDS.largeSummit}/invite/send`, {}),
      200,
    );
    const bad = { type: 'PROGRAM', userIds: [{ id: 'not-a-uuid' }, { id: unknownEvent }] };
    await expectConforms('events', 'sendInvite', await harness.call('POST', path, bad), 400);
    await expectConforms(
      'events',
      'sendInvite',
      await harness.call('POST', `/v2/events/${SEED_EVENT_IDS.draft}/invite/send`, { userIds: [] }),
      400,
    );
    await expectConforms('events', 'sendInvite', await harness.call('POST', path, {}, noToken), 401);
    await expectConforms(
      'events',
      'sendInvite',
      await harness.call('POST', `/v2/events/${SEED_EVENT_IDS.otherCompany}/invite/send`, {}),
      403,
    );
    await expectConforms(
      'events',
      'sendInvite',
      await harness.call('POST', `/v2/events/${unknownEvent}/invite/send`, {}),
      404,
    );
  });

  it('testInvite: 200 with no body, 400, 401 and 403', async () => {
    const path = (id: string) => `/v2/events/${id}/invite/test`;
    await expectConforms(
      'events',
      'testInvite',
      await send('events', 'testInvite', 'POST', path(SEED_EVENT_IDS.kickoff)),
      200,
    );
    await expectConforms(
      'events',
      'testInvite',
      await harness.call('POST', path(SEED_EVENT_IDS.cancelled)),
      400,
    );
    await expectConforms(
      'events',
      'testInvite',
      await harness.call('POST', path(SEED_EVENT_IDS.kickoff), undefined, noToken),
      401,
    );
    await expectConforms(
      'events',
      'testInvite',
      await harness.call('POST', path(SEED_EVENT_IDS.otherCompany)),
      403,
    );
  });

  it('removeTravelersFromEvent: 200, 400, 401 and 403', async () => {
    const [traveler] = await listAllTravelers(harness, SEED_EVENT_IDS.programTrip);
    const path = (id: string) => `/v2/events/${id}/travelers/remove`;
    const body = { userIds: [{ id: traveler!.id }] };
    await expectConforms(
      'events',
      'removeTravelersFromEvent',
      await send('events', 'removeTravelersFromEvent', 'POST', path(SEED_EVENT_IDS.programTrip), body),
      200,
    );
    await expectConforms(
      'events',
      'removeTravelersFromEvent',
      await harness.call('POST', path(SEED_EVENT_IDS.programTrip), { userIds: [] }),
      400,
    );
    await expectConforms(
      'events',
      'removeTravelersFromEvent',
      await harness.call('POST', path(SEED_EVENT_IDS.programTrip), body, noToken),
      401,
    );
    await expectConforms(
      'events',
      'removeTravelersFromEvent',
      await harness.call('POST', path(SEED_EVENT_IDS.otherCompany), body),
      403,
    );
  });

  it('listUsersV3: 200 with every required UserDetail field, 400, 401 and 403', async () => {
    const company = { id: SEED_COMPANY_ID };
    await expectConforms(
      'users',
      'listUsersV3',
      await send('users', 'listUsersV3', 'POST', '/v3/users/list', {
        companyId: company,
        pagination: { offset: 0, limit: 100 },
      }),
      200,
    );
    const travelers = await listAllTravelers(harness, SEED_EVENT_IDS.kickoff);
    const byIds = {
      companyId: company,
      pagination: { offset: 0, limit: 100 },
      filters: [{ userIds: travelers.map(({ id }) => ({ id })) }],
    };
    await expectConforms(
      'users',
      'listUsersV3',
      await send('users', 'listUsersV3', 'POST', '/v3/users/list', byIds),
      200,
    );
    await expectConforms(
      'users',
      'listUsersV3',
      await harness.call('POST', '/v3/users/list', { companyId: company }),
      400,
    );
    await expectConforms(
      'users',
      'listUsersV3',
      await harness.call('POST', '/v3/users/list', byIds, noToken),
      401,
    );
    await expectConforms(
      'users',
      'listUsersV3',
      await harness.call('POST', '/v3/users/list', {
        companyId: { id: SEED_OTHER_COMPANY_ID },
        pagination: {},
      }),
      403,
    );
  });

  it('getUserInfo: 200 for travelers of the event without companyId and the API client, 401, 403 and 404', async () => {
    const travelers = await listAllTravelers(harness, SEED_EVENT_IDS.noCompanyId);
    for (const id of [SEED_API_CLIENT_USER_ID, ...travelers.map((traveler) => traveler.id)]) {
      await expectConforms(
        'users',
        'getUserInfo',
        await send('users', 'getUserInfo', 'GET', `/v2/users/${id}`),
        200,
      );
    }
    await expectConforms(
      'users',
      'getUserInfo',
      await harness.call('GET', `/v2/users/${SEED_API_CLIENT_USER_ID}`, undefined, noToken),
      401,
    );
    const [otherCompanyUser] = harness.db
      .prepare('SELECT id FROM users WHERE company_id = ? LIMIT 1')
      .pluck()
      .all(SEED_OTHER_COMPANY_ID) as string[];
    await expectConforms(
      'users',
      'getUserInfo',
      await harness.call('GET', `/v2/users/${otherCompanyUser}`),
      403,
    );
    await expectConforms(
      'users',
      'getUserInfo',
      await harness.call('GET', '/v2/users/00000000-0000-4000-8000-000000000000'),
      404,
    );
  });
});
