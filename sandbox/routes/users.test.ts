// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserDetail } from '#contract';
import {
  SEED_API_CLIENT_USER_ID,
  SEED_COMPANY_ID,
  SEED_EVENT_IDS,
  SEED_OTHER_COMPANY_ID,
  SEED_USER_COUNTS,
} from '../seed/seed-ids.ts';
import { createHarness, listAllTravelers, type Envelope, type Harness } from '../testing/harness.ts';
import { fold } from '../text.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});

interface UsersBody {
  users: UserDetail[];
  pagination: { totalNumResults: number };
}

const acme = { id: SEED_COMPANY_ID };

async function listUsers(body: unknown): Promise<UsersBody> {
  const response = await harness.call('POST', '/v3/users/list', body);
  expect(response.status).toBe(200);
  return (await response.json()) as UsersBody;
}

describe('POST /v3/users/list', () => {
  it('resolves a page of travelers’ user ids to names and business e-mails, in the order of the list', async () => {
    const travelers = (await listAllTravelers(harness, SEED_EVENT_IDS.kickoff)).slice(0, 20);
    const body = await listUsers({
      companyId: acme,
      pagination: { offset: 0, limit: 100 },
      filters: [{ userIds: travelers.map((t) => ({ id: t.id })) }],
    });
    expect(body.pagination.totalNumResults).toBe(20);
    expect(body.users.map((user) => user.userId.id)).toEqual(travelers.map((t) => t.id));
    for (const user of body.users) {
      expect(user).toMatchObject({
        organization: { id: SEED_COMPANY_ID, name: 'Acme Corp' },
        persona: 'EMPLOYEE',
        isActive: true,
        personalDetail: { name: { given: expect.any(String), family1: expect.any(String) } },
        businessDetail: {
          businessEmail: expect.stringMatching(/^[a-z0-9.-]+@acme\.example$/),
          legalEntity: { id: expect.any(String) },
        },
        createdAt: { iso8601: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/) },
      });
    }
  });

  it('pages through the whole company with a total, 100 by default', async () => {
    const first = await listUsers({ companyId: acme, pagination: {} });
    expect(first.users).toHaveLength(100);
    expect(first.pagination.totalNumResults).toBe(SEED_USER_COUNTS.acme);
    const last = await listUsers({
      companyId: acme,
      pagination: { offset: SEED_USER_COUNTS.acme - 3, limit: 10 },
    });
    expect(last.users).toHaveLength(3);
  });

  it('finds people by e-mail (any case) and by search text in names or e-mails', async () => {
    const [someone] = (await listUsers({ companyId: acme, pagination: { offset: 500, limit: 1 } })).users;
    const email = someone!.businessDetail!.businessEmail!;
    const byEmail = await listUsers({
      companyId: acme,
      pagination: {},
      filters: [{ emails: [email.toUpperCase()] }],
    });
    expect(byEmail.users.map((u) => u.userId.id)).toEqual([someone!.userId.id]);

    const bySearch = await listUsers({
      companyId: acme,
      pagination: { limit: 1000 },
      searchText: 'Sørensen',
    });
    expect(bySearch.pagination.totalNumResults).toBeGreaterThan(0);
    for (const user of bySearch.users) {
      const { given, family1 } = user.personalDetail!.name!;
      expect(fold(`${given} ${family1} ${user.businessDetail!.businessEmail}`)).toContain('sorensen');
    }

    const client = await listUsers({ companyId: acme, pagination: {}, searchText: 'sandbox api' });
    expect(client.users.map((u) => u.userId.id)).toEqual([SEED_API_CLIENT_USER_ID]);
  });

  it('gives every person a unique business e-mail', async () => {
    const emails = new Set<string>();
    for (let offset = 0; offset < SEED_USER_COUNTS.acme; offset += 1000) {
      for (const user of (await listUsers({ companyId: acme, pagination: { offset, limit: 1000 } })).users) {
        emails.add(user.businessDetail!.businessEmail!);
      }
    }
    expect(emails.size).toBe(SEED_USER_COUNTS.acme);
  });

  it('lists nobody when a filter names no ids, and nobody of another company', async () => {
    expect((await listUsers({ companyId: acme, pagination: {}, filters: [{ userIds: [] }] })).users).toEqual(
      [],
    );
    const globex = await listUsers({
      companyId: acme,
      pagination: {},
      filters: [{ emails: ['anyone@globex.example'] }],
    });
    expect(globex.users).toEqual([]);
  });

  it('answers 403 for another company or a TMC, and 400 without a company or pagination', async () => {
    const call = (body: unknown) => harness.call('POST', '/v3/users/list', body);
    const other = await call({ companyId: { id: SEED_OTHER_COMPANY_ID }, pagination: {} });
    expect(other.status).toBe(403);
    expect(((await other.json()) as Envelope).errorMessages[0]?.errorParameters).toEqual([
      { name: 'companyId.id', value: SEED_OTHER_COMPANY_ID },
    ]);
    expect((await call({ tmcId: { id: SEED_OTHER_COMPANY_ID }, pagination: {} })).status).toBe(403);

    const noCompany = await call({ pagination: {} });
    expect(noCompany.status).toBe(400);
    expect(((await noCompany.json()) as Envelope).errorMessages[0]?.errorParameters).toEqual([
      { name: 'companyId' },
    ]);
    const noPagination = await call({ companyId: acme });
    expect(noPagination.status).toBe(400);
    expect(((await noPagination.json()) as Envelope).errorMessages[0]?.errorParameters[0]?.name).toBe(
      'pagination',
    );
    expect((await harness.raw('/v3/users/list', '')).status).toBe(400);
  });
});
