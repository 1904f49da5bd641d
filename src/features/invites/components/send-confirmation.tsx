import { lazy, Suspense } from 'react';
import { LoadBoundary } from '@/components/load-boundary';
import type { Confirmation } from '../hooks/use-send-confirmation';
import type { RecentInvitesCheck } from '../utils/recent-invites-check';

// The confirmation's code (MUI's dialog, modal and focus trap) loads when the manager heads for "Send invites",
// not with the page.
const loadSendConfirmDialog = () => import('./send-confirm-dialog');
const SendConfirmDialog = lazy(() => loadSendConfirmDialog().then((m) => ({ default: m.SendConfirmDialog })));

export function preloadSendConfirmDialog() {
  // Only a head start: a failed download shows where the dialog is rendered (LoadBoundary), not here.
  loadSendConfirmDialog().catch(() => undefined);
}

export interface SendConfirmationProps {
  eventId: string;
  recentInvites?: RecentInvitesCheck;
  confirmation: Confirmation | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The confirmation dialog of the send fixed when "Send invites" was pressed, once its code has loaded. */
export function SendConfirmation({
  eventId,
  recentInvites,
  confirmation,
  onConfirm,
  onCancel,
}: SendConfirmationProps) {
  if (!confirmation) return null;
  return (
    <LoadBoundary what="the confirmation" consequence="Nothing was sent.">
      <Suspense fallback={null}>
        <SendConfirmDialog
          eventId={eventId}
          confirmationId={confirmation.id}
          recentInvites={recentInvites}
          userIds={confirmation.request.userIds}
          open={confirmation.open}
          count={confirmation.count}
          all={confirmation.request.userIds === undefined}
          type={confirmation.request.type}
          onConfirm={onConfirm}
          onCancel={onCancel}
        />
      </Suspense>
    </LoadBoundary>
  );
}
