/** The event page's invite form: every entry of a refused send at its field (split from invite-panel.test.tsx, so the two run side by side). */
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { fullNameOf, makeTravelers } from '@/features/travelers/testing/fake-travelers';
import { SEND, select, sendAndConfirm, setUpInvitePanelTests, summary } from './testing/invite-panel-test';

const travelers = makeTravelers(25);
const [ann, bob, cy] = travelers as [(typeof travelers)[0], (typeof travelers)[0], (typeof travelers)[0]];
const ANN = fullNameOf(ann);
const BOB = fullNameOf(bob);
const CY = fullNameOf(cy);

const { api: currentApi, renderPanel, sendBodies, failSendWith } = setUpInvitePanelTests(travelers);

describe('The event page’s invite form: errors against their fields', { timeout: 120_000 }, () => {
  it('shows every entry at its field, as the field’s description, and in a focused summary with links', async () => {
    failSendWith(400, [
      {
        errorCode: 'INVALID_TYPE',
        message: 'Type does not match the event',
        errorParameters: [{ name: 'type' }],
      },
      {
        errorCode: 'TOO_MANY',
        message: 'Too many travelers at once',
        errorParameters: [{ name: 'userIds' }],
      },
      {
        errorCode: 'NOT_IN_EVENT',
        message: 'Traveler is not part of this event',
        errorDetail: 'Removed yesterday',
        errorParameters: [{ name: 'userIds[1].id', value: bob.id }],
      },
      { message: 'Event is a draft', errorParameters: [{ name: 'eventId', value: 'evt-1' }] },
      { message: 'Something else entirely' },
    ]);
    const { user } = renderPanel();
    await select(user, ANN, BOB);
    await user.selectOptions(screen.getByLabelText('Event type'), 'Program');
    await sendAndConfirm(user);

    await waitFor(() => expect(summary()).toHaveFocus());
    const items = within(summary()).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    expect(summary()).toHaveTextContent('Debug identifier: dbg-42');

    expect(screen.getByLabelText('Event type')).toHaveAccessibleDescription(
      'Type does not match the event Code: INVALID_TYPE',
    );
    expect(screen.getByRole('searchbox', { name: 'Search travelers' })).toHaveAccessibleDescription(
      'Too many travelers at once Code: TOO_MANY',
    );
    const bobDescription =
      'Traveler is not part of this event Code: NOT_IN_EVENT · Detail: Removed yesterday';
    expect(screen.getByRole('checkbox', { name: BOB })).toHaveAccessibleDescription(bobDescription);
    expect(screen.getByRole('button', { name: BOB })).toHaveAccessibleDescription(bobDescription);
    expect(screen.getByRole('checkbox', { name: ANN })).not.toHaveAccessibleDescription();

    // Entries that belong to no field are in the summary only, as text.
    expect(within(items[3]!).queryByRole('link')).not.toBeInTheDocument();
    expect(items[3]).toHaveTextContent('Event is a draft');
    expect(items[4]).toHaveTextContent('Something else entirely');

    await user.click(within(summary()).getByRole('link', { name: /Type does not match/ }));
    expect(screen.getByLabelText('Event type')).toHaveFocus();
    await user.click(within(summary()).getByRole('link', { name: /Too many travelers/ }));
    expect(screen.getByRole('searchbox', { name: 'Search travelers' })).toHaveFocus();
    await user.click(within(summary()).getByRole('link', { name: /not part of this event/ }));
    expect(screen.getByRole('button', { name: BOB })).toHaveFocus();
  });

  it('shows an entry with several parameters at each field it names', async () => {
    failSendWith(400, [
      {
        message: 'Both wrong',
        errorParameters: [{ name: 'type' }, { name: 'userIds[0].id' }, { name: 'bogus' }],
      },
    ]);
    const { user } = renderPanel();
    await select(user, ANN);
    await sendAndConfirm(user);

    await waitFor(() => expect(summary()).toHaveFocus());
    expect(screen.getByLabelText('Event type')).toHaveAccessibleDescription('Both wrong');
    expect(screen.getByRole('checkbox', { name: ANN })).toHaveAccessibleDescription('Both wrong');
    expect(within(summary()).getAllByRole('listitem')).toHaveLength(1);
    await user.click(within(summary()).getByRole('link', { name: ANN }));
    expect(screen.getByRole('button', { name: ANN })).toHaveFocus();
  });

  it('lists all 50 entries of a long answer', async () => {
    failSendWith(
      400,
      Array.from({ length: 50 }, (_, i) => ({ errorCode: `E${i}`, message: `Problem number ${i + 1}` })),
    );
    const { user } = renderPanel();
    await select(user, ANN);
    await sendAndConfirm(user);
    await waitFor(() => expect(summary()).toHaveFocus());
    expect(within(summary()).getAllByRole('listitem')).toHaveLength(50);
    expect(summary()).toHaveTextContent('Problem number 50');
    expect(summary()).not.toHaveTextContent(/more/);
  });

  it('shows HTML and scripts from the API as text, and never as a link target', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    failSendWith(
      400,
      [
        { message: hostile, errorDetail: '<b>bold</b>', errorParameters: [{ name: 'userIds[0].id' }] },
        { message: 'javascript:alert(1)', errorParameters: [{ name: 'type' }] },
      ],
      'javascript:alert(document.cookie)',
    );
    const { user } = renderPanel();
    await select(user, ANN);
    await sendAndConfirm(user);
    await waitFor(() => expect(summary()).toHaveFocus());

    expect(within(summary()).getAllByText(hostile)[0]).toBeInTheDocument();
    expect(summary()).toHaveTextContent('Detail: <b>bold</b>');
    expect(summary()).toHaveTextContent('javascript:alert(document.cookie)');
    expect(document.querySelector('img, script, b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    for (const link of within(summary()).getAllByRole('link')) {
      expect(link.getAttribute('href')).toMatch(/^#[A-Za-z0-9_-]+$/);
    }
  });

  it('keeps every value after a failure', async () => {
    failSendWith(400, [{ message: 'No', errorParameters: [{ name: 'type' }] }]);
    const { user } = renderPanel();
    await select(user, ANN, CY);
    await user.selectOptions(screen.getByLabelText('Event type'), 'Program trip');
    await sendAndConfirm(user);
    await waitFor(() => expect(summary()).toHaveFocus());

    expect(screen.getByLabelText('Event type')).toHaveValue('PROGRAM_TRIP');
    expect(screen.getByRole('checkbox', { name: ANN })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: CY })).toBeChecked();
    expect(screen.getByRole('heading', { name: 'Selected: 2 travelers' })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Invite all travelers' })).not.toBeChecked();
  });

  it('clears an error when its field changes, and only that one', async () => {
    failSendWith(400, [
      { message: 'Bad type', errorParameters: [{ name: 'type' }] },
      { message: 'Bad Ann', errorParameters: [{ name: 'userIds[0].id' }] },
      { message: 'Bad Bob', errorParameters: [{ name: 'userIds[1].id' }] },
      { message: 'Bad list', errorParameters: [{ name: 'userIds' }] },
      { message: 'Bad event' },
    ]);
    const { user } = renderPanel();
    await select(user, ANN, BOB);
    await sendAndConfirm(user);
    await waitFor(() => expect(summary()).toHaveFocus());

    await user.selectOptions(screen.getByLabelText('Event type'), 'Program');
    expect(screen.queryByText('Bad type')).not.toBeInTheDocument();
    expect(screen.getAllByText('Bad Ann').length).toBeGreaterThan(0);

    await user.click(screen.getByRole('checkbox', { name: ANN }));
    expect(screen.queryByText('Bad Ann')).not.toBeInTheDocument();
    expect(screen.queryByText('Bad list')).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: BOB })).toHaveAccessibleDescription('Bad Bob');
    expect(
      within(summary())
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Bad Bob', 'Bad event']);
  });

  it('removes the travelers with errors in one click, so the rest can be sent', async () => {
    failSendWith(400, [
      { message: 'Gone', errorParameters: [{ name: 'userIds[0].id' }] },
      { message: 'Also gone', errorParameters: [{ name: 'x', value: cy.id }] },
    ]);
    const { user } = renderPanel();
    await select(user, ANN, BOB, CY);
    await sendAndConfirm(user);
    await waitFor(() => expect(summary()).toHaveFocus());

    await user.click(
      screen.getByRole('button', { name: 'Remove 2 travelers with errors from the selection' }),
    );
    // The button is gone with the errors; keyboard focus stays in the selection, on its new count.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Selected: 1 traveler' })).toHaveFocus());
    expect(screen.queryByRole('alert', { name: 'There is a problem' })).not.toBeInTheDocument();

    currentApi().use({ [SEND]: () => new Response(null, { status: 200 }) });
    await sendAndConfirm(user, 'Send invites to 1 traveler?');
    await waitFor(() => expect(sendBodies()[1]).toEqual({ type: 'GENERIC', userIds: [{ id: bob.id }] }));
  });

  it('says "Remove 1 traveler with errors" for one', async () => {
    failSendWith(400, [{ message: 'Gone', errorParameters: [{ name: 'userIds[1].id' }] }]);
    const { user } = renderPanel();
    await select(user, ANN, BOB);
    await sendAndConfirm(user);
    expect(
      await screen.findByRole('button', { name: 'Remove 1 traveler with errors from the selection' }),
    ).toBeInTheDocument();
  });

  it('copies the debug identifier, and says so when the clipboard refuses', async () => {
    failSendWith(400, [{ message: 'x' }], 'dbg-copy-me');
    const { user } = renderPanel();
    const writeText = vi.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('denied'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await select(user, ANN);
    await sendAndConfirm(user);
    await waitFor(() => expect(summary()).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Copy debug identifier' }));
    expect(writeText).toHaveBeenCalledWith('dbg-copy-me');
    expect(await screen.findByText('Copied.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy debug identifier' }));
    expect(await screen.findByText(/Could not copy/)).toBeInTheDocument();
  });
});
