import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { QueryClientProvider, useQueries } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { createTestQueryClient } from '@/testing/render-with-providers';
import { errorResponse, mockApi } from '@/testing/mock-api';
import { userNamesQueryOptions } from './list-users';

const COMPANY = 'c0000000-0000-4000-8000-000000000001';
const NAMES: Record<string, [string, string]> = {
  'u-1': ['Ana', 'Lima'],
  'u-2': ['Kenji', 'Sato'],
  'u-3': ['Zoë', 'Okafor'],
};

/**
 * The event's travelers are u-1..u-3; a profile answers the company; the users list answers the names of the ids
 * asked for, in that company only.
 */
function usersApi() {
  return mockApi({
    'POST /v2/events/:eventId/travelers-list': {
      travelerEventInfos: Object.keys(NAMES).map((id) => ({ userId: { id } })),
      paginationParams: { totalNumResults: 3 },
    },
    'GET /v2/users/:userId': ({ params }) => ({
      id: params.userId,
      businessInfo: { organizationRef: { id: COMPANY }, legalEntityRef: { id: 'l-1' } },
    }),
    'POST /v3/users/list': ({ body }) => {
      const { companyId, filters } = body as {
        companyId?: { id: string };
        filters: { userIds: { id: string }[] }[];
      };
      if (companyId?.id !== COMPANY) return errorResponse(403);
      return {
        users: filters[0]!.userIds.map(({ id }) => ({
          userId: { id },
          personalDetail: { name: { given: NAMES[id]![0], family1: NAMES[id]![1] } },
        })),
      };
    },
  });
}

function wrapper() {
  const queryClient = createTestQueryClient();
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return { queryClient, Wrapper };
}

const companyOf = (call: { body: unknown }) => (call.body as { companyId?: { id: string } }).companyId;

describe('userNamesQueryOptions', () => {
  it('finds names without a companyId: the company comes from one profile, asked once for the event', async () => {
    const api = usersApi();
    const { Wrapper } = wrapper();
    // Two blocks of chips at once, as the selection asks for them.
    const { result } = renderHook(
      () =>
        useQueries({
          queries: [
            userNamesQueryOptions({ eventId: 'evt-1' }, ['u-1', 'u-2']),
            userNamesQueryOptions({ eventId: 'evt-1' }, ['u-3']),
          ],
        }),
      { wrapper: Wrapper },
    );

    await waitFor(() => expect(result.current.every((query) => query.isSuccess)).toBe(true));
    expect(result.current[0]!.data).toEqual(
      new Map([
        ['u-1', 'Ana Lima'],
        ['u-2', 'Kenji Sato'],
      ]),
    );
    expect(result.current[1]!.data).toEqual(new Map([['u-3', 'Zoë Okafor']]));
    expect(api.callsTo('GET /v2/users/:userId')).toHaveLength(1);
    expect(api.callsTo('POST /v3/users/list').map(companyOf)).toEqual([{ id: COMPANY }, { id: COMPANY }]);
  });

  it('asks for one profile per event however often, and for whichever travelers, its names are asked for', async () => {
    const api = usersApi();
    const { queryClient } = wrapper();
    await queryClient.fetchQuery(userNamesQueryOptions({ eventId: 'evt-1' }, ['u-1']));
    const names = await queryClient.fetchQuery(userNamesQueryOptions({ eventId: 'evt-1' }, ['u-2', 'u-3']));
    expect(names.get('u-2')).toBe('Kenji Sato');
    expect(api.callsTo('GET /v2/users/:userId').map((call) => call.params.userId)).toEqual(['u-1']);
  });

  it('uses the event’s companyId when it has one, without asking for a profile', async () => {
    const api = usersApi();
    const { queryClient } = wrapper();
    const names = await queryClient.fetchQuery(
      userNamesQueryOptions({ eventId: 'evt-1', companyId: COMPANY }, ['u-3']),
    );
    expect(names).toEqual(new Map([['u-3', 'Zoë Okafor']]));
    expect(api.callsTo('GET /v2/users/:userId')).toEqual([]);
    expect(api.callsTo('POST /v3/users/list').map(companyOf)).toEqual([{ id: COMPANY }]);
  });

  it('learns the company from the next traveler when the first one’s profile cannot be read (inactive: 404)', async () => {
    const api = usersApi();
    api.use({
      'GET /v2/users/:userId': ({ params }) =>
        params.userId === 'u-1'
          ? errorResponse(404)
          : { id: params.userId, businessInfo: { organizationRef: { id: COMPANY } } },
    });
    const { queryClient } = wrapper();
    const names = await queryClient.fetchQuery(userNamesQueryOptions({ eventId: 'evt-1' }, ['u-1', 'u-3']));
    expect(names).toEqual(
      new Map([
        ['u-1', 'Ana Lima'],
        ['u-3', 'Zoë Okafor'],
      ]),
    );
    expect(api.callsTo('GET /v2/users/:userId').map((call) => call.params.userId)).toEqual(['u-1', 'u-2']);
  });

  it('fails, asking for no names, when no profile can be read', async () => {
    const api = usersApi();
    api.use({ 'GET /v2/users/:userId': () => errorResponse(404) });
    const { queryClient } = wrapper();
    await expect(
      queryClient.fetchQuery(userNamesQueryOptions({ eventId: 'evt-1' }, ['u-1'])),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(api.callsTo('POST /v3/users/list')).toEqual([]);
  });
});
