/**
 * When the invite form checks its one rule ("choose at least one traveler") and when it starts again. The rule is
 * checked when "Send invites" is pressed. If that press was refused for it, every change re-checks it until the next
 * press, so ticking a traveler clears the message and unticking brings it back. A press that passed (whatever the
 * send's outcome), or a new form, leaves changes unchecked. A send or test invite that worked starts a new form.
 */
import type { UseFormReturn } from 'react-hook-form';
import type { InviteFormValues } from './invite-form-schema';

type InviteForm = Pick<UseFormReturn<InviteFormValues>, 'formState' | 'getValues' | 'reset'>;

/** The last press of "Send invites" was refused by the form's own rule: a change then re-checks it. */
export function submitRefused({ formState }: Pick<InviteForm, 'formState'>): boolean {
  return formState.isSubmitted && !formState.isSubmitSuccessful;
}

/**
 * After a success: a new form (not submitted, no errors) with the same type and switch, and whoever is still
 * chosen. `sentIds` leave the selection; travelers ticked while the send was under way stay.
 */
export function startFormAfresh(form: InviteForm, sentIds: readonly string[] = []) {
  const values = form.getValues();
  const sent = new Set(sentIds);
  form.reset({ ...values, selected: values.selected.filter((t) => !sent.has(t.id)) });
}
