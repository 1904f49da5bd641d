import Alert from '@mui/material/Alert';
import type { EventStatus } from '#contract';

export interface InviteFormNoticesProps {
  eventStatus?: EventStatus;
  /** Why the signed-in person may not send (their role); undefined when they may. */
  notAllowedReason?: string;
  notAllowedId: string;
  /** The form came back from a draft saved when the session ended. */
  restored: boolean;
  onDismissRestored: () => void;
}

/** What the manager should know before touching the form: the event's state, their role, a restored draft. */
export function InviteFormNotices({
  eventStatus,
  notAllowedReason,
  notAllowedId,
  restored,
  onDismissRestored,
}: InviteFormNoticesProps) {
  return (
    <>
      {eventStatus === 'DRAFT' && (
        <Alert role="note" severity="info" sx={{ mb: 2 }}>
          This event is a draft. Spotnana may refuse to send invites until it is published.
        </Alert>
      )}
      {eventStatus === 'CANCELLED' && (
        <Alert role="note" severity="warning" sx={{ mb: 2 }}>
          This event is cancelled. Travelers would be invited to an event that will not take place.
        </Alert>
      )}
      {notAllowedReason !== undefined && (
        // A status: the role arrives after the form may have rendered, and the change must be heard.
        <Alert id={notAllowedId} role="status" severity="info" sx={{ mb: 2 }}>
          {notAllowedReason}
        </Alert>
      )}
      {restored && (
        <Alert role="status" severity="success" onClose={onDismissRestored} sx={{ mb: 2 }}>
          Your choices were restored after signing in again. Nothing has been sent yet.
        </Alert>
      )}
    </>
  );
}
