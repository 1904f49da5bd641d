import type { UseFormReturn } from 'react-hook-form';
import { useSendLater } from '../hooks/use-send-later';
import type { InviteFormValues } from '../utils/invite-form-schema';
import { SendLater } from './send-later';

export interface FormSendLaterOptions {
  eventId: string;
  form: UseFormReturn<InviteFormValues>;
  /** The person may not send: "Send later" does nothing. */
  readOnly: boolean;
  /** Every traveler of the event: how many "Invite all travelers" schedules for now. */
  travelerCount: number;
  venueTimeZone: string | undefined;
  /** The form's rules refused its values: the form's error summary takes over. */
  onRefused: () => void;
}

/**
 * The invite form's "Send later": what the action bar's button does and the status it reports, and the Send at
 * dialog. The values are those "Send invites" would send, checked by the same rules first.
 */
export function useFormSendLater({
  eventId,
  form,
  readOnly,
  travelerCount,
  venueTimeZone,
  onRefused,
}: FormSendLaterOptions) {
  const later = useSendLater(eventId, 'send');

  function askToSchedule(values: InviteFormValues) {
    if (readOnly) return;
    const userIds = values.inviteAll ? undefined : values.selected.map((t) => t.id);
    later.open({ type: values.type, userIds, count: userIds?.length ?? travelerCount });
  }

  return {
    scheduleStatus: later.status,
    onSendLater: () => void form.handleSubmit(askToSchedule, onRefused)(),
    dialog: <SendLater action="send" later={later} venueTimeZone={venueTimeZone} />,
  };
}
