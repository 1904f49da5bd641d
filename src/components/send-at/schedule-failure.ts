/**
 * A failed schedule, reschedule or cancel in plain words, with every entry of the answer: those naming `sendAt` go
 * to the "Send at" field, the rest to the dialog's summary. None is dropped.
 */
import { describeRequestError, httpStatusText } from '@/components/api-error-text';
import type { MappedEntry } from '@/components/send-errors/map-errors';
import { ApiError, outcomeUnknown } from '@/lib/api-client';

export type ScheduleOperation = 'schedule' | 'reschedule' | 'cancel';

export interface ScheduleFailure {
  title: string;
  advice: string;
  /** Entries with a parameter named `sendAt`: shown at the field. */
  atField: MappedEntry[];
  /** Every other entry: shown in the summary. */
  inSummary: MappedEntry[];
  debugIdentifier?: string;
}

/** The server's 409 once a scheduled send has begun: it can be neither moved nor cancelled any more. */
export const SCHEDULED_SEND_STARTED = 'SCHEDULED_SEND_STARTED';

const NOT_DONE: Record<ScheduleOperation, string> = {
  schedule: 'The send was not scheduled',
  reschedule: 'The time was not changed',
  cancel: 'The scheduled send was not cancelled',
};

export function describeScheduleFailure(error: unknown, operation: ScheduleOperation): ScheduleFailure {
  const body =
    error instanceof ApiError && error.failure.kind === 'spotnana' ? error.failure.body : undefined;
  const entries: MappedEntry[] = (body?.errorMessages ?? []).map((entry, index) => ({
    index,
    error: entry,
    fields: [],
  }));
  const namesSendAt = (entry: MappedEntry) =>
    (entry.error.errorParameters ?? []).some((p) => p.name?.trim() === 'sendAt');
  const atField = entries.filter(namesSendAt);
  const inSummary = entries.filter((entry) => !namesSendAt(entry));
  const status = error instanceof ApiError ? error.status : undefined;
  const started = entries.find((e) => e.error.errorCode === SCHEDULED_SEND_STARTED);
  const base = { atField, inSummary, debugIdentifier: body?.debugIdentifier };

  if (status === 409 && started) return { ...base, ...noLongerScheduled(started, operation) };
  if (status === 403) {
    return {
      ...base,
      title: `${NOT_DONE[operation]}. You are not allowed to do this (HTTP 403).`,
      advice:
        operation === 'schedule'
          ? 'Scheduling needs the sender role.'
          : 'Only the person who scheduled it, or an administrator, can change or cancel it.',
    };
  }
  if (outcomeUnknown(error)) {
    return {
      ...base,
      title: `No clear answer came back: ${describeRequestError(error)}`,
      advice:
        operation === 'schedule'
          ? 'It may have been scheduled anyway. Confirming the same time again is safe: it is never scheduled twice. Check the History before choosing another time.'
          : 'It may have been done anyway: check the History before trying again.',
    };
  }
  return {
    ...base,
    // With entries, they say why (listed beside this); without, the status has to.
    title:
      entries.length > 0 && status !== undefined
        ? `${NOT_DONE[operation]} (${httpStatusText(status)}).`
        : `${NOT_DONE[operation]}. ${describeRequestError(error)}`,
    advice: atField.length > 0 ? 'Fix the time and try again.' : 'Nothing was changed. Try again.',
  };
}

/**
 * A 409 SCHEDULED_SEND_STARTED in words, by the `status` the send has now: it started (`pending`), was cancelled,
 * or has already run (any outcome). Without one, it has started.
 */
function noLongerScheduled(
  entry: MappedEntry,
  operation: ScheduleOperation,
): Pick<ScheduleFailure, 'title' | 'advice'> {
  const status = entry.error.errorParameters?.find((p) => p.name?.trim() === 'status')?.value?.trim();
  if (status === 'cancelled') {
    return {
      title:
        operation === 'cancel'
          ? 'This send was already cancelled: nothing will be sent.'
          : 'This send was already cancelled: its time can no longer be changed.',
      advice: 'Nothing was changed. The History lists it as cancelled.',
    };
  }
  if (status === undefined || status === '' || status === 'pending') {
    return {
      title: 'This send has already started: it can no longer be changed or cancelled.',
      advice: 'Its outcome will appear in the History once it has finished.',
    };
  }
  return {
    title: 'This send has already run: it can no longer be changed or cancelled.',
    advice: 'Nothing was changed. Its outcome is in the History.',
  };
}
