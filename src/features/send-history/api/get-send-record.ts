/** `GET /api/history/sends/{id}`: one recorded send in full, as far as the reader's role may see it. */
import { queryOptions } from '@tanstack/react-query';
import { SendDetail } from '#contract/send-history';
import { apiRequest } from '@/lib/api-client';
import { sendRecordKeys } from './send-record-keys';

export function getSendRecord(recordId: string, signal?: AbortSignal): Promise<SendDetail> {
  return apiRequest(`/history/sends/${encodeURIComponent(recordId)}`, {
    method: 'GET',
    schema: SendDetail,
    signal,
  });
}

export function sendRecordQueryOptions(recordId: string) {
  return queryOptions({
    queryKey: sendRecordKeys.record(recordId),
    queryFn: ({ signal }) => getSendRecord(recordId, signal),
    // A completed record never changes; one without an answer yet may still be completed, and one scheduled may
    // still be moved, cancelled or run.
    staleTime: (query) => {
      const status = query.state.data?.status;
      return status === undefined || status === 'pending' || status === 'scheduled' ? 0 : Infinity;
    },
  });
}
