/**
 * The send the manager is asked to confirm, fixed when "Send invites" is pressed: a "Select all" that finishes
 * while the dialog is open must not change whom the confirmed send goes to. `open` is false while it fades out.
 */
import { useState } from 'react';
import type { SendInviteInput } from '../api/send-invite';

export interface Confirmation {
  /** One per press of "Send invites": the recent-invites check is asked once for it. */
  id: string;
  request: SendInviteInput;
  /** How many travelers it goes to: the selection, or every traveler of the event. */
  count: number;
  open: boolean;
}

export function useSendConfirmation() {
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);

  function close() {
    setConfirmation((asked) => asked && { ...asked, open: false });
  }

  return {
    confirmation,
    ask(request: SendInviteInput, count: number) {
      setConfirmation({ id: crypto.randomUUID(), request, count, open: true });
    },
    close,
    /** The confirmed request, and the dialog closes; undefined when it is not open (a second click). */
    take(): SendInviteInput | undefined {
      if (!confirmation?.open) return undefined;
      close();
      return confirmation.request;
    },
  };
}
