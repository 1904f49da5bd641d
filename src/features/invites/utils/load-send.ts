/**
 * "Load into the form": a recorded send's event type, scope and travelers put back on the invite form, so that its
 * refused entries point at their fields again.
 */
import type { UseFormReturn } from 'react-hook-form';
import { EventType } from '#contract';
import type { SendDetail } from '#contract/send-history';
import type { SelectedTraveler } from '@/types/selected-traveler';
import { submitRefused } from './form-lifecycle';
import type { InviteFormValues } from './invite-form-schema';

export function loadSendIntoForm(
  form: UseFormReturn<InviteFormValues>,
  record: SendDetail,
  /** Travelers on the form already: their names stay, the chips look up the rest. */
  known: ReadonlyMap<string, SelectedTraveler>,
) {
  const type = EventType.safeParse(record.eventType);
  if (type.success) form.setValue('type', type.data, { shouldDirty: true });
  form.setValue('inviteAll', record.scope === 'all', { shouldDirty: true });
  // A request may name a traveler twice; the form holds each once (the entries are mapped from the record).
  const ids = [...new Set(record.travelerIds ?? [])];
  form.setValue(
    'selected',
    ids.map((id) => known.get(id) ?? { id }),
    { shouldValidate: submitRefused(form) },
  );
}
