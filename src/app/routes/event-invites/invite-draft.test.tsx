import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { errorResponse } from '@/testing/mock-api';
import { fullNameOf, makeTravelers, travelerId } from '@/features/travelers/testing/fake-travelers';
import {
  DRAFT_MAX_AGE_MS,
  inviteDraftKey,
  readInviteDraft,
  saveInviteDraft,
} from '@/features/invites/utils/invite-draft';
import { SEND, settle, setUpInvitePanelTests, TEST } from './testing/invite-panel-test';

const RESTORED = 'Your choices were restored after signing in again. Nothing has been sent yet.';
const VIEWER_REASON =
  "Your role (viewer) lets you see this event's invites but not send them. Ask an administrator for the sender role.";

const travelers = makeTravelers(25);
const { api: currentApi, renderPanel } = setUpInvitePanelTests(travelers);

async function confirmSend(user: ReturnType<typeof renderPanel>['user'], question: string) {
  await user.click(screen.getByRole('button', { name: 'Send invites' }));
  const dialog = await screen.findByRole('dialog', { name: question });
  await user.click(within(dialog).getByRole('button', { name: 'Send' }));
}

describe('the invite draft across a sign-in', () => {
  it('saves type, "Invite all" and the selection when a send answers 401 sign-in required, and sends nothing more', async () => {
    currentApi().use({
      [SEND]: () => errorResponse(401, [{ errorCode: 'SIGN_IN_REQUIRED', message: 'Sign in again.' }]),
    });
    const { user } = renderPanel();
    await user.click(await screen.findByRole('checkbox', { name: fullNameOf(travelers[0]!) }));
    await user.click(screen.getByRole('checkbox', { name: fullNameOf(travelers[2]!) }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Event type' }), 'PROGRAM');

    await confirmSend(user, 'Send invites to 2 travelers?');

    expect(await screen.findByText('Your session has ended (HTTP 401).')).toBeInTheDocument();
    expect(readInviteDraft('evt-1')).toEqual({
      type: 'PROGRAM',
      inviteAll: false,
      selectedIds: [travelers[0]!.id, travelers[2]!.id],
    });
    expect(currentApi().callsTo(SEND)).toHaveLength(1);
    expect(currentApi().callsTo(TEST)).toHaveLength(0);
  });

  it('restores a fresh draft of 3,000 travelers once, says so, and sends only when confirmed again', async () => {
    const ids = Array.from({ length: 3000 }, (_, i) => travelerId(i));
    saveInviteDraft('evt-1', { type: 'PROGRAM_SESSION', inviteAll: true, selectedIds: ids });
    // Ids only: 3,000 UUIDs stay well under sessionStorage's few megabytes.
    expect(sessionStorage.getItem(inviteDraftKey('evt-1'))!.length).toBeLessThan(3000 * 40);
    const { user } = renderPanel({ travelerCount: 4000 });

    // Announced: the notice is a status.
    expect((await screen.findByText(RESTORED)).closest('[role="status"]')).not.toBeNull();
    expect(screen.getByRole('combobox', { name: 'Event type' })).toHaveValue('PROGRAM_SESSION');
    expect(screen.getByRole('switch', { name: 'Invite all travelers' })).toBeChecked();
    expect(screen.getByText(/Your selection of 3,000 travelers is kept/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Selected: 3,000 travelers' })).toBeInTheDocument();
    // Taken once: a reload would start afresh.
    await waitFor(() => expect(sessionStorage.getItem(inviteDraftKey('evt-1'))).toBeNull());
    expect(currentApi().callsTo(SEND)).toHaveLength(0);

    await user.click(screen.getByRole('switch', { name: 'Invite all travelers' }));
    await confirmSend(user, 'Send invites to 3,000 travelers?');
    await waitFor(() => expect(currentApi().callsTo(SEND)).toHaveLength(1));
    const body = currentApi().callsTo(SEND)[0]!.body as { type: string; userIds: { id: string }[] };
    expect(body.type).toBe('PROGRAM_SESSION');
    expect(body.userIds.map((u) => u.id)).toEqual(ids);
    // Sent: "nothing has been sent yet" is no longer true, and the form is a new one.
    expect(await screen.findByText('Invites sent to 3,000 travelers.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await settle();
    expect(screen.queryByText(RESTORED)).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Selected: 0 travelers' })).toBeInTheDocument();
  });

  it("ignores a stale draft (and drops it) and another event's draft", async () => {
    saveInviteDraft(
      'evt-1',
      { type: 'PROGRAM', inviteAll: true, selectedIds: [travelerId(1)] },
      Date.now() - DRAFT_MAX_AGE_MS - 1000,
    );
    saveInviteDraft('evt-2', { type: 'PROGRAM_SESSION', inviteAll: true, selectedIds: [travelerId(2)] });
    renderPanel();

    expect(await screen.findByRole('heading', { name: 'Selected: 0 travelers' })).toBeInTheDocument();
    expect(screen.queryByText(RESTORED)).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Event type' })).toHaveValue('GENERIC');
    expect(screen.getByRole('switch', { name: 'Invite all travelers' })).not.toBeChecked();
    expect(sessionStorage.getItem(inviteDraftKey('evt-1'))).toBeNull();
    expect(sessionStorage.getItem(inviteDraftKey('evt-2'))).not.toBeNull();
  });
});

describe('a person who may not send', () => {
  it('sees the form read-only with the reason, which describes both send buttons; nothing can be sent', async () => {
    const { user } = renderPanel({ sendNotAllowedReason: VIEWER_REASON });

    expect(screen.getByText(VIEWER_REASON).closest('[role="status"]')).not.toBeNull();
    const send = screen.getByRole('button', { name: 'Send invites' });
    const test = screen.getByRole('button', { name: 'Send test invite' });
    expect(send).toBeDisabled();
    expect(test).toBeDisabled();
    expect(send).toHaveAccessibleDescription(VIEWER_REASON);
    expect(test).toHaveAccessibleDescription(VIEWER_REASON);
    expect(screen.getByRole('combobox', { name: 'Event type' })).toBeDisabled();
    expect(screen.getByRole('switch', { name: 'Invite all travelers' })).toBeDisabled();
    // The travelers and their states stay visible.
    expect(await screen.findByRole('checkbox', { name: fullNameOf(travelers[0]!) })).toBeInTheDocument();

    // Enter in the form would submit it: still no confirmation, no request.
    screen.getByRole('combobox', { name: 'Event type' }).closest('form')!.requestSubmit();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(currentApi().callsTo(SEND)).toHaveLength(0);
    expect(currentApi().callsTo(TEST)).toHaveLength(0);
  });

  it('shows a 403 role refusal of a raced send in the error summary', async () => {
    currentApi().use({
      [SEND]: () => errorResponse(403, [{ errorCode: 'ROLE_NOT_ALLOWED', message: 'Viewers cannot send.' }]),
    });
    const { user } = renderPanel();
    await user.click(screen.getByRole('switch', { name: 'Invite all travelers' }));
    await confirmSend(user, 'Send invites to all 25 travelers?');
    expect(
      await screen.findByText('Your role does not allow sending invites (HTTP 403).'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Viewers cannot send\./)).toBeInTheDocument();
  });
});
