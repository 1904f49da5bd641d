/**
 * A failed schedule, reschedule or cancel in plain words, with every entry of the answer: those naming `sendAt` go
 * to the "Send at" field, the rest to the dialog's summary. None is dropped.
 */
import { describeRequestError, httpStatusText } from '@/components/api-error-text';
import type { MappedEntry } from '@/components/send-errors/map-errors';
import { ApiError } from '@/lib/api-client';

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
  const started = entries.some((e) => e.error.errorCode === SCHEDULED_SEND_STARTED);
  const base = { atField, inSummary, debugIdentifier: body?.debugIdentifier };

  if (status === 409 && started) {
    return {
      ...base,
      title: 'This send has already started: it can no longer be changed or cancelled.',
      advice: 'Its outcome will appear in the History once it has finished.',
    };
  }
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
  // No answer, or a server failure: the request may have been carried out.
  const unknown =
    error instanceof ApiError &&
    (error.failure.kind === 'timeout' || (status !== undefined && status >= 500));
  if (unknown) {
    return {
      ...base,
      title: `No clear answer came back: ${describeRequestError(error)}`,
      advice: 'It may have been done anyway: check the History before trying again.',
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
