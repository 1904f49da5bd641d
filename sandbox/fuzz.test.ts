// @vitest-environment node
/**
 * Hostile and random requests never break the sandbox: a seeded run of malformed JSON, wrong types, huge and
 * deeply nested values, unknown paths and wrong methods gets 2xx or 4xx answers, every 4xx in the envelope,
 * never a 5xx, and the sandbox keeps answering.
 */
import { describe, expect, it } from 'vitest';
import { ErrorResponse } from '#contract';
import { createPrng } from './seed/prng.ts';
import { SEED_EVENT_IDS } from './seed/seed-ids.ts';
import { createHarness, type Envelope } from './testing/harness.ts';

const prng = createPrng(20_261_126);
const e = SEED_EVENT_IDS.kickoff;
const PATHS = [
  '/v2/auth/oauth2-token',
  '/v2/events/list',
  `/v2/events/${e}`,
  `/v2/events/${e}/travelers-list`,
  `/v2/events/${e}/invite/send`,
  `/v2/events/${e}/invite/test`,
  `/v2/events/${e}/travelers/remove`,
  '/v3/users/list',
  `/v2/events/${SEED_EVENT_IDS.otherCompany}/travelers-list`,
  '/v2/events/%E0%A4%A/travelers-list',
  `/v2/events/${'x'.repeat(5000)}`,
  '/v2/events/list/..%2F..%2Fetc',
  '/v4/unknown',
  '/',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const VALUES: (() => unknown)[] = [
  () => null,
  () => -1,
  () => 1e308,
  () => 2 ** 53,
  () => 1.5,
  () => '',
  () => 'x'.repeat(100_000),
  () => '<script>alert(1)</script>',
  () => [],
  () => Array.from({ length: 5000 }, (_, i) => ({ id: String(i) })),
  () => ({ id: 42 }),
  () => [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: 'ALL' }],
  () => [{ type: 'TRAVELER_SEARCH_FILTER', searchTerm: '%_\\' }],
  () => true,
];
const FIELDS = [
  'type',
  'userIds',
  'offset',
  'limit',
  'filters',
  'listEventType',
  'companyId',
  'pagination',
  'searchText',
  '__proto__',
];

function randomBody(): string | undefined {
  switch (prng.int(6)) {
    case 0:
      return undefined;
    case 1:
      return '{"unterminated": ';
    case 2:
      return `{"filters": ${deep(50_000)}}`;
    case 3:
      return JSON.stringify(prng.pick(VALUES)());
    default: {
      const body: Record<string, unknown> = {};
      for (let i = prng.int(4); i >= 0; i--) body[prng.pick(FIELDS)] = prng.pick(VALUES)();
      return JSON.stringify(body);
    }
  }
}

describe('the sandbox under random and hostile requests', () => {
  it(
    'answers 400 runs of garbage with 2xx or 4xx in the envelope, never 5xx',
    { timeout: 60_000 },
    async () => {
      const harness = await createHarness();
      const statuses = new Set<number>();
      for (let i = 0; i < 400; i++) {
        const method = prng.pick(METHODS);
        const path = prng.pick(PATHS);
        const body = method === 'GET' ? undefined : randomBody();
        const headers: Record<string, string> = prng.next() < 0.15 ? { authorization: 'Bearer nope' } : {};
        if (prng.next() < 0.1) headers['content-type'] = 'application/x-www-form-urlencoded';
        const response = await harness.app.request(path, {
          method,
          body,
          headers: {
            authorization: `Bearer ${harness.token}`,
            'content-type': 'application/json',
            ...headers,
          },
        });
        statuses.add(response.status);
        const request = `${method} ${path.slice(0, 80)} ${body?.slice(0, 80)}`;
        expect(response.status, request).toBeLessThan(500);
        if (response.status >= 400) {
          const envelope = ErrorResponse.safeParse(await response.json());
          expect(envelope.success, request).toBe(true);
          expect((envelope.data as Envelope).errorMessages.length, request).toBeGreaterThan(0);
        }
      }
      expect([...statuses].some((s) => s >= 400)).toBe(true);
      expect((await harness.call('GET', `/v2/events/${e}`)).status).toBe(200);
    },
  );

  it('refuses a send naming more than 20,000 ids in one entry, so the answer stays bounded', async () => {
    const harness = await createHarness();
    const userIds = Array.from({ length: 20_001 }, (_, i) => ({ id: String(i) }));
    const response = await harness.call('POST', `/v2/events/${e}/invite/send`, { userIds });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Envelope).errorMessages).toEqual([
      expect.objectContaining({
        errorCode: 'TOO_MANY_USER_IDS',
        errorParameters: [{ name: 'userIds', value: '20001 ids' }],
      }),
    ]);
  });
});
