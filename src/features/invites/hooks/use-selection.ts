/**
 * The chosen travelers: the form's `selected` field (react-hook-form owns it), with the ways the picker, the chips
 * and a finished send change it. Every change reports the travelers it removed, so their errors can go too.
 */
import { useMemo } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { SelectedTraveler } from '@/types/selected-traveler';
import { submitRefused } from '../utils/form-lifecycle';
import type { InviteFormValues } from '../utils/invite-form-schema';

export function useSelection(
  form: UseFormReturn<InviteFormValues>,
  onChange: (removedIds: readonly string[]) => void,
) {
  const { control, getValues, setValue } = form;
  const selected = useWatch({ control, name: 'selected' });
  const selectedIds = useMemo(() => new Set(selected.map((t) => t.id)), [selected]);
  const selectedById = useMemo(() => new Map(selected.map((t) => [t.id, t])), [selected]);

  function replace(next: SelectedTraveler[], removedIds: readonly string[]) {
    // Not `shouldDirty`: nothing reads the dirty state, and it would deep-compare a selection of 10,000 on every tick.
    setValue('selected', next, { shouldValidate: submitRefused(form) });
    onChange(removedIds);
  }

  function toggle(traveler: SelectedTraveler, checked: boolean) {
    if (!checked) return remove([traveler.id]);
    if (selectedIds.has(traveler.id)) return;
    replace([...selected, traveler], []);
  }

  /**
   * "Select all N matching" and "Paste a list": the new travelers go after the ones already chosen, each once.
   * Reads the selection as it is now, not as it was when the (asynchronous) bulk action started.
   */
  function selectMany(travelers: readonly SelectedTraveler[]) {
    const current = getValues('selected');
    const have = new Set(current.map((t) => t.id));
    const added = travelers.filter((t) => !have.has(t.id) && have.add(t.id));
    if (added.length > 0) replace([...current, ...added], []);
  }

  /** Takes travelers out of the selection as it is now: a send may finish after more were ticked. */
  function remove(userIds: Iterable<string>) {
    const gone = new Set(userIds);
    replace(
      getValues('selected').filter((t) => !gone.has(t.id)),
      [...gone],
    );
  }

  function clear() {
    remove(getValues('selected').map((t) => t.id));
  }

  return { selected, selectedIds, selectedById, toggle, selectMany, remove, clear };
}

/** The chosen travelers and every way to change them. */
export type Selection = ReturnType<typeof useSelection>;
