// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { UserProfile, type UserDetail } from '#contract';
import {
  SEED_API_CLIENT_EMAIL,
  SEED_API_CLIENT_USER_ID,
  SEED_COMPANY_ID,
  SEED_EVENT_IDS,
} from '../seed/seed-ids.ts';
import { createHarness, listAllTravelers, type Envelope, type Harness } from '../testing/harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});

const profile = (userId: string, query = '') => harness.call('GET', `/v2/users/${userId}${query}`);

describe('GET /v2/users/{userId}', () => {
  it('answers a person of the caller’s company with their name, e-mail and company', async () => {
    const response = await profile(SEED_API_CLIENT_USER_ID);
    expect(response.status).toBe(200);
    const body = UserProfile.parse(await response.json());
    expect(body).toMatchObject({
      id: SEED_API_CLIENT_USER_ID,
      isActive: true,
      personalInfo: { name: { given: 'Sandbox', family1: 'API Client' } },
      businessInfo: {
        email: SEED_API_CLIENT_EMAIL,
        organizationRef: { id: SEED_COMPANY_ID, name: 'Acme Corp' },
        legalEntityRef: { id: expect.any(String) },
      },
    });
  });

  it('names the company of every traveler of the event whose answers carry no companyId', async () => {
    const travelers = await listAllTravelers(harness, SEED_EVENT_IDS.noCompanyId);
    expect(travelers.length).toBeGreaterThan(0);
    for (const traveler of travelers) {
      const body = UserProfile.parse(await (await profile(traveler.id)).json());
      expect(body.businessInfo?.organizationRef.id).toBe(SEED_COMPANY_ID);
    }
  });

  it('gives the same name as the users listing, and takes the id in any case', async () => {
    const [traveler] = await listAllTravelers(harness, SEED_EVENT_IDS.kickoff);
    const listed = (await (
      await harness.call('POST', '/v3/users/list', {
        companyId: { id: SEED_COMPANY_ID },
        pagination: {},
        filters: [{ userIds: [{ id: traveler!.id }] }],
      })
    ).json()) as { users: UserDetail[] };
    const response = await profile(traveler!.id.toUpperCase());
    expect(response.status).toBe(200);
    const body = UserProfile.parse(await response.json());
    expect(body.id).toBe(traveler!.id);
    expect(body.personalInfo?.name).toEqual(listed.users[0]?.personalDetail?.name);
  });

  it('answers another company’s person with 403 and an unknown id with 404, in the envelope', async () => {
    const [globexTraveler] = globexTravelers();
    const forbidden = await profile(globexTraveler!);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as Envelope).errorMessages[0]).toMatchObject({
      errorCode: 'USER_ACCESS_DENIED',
      errorParameters: [{ name: 'userId', value: globexTraveler }],
    });

    const missing = await profile('00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Envelope).errorMessages[0]).toMatchObject({
      errorCode: 'USER_NOT_FOUND',
      errorParameters: [{ name: 'userId', value: '00000000-0000-4000-8000-000000000000' }],
    });
  });

  it('answers an inactive person with 404 unless includeInactive=true', async () => {
    harness.db.prepare('UPDATE users SET is_active = 0 WHERE id = ?').run(SEED_API_CLIENT_USER_ID);
    try {
      expect((await profile(SEED_API_CLIENT_USER_ID)).status).toBe(404);
      const included = await profile(SEED_API_CLIENT_USER_ID, '?includeInactive=true');
      expect(included.status).toBe(200);
      expect(UserProfile.parse(await included.json()).isActive).toBe(false);
    } finally {
      harness.db.prepare('UPDATE users SET is_active = 1 WHERE id = ?').run(SEED_API_CLIENT_USER_ID);
    }
  });

  it('wants a bearer token', async () => {
    const response = await harness.app.request(`/v2/users/${SEED_API_CLIENT_USER_ID}`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as Envelope).errorMessages[0]?.errorCode).toBe('MISSING_BEARER_TOKEN');
  });
});

/** Ids of Globex people: the sandbox client cannot list them, so they are read from the database. */
function globexTravelers(): string[] {
  return harness.db
    .prepare(`SELECT id FROM users WHERE company_id <> ? ORDER BY id LIMIT 3`)
    .pluck()
    .all(SEED_COMPANY_ID) as string[];
}
