/**
 * The invite form's values: react-hook-form with the form's schema, starting from a draft restored after signing
 * in again (and saved as one when the session ends), and whether "your choices were restored" still stands: it
 * says nothing has been sent yet, so it goes once the manager dismisses it or confirms a send.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { EventType } from '#contract';
import { InviteFormSchema, type InviteFormValues } from '../utils/invite-form-schema';
import { useRestoredDraft, useSaveDraftWhenSessionEnds } from './use-invite-draft';

export function useInviteForm(eventId: string, eventType: EventType) {
  const draft = useRestoredDraft(eventId, eventType);
  const [restoredShown, setRestoredShown] = useState(draft.restored);
  const form = useForm<InviteFormValues>({
    resolver: zodResolver(InviteFormSchema),
    defaultValues: draft.defaultValues,
  });
  useSaveDraftWhenSessionEnds(eventId, eventType, form);
  return { form, restoredShown, dismissRestored: () => setRestoredShown(false) };
}
