import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { createTestQueryClient } from '@/testing/render-with-providers';
import { errorResponse, mockApi } from '@/testing/mock-api';
import { newIdempotencyKey, useSendInvite } from './send-invite';
import { useSendTestInvite } from './send-test-invite';

function wrapper() {
  const queryClient = createTestQueryClient();
  // Even when the app's defaults would retry, a send must not.
  queryClient.setDefaultOptions({ mutations: { retry: 3 } });
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return { queryClient, Wrapper };
}

describe('useSendInvite', () => {
  it('posts the request, invalidates everything about the event and every send list, then calls onSuccess', async () => {
    const api = mockApi({
      'POST /v2/events/:eventId/invite/send': () => new Response(null, { status: 200 }),
    });
    const { queryClient, Wrapper } = wrapper();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const onSuccess = vi.fn();
    const { result } = renderHook(() => useSendInvite('evt/1', { onSuccess }), { wrapper: Wrapper });

    act(() => result.current.mutate({ type: 'PROGRAM', userIds: ['u-1', 'u-2'] }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(api.calls[0]).toMatchObject({
      path: '/v2/events/evt%2F1/invite/send',
      body: { type: 'PROGRAM', userIds: [{ id: 'u-1' }, { id: 'u-2' }] },
    });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['events', 'detail', 'evt/1'] });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['send-records'] });
  });

  it('leaves userIds out to invite everyone, and never retries a failed send', async () => {
    const api = mockApi({ 'POST /v2/events/:eventId/invite/send': () => errorResponse(500) });
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useSendInvite('evt-1'), { wrapper: Wrapper });
    act(() => result.current.mutate({ type: 'GENERIC' }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]!.body).toEqual({ type: 'GENERIC' });
  });
});

describe('the idempotency key of a send', () => {
  it('goes with the request as Idempotency-Key, the same when the same variables are sent again', async () => {
    const api = mockApi({ 'POST /v2/events/:eventId/invite/send': () => errorResponse(502) });
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useSendInvite('evt-1'), { wrapper: Wrapper });
    const variables = { type: 'GENERIC' as const, idempotencyKey: newIdempotencyKey() };
    act(() => result.current.mutate(variables));
    await waitFor(() => expect(result.current.isError).toBe(true));
    act(() => result.current.mutate(variables));
    await waitFor(() => expect(api.calls).toHaveLength(2));
    expect(api.calls.map((call) => call.idempotencyKey)).toEqual([
      variables.idempotencyKey,
      variables.idempotencyKey,
    ]);
    expect(variables.idempotencyKey).not.toBe(newIdempotencyKey());
    expect(api.calls[0]!.body).toEqual({ type: 'GENERIC' });
  });
});

describe('useSendTestInvite', () => {
  it('posts invite/test with no body', async () => {
    const api = mockApi({
      'POST /v2/events/:eventId/invite/test': () => new Response(null, { status: 200 }),
    });
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useSendTestInvite('evt-1'), { wrapper: Wrapper });
    act(() => result.current.mutate());
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(api.calls).toEqual([
      expect.objectContaining({ method: 'POST', path: '/v2/events/evt-1/invite/test', body: undefined }),
    ]);
  });
});
