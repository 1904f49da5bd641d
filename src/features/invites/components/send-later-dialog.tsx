import { eventTypeLabel } from '@/components/labels';
import { formatQuantity } from '@/components/format';
import { SendAtDialog } from '@/components/send-at/send-at-dialog';
import type { LaterRequest, SendLater } from '../hooks/use-send-later';

export interface SendLaterDialogProps {
  action: 'send' | 'remind';
  later: SendLater & { asked: LaterRequest };
  venueTimeZone: string | undefined;
}

/** What is about to be scheduled, in words: the dialog's description. */
function summaryOf(action: SendLaterDialogProps['action'], { type, userIds, count }: LaterRequest): string {
  const as = `as a ${eventTypeLabel(type).toLowerCase()}`;
  const until = 'Until it starts, the History lets you change its time or cancel it.';
  if (action === 'remind') {
    const now = count === undefined ? '' : ` (${formatQuantity(count, 'traveler')} now)`;
    return `A reminder ${as}, to whoever is still invited and has not answered when it runs${now}. ${until}`;
  }
  const to = userIds
    ? `the ${formatQuantity(userIds.length, 'traveler')} chosen now`
    : `all travelers of the event${count === undefined ? '' : ` (${formatQuantity(count, 'traveler')} now)`}`;
  return `Invites ${as} to ${to}. ${until}`;
}

/** "Send later" / "Remind later": the Send at dialog for what the form or the Reminders section asked. */
export function SendLaterDialog({ action, later, venueTimeZone }: SendLaterDialogProps) {
  return (
    <SendAtDialog
      title={action === 'remind' ? 'Remind later' : 'Send later'}
      summary={summaryOf(action, later.asked)}
      confirmLabel={action === 'remind' ? 'Schedule reminder' : 'Schedule send'}
      busyLabel={action === 'remind' ? 'Scheduling the reminder…' : 'Scheduling the send…'}
      operation="schedule"
      venueTimeZone={venueTimeZone}
      pending={later.pending}
      error={later.error}
      onConfirm={later.confirm}
      onClose={later.close}
    />
  );
}
