import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { deferred, errorResponse, jsonResponse, textResponse } from '@/testing/mock-api';
import { NO_TRAVELER_MESSAGE } from '@/features/invites/utils/invite-form-schema';
import { fullNameOf, makeTravelers } from '@/features/travelers/testing/fake-travelers';
import {
  dialogClosed,
  SEND,
  sendAndConfirm,
  settle,
  select,
  setUpInvitePanelTests,
  summary,
  TEST,
} from './testing/invite-panel-test';

const LIST = 'POST /v2/events/:eventId/travelers-list';

const travelers = makeTravelers(25);
const [ann, bob, cy] = travelers as [(typeof travelers)[0], (typeof travelers)[0], (typeof travelers)[0]];
const ANN = fullNameOf(ann);
const BOB = fullNameOf(bob);
const CY = fullNameOf(cy);

const { api: currentApi, renderPanel, sendBodies } = setUpInvitePanelTests(travelers);

describe('The event page’s invite form: sending', { timeout: 120_000 }, () => {
  it('sends the chosen type and travelers, in the order chosen, after a confirmation naming the count', async () => {
    const { user } = renderPanel();
    await select(user, BOB, ANN, CY);
    await user.selectOptions(screen.getByLabelText('Event type'), 'Program session');
    await user.click(screen.getByRole('button', { name: 'Send invites' }));

    const dialog = await screen.findByRole('dialog', { name: 'Send invites to 3 travelers?' });
    expect(sendBodies()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));

    await waitFor(() =>
      expect(sendBodies()).toEqual([
        { type: 'PROGRAM_SESSION', userIds: [{ id: bob.id }, { id: ann.id }, { id: cy.id }] },
      ]),
    );
    expect(await screen.findByRole('status')).toHaveTextContent('Invites sent to 3 travelers.');
    // The confirmed send carries the key the browser made at confirm (the server's send history dedupes by it).
    expect(currentApi().callsTo(SEND)[0]!.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
  });

  it('says "1 traveler" and "all 10,000 travelers", and leaves userIds out when inviting all', async () => {
    const { user } = renderPanel({ travelerCount: 10_000 });
    await select(user, ANN);
    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    expect(await screen.findByRole('dialog', { name: 'Send invites to 1 traveler?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await dialogClosed();

    await user.click(screen.getByRole('switch', { name: 'Invite all travelers' }));
    expect(screen.getByRole('searchbox', { name: 'Search travelers' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: ANN })).toBeDisabled();
    await sendAndConfirm(user, 'Send invites to all 10,000 travelers?');

    await waitFor(() => expect(sendBodies()).toEqual([{ type: 'GENERIC' }]));
    expect(await screen.findByRole('status')).toHaveTextContent('Invites sent to all 10,000 travelers.');
  });

  it('keeps the selection while "Invite all travelers" is on and restores it when it goes off', async () => {
    const { user } = renderPanel();
    await select(user, ANN, BOB);
    const toggle = screen.getByRole('switch', { name: 'Invite all travelers' });
    await user.click(toggle);
    expect(screen.getByText(/Your selection of 2 travelers is kept/)).toBeInTheDocument();
    await user.click(toggle);
    expect(screen.getByRole('checkbox', { name: ANN })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: ANN })).toBeEnabled();
    expect(screen.getByRole('heading', { name: 'Selected: 2 travelers' })).toBeInTheDocument();
  });

  it('keeps the selection across searches, and removes a chip with the keyboard', async () => {
    const { user } = renderPanel();
    await select(user, ANN, BOB);
    const search = screen.getByRole('searchbox', { name: 'Search travelers' });
    await user.type(search, 'cy');
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: ANN })).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: ANN })).toBeInTheDocument();
    await select(user, CY);
    expect(screen.getByRole('heading', { name: 'Selected: 3 travelers' })).toBeInTheDocument();

    await user.clear(search);
    expect(await screen.findByRole('checkbox', { name: ANN })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: BOB })).toBeChecked();

    screen.getByRole('button', { name: BOB }).focus();
    await user.keyboard('{Delete}');
    expect(screen.getByRole('heading', { name: 'Selected: 2 travelers' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: BOB })).not.toBeChecked();
    await waitFor(() => expect(screen.getByRole('button', { name: CY })).toHaveFocus());
  });

  it('asks for at least one traveler before anything is sent, under the picker', async () => {
    const { user } = renderPanel();
    await screen.findByRole('checkbox', { name: ANN });
    await user.click(screen.getByRole('button', { name: 'Send invites' }));

    const message = 'Choose at least one traveler, or switch on "Invite all travelers".';
    await waitFor(() => expect(summary()).toHaveFocus());
    expect(screen.getByRole('searchbox', { name: 'Search travelers' })).toHaveAccessibleDescription(message);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(within(summary()).getByRole('link', { name: message }));
    expect(screen.getByRole('searchbox', { name: 'Search travelers' })).toHaveFocus();

    // Inviting everyone, or choosing someone, clears the message.
    const inviteAll = screen.getByRole('switch', { name: 'Invite all travelers' });
    await user.click(inviteAll);
    await waitFor(() => expect(screen.queryByText(message)).not.toBeInTheDocument());
    await user.click(inviteAll);
    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    expect(await screen.findAllByText(message)).not.toHaveLength(0);
    await select(user, ANN);
    await waitFor(() => expect(screen.queryByText(message)).not.toBeInTheDocument());
    expect(sendBodies()).toEqual([]);
  });

  it('sends once however often the confirmation is clicked, and shows progress while it runs', async () => {
    const answer = deferred<Response>();
    currentApi().use({ [SEND]: () => answer.promise });
    const { user } = renderPanel();
    await select(user, ANN);
    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    const dialog = await screen.findByRole('dialog');
    await user.dblClick(within(dialog).getByRole('button', { name: 'Send' }));
    await user.keyboard('{Enter}{Enter}');
    await dialogClosed();

    const button = screen.getByRole('button', { name: 'Send invites' });
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Sending invites to 1 traveler…');
    // Busy, a press does nothing: not even the check that would now refuse an empty selection.
    await user.click(screen.getByRole('checkbox', { name: ANN }));
    await user.click(button);
    await user.keyboard('{Enter}');
    await settle();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByText(NO_TRAVELER_MESSAGE)).not.toBeInTheDocument();

    answer.resolve(new Response(null, { status: 200 }));
    expect(await screen.findByText('Invites sent to 1 traveler.')).toBeInTheDocument();
    expect(currentApi().callsTo(SEND)).toHaveLength(1);
  });

  it('clears the selection and refreshes the travelers after a send', async () => {
    const { user } = renderPanel();
    await select(user, ANN, BOB);
    const listCalls = currentApi().callsTo(LIST).length;
    currentApi().use({
      [SEND]: () => {
        ann.state = 'INVITED';
        ann.invitedAt = `${new Date().toISOString().slice(0, 19)}Z`;
        return new Response(null, { status: 200 });
      },
    });
    await sendAndConfirm(user);

    expect(await screen.findByText('Invites sent to 2 travelers.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Selected: 0 travelers' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: ANN })).not.toBeChecked();
    await waitFor(() => expect(currentApi().callsTo(LIST).length).toBeGreaterThan(listCalls));
    const row = (await screen.findByRole('checkbox', { name: ANN })).closest('li')!;
    await waitFor(() => expect(row).toHaveTextContent(/Invited\s*Invited just now/));
    ann.state = 'ADDED';
    ann.invitedAt = undefined;
  });
});

describe('The event page’s invite form: failures other than field errors', { timeout: 120_000 }, () => {
  async function failAndRead(answer: () => Response | Promise<Response>) {
    currentApi().use({ [SEND]: answer });
    const { user } = renderPanel();
    await select(user, ANN);
    await sendAndConfirm(user);
    await waitFor(() => expect(summary()).toHaveFocus());
    return { user, text: summary().textContent ?? '' };
  }

  it.each([
    [
      401,
      () => errorResponse(401, [{ message: 'Invalid token' }]),
      /Spotnana rejected the console's credentials/,
    ],
    [403, () => errorResponse(403), /don't have permission to send invites for this event/],
    [404, () => textResponse('Not found', 404, 'text/plain'), /This event no longer exists/],
    [429, () => jsonResponse({}, 429, { 'retry-after': '30' }), /Too many requests: try again in 30 seconds/],
    [502, () => textResponse('<html><body>Bad gateway</body></html>', 502), /The server failed \(HTTP 502\)/],
    [500, () => textResponse('', 500), /The server failed \(HTTP 500\)/],
    [
      400,
      () => textResponse('this is not json', 400, 'text/plain'),
      /HTTP 400 with a response the console cannot read/,
    ],
    [
      400,
      () => jsonResponse({ something: 'else' }, 400),
      /refused the invites \(HTTP 400\) without saying why/,
    ],
  ])('explains HTTP %i', async (_status, answer, expected) => {
    const { text } = await failAndRead(answer);
    expect(text).toMatch(expected);
    expect(screen.getByRole('checkbox', { name: ANN })).toBeChecked();
  });

  it('says the connection failed and offers to check the states, since the send may have left', async () => {
    const { text } = await failAndRead(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(text).toMatch(/connection failed/);
    expect(text).toMatch(/most likely not sent/);
    expect(screen.getByRole('button', { name: "Check travelers' states" })).toBeInTheDocument();
  });

  it('says the outcome is unknown after a 5xx, and checks the travelers’ states on request', async () => {
    const { user } = await failAndRead(() => textResponse('', 503));
    const before = currentApi().callsTo(LIST).length;
    await user.click(screen.getByRole('button', { name: "Check travelers' states" }));
    await waitFor(() => expect(currentApi().callsTo(LIST).length).toBeGreaterThan(before));
    expect(await screen.findByText(/Travelers' states refreshed at/)).toBeInTheDocument();
    expect(currentApi().callsTo(SEND)).toHaveLength(1);
  });
});

describe('The event page’s invite form: test invite', { timeout: 120_000 }, () => {
  it('posts invite/test with no body and reports success', async () => {
    currentApi().use({ [TEST]: () => new Response(null, { status: 200 }) });
    const { user } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Send test invite' }));
    expect(await screen.findByText(/Test invite sent/)).toBeInTheDocument();
    expect(currentApi().callsTo(TEST)).toHaveLength(1);
    expect(currentApi().callsTo(TEST)[0]!.body).toBeUndefined();
    expect(currentApi().callsTo(TEST)[0]!.path).toBe('/v2/events/evt-1/invite/test');
  });

  it('reports a failed test invite with its entries', async () => {
    currentApi().use({
      [TEST]: () => errorResponse(400, [{ errorCode: 'NO_EMAIL', message: 'Caller has no email' }]),
    });
    const { user } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Send test invite' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The test invite was not sent');
    expect(alert).toHaveTextContent('Caller has no email');
    expect(alert).toHaveTextContent('Code: NO_EMAIL');
  });
});

describe('The event page’s invite form: while a send is in flight', { timeout: 120_000 }, () => {
  const sendButton = () => screen.getByRole('button', { name: 'Send invites' });

  it('unticks only the travelers a send went to: one ticked during the send stays chosen', async () => {
    const answer = deferred<Response>();
    currentApi().use({ [SEND]: () => answer.promise });
    const { user } = renderPanel();
    await select(user, ANN, BOB);
    await sendAndConfirm(user, 'Send invites to 2 travelers?');
    await waitFor(() => expect(sendButton()).toHaveAttribute('aria-disabled', 'true'));
    await select(user, CY);

    answer.resolve(new Response(null, { status: 200 }));
    expect(await screen.findByText('Invites sent to 2 travelers.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Selected: 1 traveler' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: CY })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: ANN })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: BOB })).not.toBeChecked();
  });

  it('leaves a selection made during an "invite all" send alone', async () => {
    const answer = deferred<Response>();
    currentApi().use({ [SEND]: () => answer.promise });
    const { user } = renderPanel();
    await screen.findByRole('checkbox', { name: ANN });
    const inviteAll = screen.getByRole('switch', { name: 'Invite all travelers' });
    await user.click(inviteAll);
    await sendAndConfirm(user, 'Send invites to all 25 travelers?');
    await waitFor(() => expect(sendButton()).toHaveAttribute('aria-disabled', 'true'));
    await user.click(inviteAll);
    await select(user, ANN);

    answer.resolve(new Response(null, { status: 200 }));
    expect(await screen.findByText('Invites sent to all 25 travelers.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Selected: 1 traveler' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: ANN })).toBeChecked();
  });

  it('says so when checking the travelers’ states fails, and keeps the warning', async () => {
    currentApi().use({ [SEND]: () => textResponse('', 503) });
    const { user } = renderPanel();
    await select(user, ANN);
    await sendAndConfirm(user);
    await waitFor(() => expect(summary()).toHaveFocus());

    currentApi().use({ [LIST]: () => textResponse('', 500) });
    await user.click(screen.getByRole('button', { name: "Check travelers' states" }));
    await waitFor(() => expect(summary()).toHaveTextContent("The travelers' states could not be refreshed"));
    expect(summary()).not.toHaveTextContent(/refreshed at/);
    expect(summary()).toHaveTextContent("Some invites may have been sent. Check the travelers' states");
    expect(screen.getByRole('button', { name: "Check travelers' states" })).toBeEnabled();
  });

  it('keeps a failed send’s explanation when a test invite starts the moment the send fails', async () => {
    currentApi().use({
      [SEND]: () => textResponse('', 503),
      [TEST]: () => new Response(null, { status: 200 }),
    });
    const { user, queryClient } = renderPanel();
    await select(user, ANN);
    const testButton = screen.getByRole('button', { name: 'Send test invite' });
    // The manager starts a test invite as soon as the send has failed, before anything has re-rendered.
    const stopWatching = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      stopWatching();
      fireEvent.click(testButton);
    });
    await sendAndConfirm(user);

    expect(await screen.findByText(/Test invite sent/)).toBeInTheDocument();
    await waitFor(() => expect(summary()).toHaveTextContent('The server failed (HTTP 503).'));
    expect(currentApi().callsTo(TEST)).toHaveLength(1);
  });
});
