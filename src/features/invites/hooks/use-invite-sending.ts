/**
 * "Send invites" and "Send test invite", each its own React Query mutation: what is pending, what failed and what
 * was sent come from them. Kept here is only the manager's own doing: the fields changed since a failure, and a
 * refused send loaded from the History (the record as the History read it: a refused send never changes), whose
 * entries then stand on the form until the next send.
 */
import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SendDetail } from '#contract/send-history';
import { formatQuantity } from '@/components/format';
import { describeFailure, type FailureReport } from '@/components/send-errors/describe-failure';
import {
  clearField,
  mapErrors,
  type ErrorField,
  type MappedErrors,
} from '@/components/send-errors/map-errors';
import { recordFailure } from '@/components/send-errors/record-failure';
import { sendInviteKey, useSendInvite, type SendInviteInput } from '../api/send-invite';
import { sendTestInviteKey, useSendTestInvite } from '../api/send-test-invite';

export const NO_ERRORS: MappedErrors = {
  entries: [],
  type: [],
  userIds: [],
  travelers: new Map(),
  summary: [],
};

export interface SendFailure {
  report: FailureReport;
  /** The envelope's entries by field, less those of fields changed since. */
  mapped: MappedErrors;
  /** When the failed send was submitted: tells one failure from the next. */
  submittedAt: number;
}

/** A line of the form's status: under way, or done (a success, shown as one). */
export interface ActionStatus {
  text: string;
  done: boolean;
}

export interface SendCallbacks {
  onSuccess?: (request: SendInviteInput) => void;
  onError?: () => void;
}

/** "3 travelers", or "all 10,000 travelers" when the request left `userIds` out. */
function sentTo({ userIds }: SendInviteInput, travelerCount: number): string {
  return userIds
    ? formatQuantity(userIds.length, 'traveler')
    : `all ${formatQuantity(travelerCount, 'traveler')}`;
}

export function useInviteSending(eventId: string, travelerCount: number) {
  const queryClient = useQueryClient();
  const send = useSendInvite(eventId);
  const testInvite = useSendTestInvite(eventId);
  const [changed, setChanged] = useState<readonly ErrorField[]>([]);
  // A record the History has just read, loaded into the form: what it showed then, not a query of its own.
  const [loaded, setLoaded] = useState<{ record: SendDetail; at: number }>();

  const { error, variables, submittedAt } = send;
  // A send made after the record was loaded has the last word (its own success or failure).
  const shownRecord = loaded !== undefined && loaded.at > submittedAt ? loaded : undefined;
  const explained = useMemo(() => {
    if (shownRecord) {
      const fromRecord = recordFailure(shownRecord.record);
      return fromRecord && { ...fromRecord, submittedAt: shownRecord.at };
    }
    if (!error || !variables) return undefined;
    const report = describeFailure(error, 'invites', submittedAt);
    // `userIds[i]` in an entry points into the request that failed, not into today's selection.
    const mapped = report.body ? mapErrors(report.body, variables.userIds ?? []) : NO_ERRORS;
    return { report, mapped, submittedAt };
  }, [error, variables, submittedAt, shownRecord]);
  const failure = useMemo<SendFailure | undefined>(
    () => explained && { ...explained, mapped: changed.reduce(clearField, explained.mapped) },
    [explained, changed],
  );

  const testError = testInvite.error;
  const testSubmittedAt = testInvite.submittedAt;
  const testFailure = useMemo(
    () => (testError ? describeFailure(testError, 'test invite', testSubmittedAt) : undefined),
    [testError, testSubmittedAt],
  );

  /** Mutation state reaches the render later; the cache knows at once, so a second click cannot send again. */
  const busy = (mutationKey: readonly string[]) => queryClient.isMutating({ mutationKey }) > 0;

  function sendInvites(request: SendInviteInput, callbacks: SendCallbacks = {}) {
    if (busy(sendInviteKey(eventId))) return;
    setChanged([]);
    setLoaded(undefined);
    send.mutate(request, {
      onSuccess: (_data, sent) => callbacks.onSuccess?.(sent),
      onError: callbacks.onError,
    });
  }

  function sendTest(callbacks: { onSuccess?: () => void } = {}) {
    if (busy(sendTestInviteKey(eventId))) return;
    testInvite.mutate(undefined, { onSuccess: () => callbacks.onSuccess?.() });
  }

  /** A refused send from the History: its entries stand on the form (mapped to the ids it was sent to). */
  function showRecordedFailure(record: SendDetail) {
    setChanged([]);
    setLoaded({ record, at: Date.now() });
  }

  /** The manager changed these fields: their errors have been dealt with. */
  function clearErrors(...fields: ErrorField[]) {
    if (failure) setChanged((current) => [...current, ...fields]);
  }

  const sendStatus: ActionStatus | undefined =
    !variables || loaded
      ? undefined
      : send.isPending
        ? { text: `Sending invites to ${sentTo(variables, travelerCount)}…`, done: false }
        : send.isSuccess
          ? { text: `Invites sent to ${sentTo(variables, travelerCount)}.`, done: true }
          : undefined;
  const testStatus: ActionStatus | undefined = testInvite.isPending
    ? { text: 'Sending a test invite…', done: false }
    : testInvite.isSuccess
      ? { text: 'Test invite sent to the account the console signs in with. Check its inbox.', done: true }
      : undefined;

  return {
    sendInvites,
    sendTest,
    clearErrors,
    showRecordedFailure,
    isSending: send.isPending,
    isTesting: testInvite.isPending,
    failure,
    testFailure,
    sendStatus,
    testStatus,
  };
}
