// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parsePageState, serializePageState, type PageState } from './page-state';

const state = (data: unknown): PageState => ({
  queries: {
    mutations: [],
    queries: [
      {
        queryKey: ['users', 'names'],
        queryHash: '["users","names"]',
        dehydratedAt: 1,
        state: {
          data,
          dataUpdateCount: 1,
          dataUpdatedAt: 1,
          error: null,
          errorUpdateCount: 0,
          errorUpdatedAt: 0,
          fetchFailureCount: 0,
          fetchFailureReason: null,
          fetchMeta: null,
          isInvalidated: false,
          status: 'success',
          fetchStatus: 'idle',
        },
      },
    ],
  },
  router: { loaderData: { '0': null } },
  renderedAt: 1_765_000_000_000,
});

describe('the state a server-rendered page carries', () => {
  it('comes back as it went, Maps included', () => {
    const names = new Map([
      ['u-1', 'Ana Lima'],
      ['u-2', undefined],
    ]);
    const back = parsePageState(serializePageState(state(names)));
    expect(back.queries.queries[0]!.state.data).toEqual(names);
    expect(back.renderedAt).toBe(1_765_000_000_000);
    expect(back.router).toEqual({ loaderData: { '0': null } });
  });

  it('holds no "<", so no text in it can close its script element or open another', () => {
    const hostile = '</script><script>window.__pwned=1</script><!--';
    const text = serializePageState(state({ name: hostile }));
    expect(text).not.toContain('<');
    expect(parsePageState(text).queries.queries[0]!.state.data).toEqual({ name: hostile });
  });
});
