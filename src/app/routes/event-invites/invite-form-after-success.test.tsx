/**
 * What the invite form shows after a send or test invite that worked, and after the other ways it changes under
 * the manager: a success is a status with no error anywhere, and a change never raises "choose at least one
 * traveler" unless "Send invites" was pressed and refused for it.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { deferred, errorResponse } from '@/testing/mock-api';
import { NO_TRAVELER_MESSAGE } from '@/features/invites/utils/invite-form-schema';
import { fullNameOf, makeTravelers } from '@/features/travelers/testing/fake-travelers';
import { SEND, sendAndConfirm, settle, setUpInvitePanelTests, TEST } from './testing/invite-panel-test';

const travelers = makeTravelers(25);
const [ANN, BOB] = travelers.slice(0, 2).map(fullNameOf) as [string, string];
const { api: currentApi, renderPanel } = setUpInvitePanelTests(travelers);
/** A success as the manager should find it: the status says it, and no alert, inline error or invalid field. */
async function expectCleanSuccess(message: string | RegExp) {
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(message));
  await settle();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.queryByText(NO_TRAVELER_MESSAGE)).not.toBeInTheDocument();
  expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
}

describe('The event page’s invite form: after a success', { timeout: 120_000 }, () => {
  it('a send to chosen travelers leaves a new form with the same type; unticking then raises no error', async () => {
    const { user } = renderPanel();
    await user.click(await screen.findByRole('checkbox', { name: ANN }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Event type' }), 'PROGRAM');
    await sendAndConfirm(user, 'Send invites to 1 traveler?');

    await expectCleanSuccess('Invites sent to 1 traveler.');
    expect(screen.getByRole('combobox', { name: 'Event type' })).toHaveValue('PROGRAM');
    expect(screen.getByRole('heading', { name: 'Selected: 0 travelers' })).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: BOB }));
    await user.click(screen.getByRole('checkbox', { name: BOB }));
    await expectCleanSuccess('Invites sent to 1 traveler.');
  });

  it('a send to all travelers keeps the switch on; switching it off then raises no error', async () => {
    const { user } = renderPanel();
    await screen.findByRole('checkbox', { name: ANN });
    const inviteAll = screen.getByRole('switch', { name: 'Invite all travelers' });
    await user.click(inviteAll);
    await sendAndConfirm(user, 'Send invites to all 25 travelers?');

    await expectCleanSuccess('Invites sent to all 25 travelers.');
    expect(inviteAll).toBeChecked();
    await user.click(inviteAll);
    await expectCleanSuccess('Invites sent to all 25 travelers.');
  });

  it('a test invite after "Send invites" was refused for want of travelers leaves a new form', async () => {
    currentApi().use({ [TEST]: () => new Response(null, { status: 200 }) });
    const { user } = renderPanel();
    await screen.findByRole('checkbox', { name: ANN });
    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    expect(await screen.findByRole('alert', { name: 'There is a problem' })).toHaveTextContent(
      NO_TRAVELER_MESSAGE,
    );

    await user.click(screen.getByRole('button', { name: 'Send test invite' }));
    await expectCleanSuccess(/^Test invite sent/);
    // The rule still holds at the next press.
    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    expect(await screen.findByRole('alert', { name: 'There is a problem' })).toHaveTextContent(
      NO_TRAVELER_MESSAGE,
    );
    expect(currentApi().callsTo(SEND)).toHaveLength(0);
  });

  it('a refusal while a test invite is out outlives the test invite: its message stays', async () => {
    const answer = deferred<Response>();
    currentApi().use({ [TEST]: () => answer.promise });
    const { user } = renderPanel();
    await screen.findByRole('checkbox', { name: ANN });
    await user.click(screen.getByRole('button', { name: 'Send test invite' }));
    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary).toHaveTextContent(NO_TRAVELER_MESSAGE);

    answer.resolve(new Response(null, { status: 200 }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Test invite sent/));
    await settle();
    expect(summary).toBeInTheDocument();
    expect(summary).toHaveTextContent(NO_TRAVELER_MESSAGE);
  });
});

describe('The event page’s invite form: changes after a failed send', { timeout: 120_000 }, () => {
  it('"Clear selection" after a refused send takes the travelers’ errors away and raises none of its own', async () => {
    currentApi().use({
      [SEND]: () =>
        errorResponse(400, [
          { errorCode: 'EVENT_TYPE_MISMATCH', message: 'Wrong type.', errorParameters: [{ name: 'type' }] },
          {
            errorCode: 'TRAVELER_REMOVED',
            message: 'Removed from the event.',
            errorParameters: [{ name: 'userIds[0].id', value: travelers[0]!.id }],
          },
        ]),
    });
    const { user } = renderPanel();
    await user.click(await screen.findByRole('checkbox', { name: ANN }));
    await user.click(screen.getByRole('checkbox', { name: BOB }));
    await sendAndConfirm(user, 'Send invites to 2 travelers?');
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary).toHaveTextContent('Removed from the event.');

    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    await waitFor(() => expect(summary).not.toHaveTextContent('Removed from the event.'));
    await settle();
    // The type's entry still stands; nothing says "choose at least one traveler" until "Send invites" is pressed.
    expect(summary).toHaveTextContent('Wrong type.');
    expect(screen.queryByText(NO_TRAVELER_MESSAGE)).not.toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search travelers' })).not.toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await user.click(screen.getByRole('switch', { name: 'Invite all travelers' }));
    await user.click(screen.getByRole('switch', { name: 'Invite all travelers' }));
    await settle();
    expect(screen.queryByText(NO_TRAVELER_MESSAGE)).not.toBeInTheDocument();
    expect(currentApi().callsTo(SEND)).toHaveLength(1);
  });
});
