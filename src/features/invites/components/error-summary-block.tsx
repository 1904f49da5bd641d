import {
  EVENT_TYPE_ID,
  PICKER_ID,
  SEARCH_ID,
  travelerCheckboxId,
  travelerChipId,
} from '@/components/send-errors/field-ids';
import type { SelectedTraveler } from '@/types/selected-traveler';
import type { ErrorField } from '@/components/send-errors/map-errors';
import { CheckTravelersStates } from '@/components/send-errors/check-travelers-states';
import { ErrorSummary, type SummaryLink } from '@/components/send-errors/error-summary';
import { NO_ERRORS, type SendFailure } from '../hooks/use-invite-sending';

export interface ErrorSummaryBlockProps {
  eventId: string;
  /** Changes when the summary should take focus: a refused submit, a failed send. */
  focusKey: number;
  /** The console's own "choose at least one traveler". */
  validationMessage?: string;
  failure?: SendFailure;
  inviteAll: boolean;
  selectedById: ReadonlyMap<string, SelectedTraveler>;
}

/** The error summary of the invite form, wired to the form's fields; nothing when there is nothing to report. */
export function ErrorSummaryBlock({
  eventId,
  focusKey,
  validationMessage,
  failure,
  inviteAll,
  selectedById,
}: ErrorSummaryBlockProps) {
  const mapped = failure?.mapped ?? NO_ERRORS;
  const report = failure?.report;
  // A failure told by its entries alone is over once the manager has changed every field they named.
  const shown = report && !(report.explainedByEntries && mapped.entries.length === 0) ? report : undefined;
  if (!validationMessage && !shown) return null;

  function fieldElementId(field: ErrorField): string {
    if (field.kind === 'type') return EVENT_TYPE_ID;
    if (field.kind === 'userIds') return inviteAll ? PICKER_ID : SEARCH_ID;
    // The chip is always on screen; the row may be scrolled away or filtered out.
    const chip = travelerChipId(field.userId);
    return document.getElementById(chip) ? chip : travelerCheckboxId(field.userId);
  }

  function linkFor(field: ErrorField): SummaryLink {
    const label =
      field.kind === 'type'
        ? 'Event type'
        : field.kind === 'userIds'
          ? 'Travelers'
          : (selectedById.get(field.userId)?.name ?? 'the traveler');
    return {
      href: `#${field.kind === 'traveler' ? travelerChipId(field.userId) : fieldElementId(field)}`,
      label,
    };
  }

  function focusField(field: ErrorField) {
    const element = document.getElementById(fieldElementId(field));
    element?.scrollIntoView?.({ block: 'center' });
    element?.focus();
  }

  return (
    <ErrorSummary
      focusKey={focusKey}
      title={shown?.title}
      advice={shown?.advice}
      validation={validationMessage ? [{ message: validationMessage, field: { kind: 'userIds' } }] : []}
      entries={mapped.entries}
      debugIdentifier={shown ? mapped.debugIdentifier : undefined}
      linkFor={linkFor}
      onFocusField={focusField}
      actions={
        // Keyed by the failure: each unknown outcome starts with a fresh check.
        shown?.outcomeUnknown && <CheckTravelersStates key={failure?.submittedAt} eventId={eventId} />
      }
    />
  );
}
