/**
 * The invite form survives a session that ends mid-task: `useRestoredDraft` gives the form its starting values
 * from a saved draft (once: the draft is removed as it is taken), and `useSaveDraftWhenSessionEnds` saves the
 * form as it is when the session ends and again just before leaving to sign in. Nothing here sends anything.
 */
import { useEffect, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { EventType } from '#contract';
import { useSaveWhenSessionEnds } from '@/lib/session-end';
import type { InviteFormValues } from '../utils/invite-form-schema';
import { readInviteDraft, removeInviteDraft, saveInviteDraft } from '../utils/invite-draft';

/** The form's starting values, from this event's draft when there is a fresh one. */
export function useRestoredDraft(eventId: string, eventType: EventType) {
  // Read once, in an initializer (reading twice is harmless); removed in an effect, so a re-render reads no other.
  const [start] = useState(() => {
    const draft = readInviteDraft(eventId);
    const defaultValues: InviteFormValues = draft
      ? { type: draft.type, inviteAll: draft.inviteAll, selected: draft.selectedIds.map((id) => ({ id })) }
      : { type: eventType, inviteAll: false, selected: [] };
    return { restored: draft !== undefined, defaultValues };
  });
  useEffect(() => {
    if (start.restored) removeInviteDraft(eventId);
  }, [start.restored, eventId]);
  return start;
}

export function useSaveDraftWhenSessionEnds(
  eventId: string,
  eventType: EventType,
  { getValues }: UseFormReturn<InviteFormValues>,
) {
  useSaveWhenSessionEnds(() => {
    const { type, inviteAll, selected } = getValues();
    // An untouched form has nothing to keep, and "your choices were restored" would be untrue.
    if (type === eventType && !inviteAll && selected.length === 0) return;
    saveInviteDraft(eventId, { type, inviteAll, selectedIds: selected.map((t) => t.id) });
  });
}
