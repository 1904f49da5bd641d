import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SendSummary } from '#contract/send-history';
import { instantToLocalInput } from '@/components/send-at/send-at-time';
import { makeSendSummary } from '@/testing/fixtures';
import { deferred, errorResponse, jsonResponse } from '@/testing/mock-api';
import { fullNameOf, makeTravelers } from '@/features/travelers/testing/fake-travelers';
import {
  dialogClosed,
  RECENT_INVITES,
  SCHEDULE,
  select,
  settle,
  setUpInvitePanelTests,
  summary as errorSummary,
} from './testing/invite-panel-test';

const travelers = makeTravelers(25);
const [ann, bob] = travelers as [(typeof travelers)[0], (typeof travelers)[0]];
const { api: currentApi, renderPanel } = setUpInvitePanelTests(travelers);

/** Tomorrow at 09:00 in the test's own zone, as the field takes it, and the instant it means. */
function tomorrowAtNine() {
  const at = new Date();
  at.setDate(at.getDate() + 1);
  at.setHours(9, 0, 0, 0);
  return { value: instantToLocalInput(at.getTime()), instant: at.getTime() };
}

const scheduled = (overrides: Partial<SendSummary> = {}): SendSummary =>
  makeSendSummary({ id: 'sch-1', status: 'scheduled', httpStatus: null, completedAt: null, ...overrides });

/** A click on the dim area around the dialog, as MUI reads one (a press and a click on its container). */
function clickBackdrop() {
  const container = document.querySelector('.MuiDialog-container')!;
  fireEvent.mouseDown(container);
  fireEvent.click(container);
}

async function openSendLater(user: ReturnType<typeof renderPanel>['user']) {
  await user.click(screen.getByRole('button', { name: 'Send later' }));
  const dialog = await screen.findByRole('dialog', { name: 'Send later' });
  return { dialog, field: within(dialog).getByLabelText(/^Send at/) };
}

describe('Send later', { timeout: 120_000 }, () => {
  it('shows both time zones, schedules the form’s values once, and says so as a success', async () => {
    const { value, instant } = tomorrowAtNine();
    currentApi().use({
      [SCHEDULE]: () =>
        new Response(JSON.stringify(scheduled({ dueAt: new Date(instant).toISOString() })), {
          status: 201,
          headers: { 'content-type': 'application/json' },
        }),
    });
    const { user } = renderPanel({ venueTimeZone: 'Asia/Tokyo' });
    await select(user, fullNameOf(ann), fullNameOf(bob));
    const { dialog, field } = await openSendLater(user);

    expect(field).toHaveFocus();
    expect(dialog).toHaveAccessibleDescription(/Invites as a general event to the 2 travelers chosen now/);
    fireEvent.change(field, { target: { value } });
    const tokyo = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Tokyo',
      hour: 'numeric',
      minute: '2-digit',
    })
      .format(instant)
      .replace(/\s/g, ' ');
    expect(field).toHaveAccessibleDescription(/Your time zone: \S+ \(UTC[+-]\d\d:\d\d\)/);
    expect(field).toHaveAccessibleDescription(
      new RegExp(`At the venue \\(Asia/Tokyo\\): .*${tokyo} \\(UTC\\+09:00\\)`),
    );

    await user.click(within(dialog).getByRole('button', { name: 'Schedule send' }));
    await dialogClosed();

    const calls = currentApi().callsTo(SCHEDULE);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toEqual({
      action: 'send',
      sendAt: new Date(instant).toISOString(),
      type: 'GENERIC',
      userIds: [{ id: ann.id }, { id: bob.id }],
    });
    expect(calls[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    const status = await screen.findByText(/^Scheduled for .* \(your time\)\.$/);
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // The form keeps its values: both travelers are still chosen.
    expect(screen.getByRole('checkbox', { name: fullNameOf(ann) })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: fullNameOf(bob) })).toBeChecked();
  });

  it('refuses a time in the past at the field, before any request', async () => {
    const { user } = renderPanel({ venueTimeZone: 'Europe/Lisbon' });
    await user.click(screen.getByRole('switch', { name: /Invite all travelers/ }));
    const { dialog, field } = await openSendLater(user);
    fireEvent.change(field, { target: { value: '2020-01-06T09:00' } });
    await user.click(within(dialog).getByRole('button', { name: 'Schedule send' }));

    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(/Choose a time in the future: this one has already passed\./),
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect(currentApi().callsTo(SCHEDULE)).toHaveLength(0);
  });

  it('shows the server’s entries: the time’s at the field, every other in the dialog’s summary', async () => {
    const { value } = tomorrowAtNine();
    currentApi().use({
      [SCHEDULE]: errorResponse(400, [
        {
          errorCode: 'SEND_AT_IN_PAST',
          message: 'The time to send at has passed.',
          errorParameters: [{ name: 'sendAt', value }],
        },
        {
          errorCode: 'INVALID_PARAMETER',
          message: 'Unknown event type.',
          errorParameters: [{ name: 'type' }],
        },
      ]),
    });
    const { user } = renderPanel();
    await user.click(screen.getByRole('switch', { name: /Invite all travelers/ }));
    const { dialog, field } = await openSendLater(user);
    expect(field).toHaveAccessibleDescription(/The event names no time zone for its venue/);
    fireEvent.change(field, { target: { value } });
    await user.click(within(dialog).getByRole('button', { name: 'Schedule send' }));

    const problem = await within(dialog).findByRole('alert', { name: 'There is a problem' });
    expect(problem).toHaveTextContent('The send was not scheduled (HTTP 400 Bad Request).');
    expect(problem).toHaveTextContent('Unknown event type.');
    expect(problem).toHaveFocus();
    expect(field).toHaveAccessibleDescription(/The time to send at has passed\./);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveValue(value);
    expect(currentApi().callsTo(SCHEDULE)).toHaveLength(1);
  });

  it('checks the form as a send would first: no traveler, no dialog', async () => {
    const { user } = renderPanel();
    await screen.findByRole('checkbox', { name: fullNameOf(ann) });
    await user.click(screen.getByRole('button', { name: 'Send later' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(errorSummary()).toHaveTextContent('Choose at least one traveler');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('closes on Escape, scheduling nothing, and gives focus back to "Send later"', async () => {
    const { user } = renderPanel();
    await user.click(screen.getByRole('switch', { name: /Invite all travelers/ }));
    await openSendLater(user);
    await user.keyboard('{Escape}');
    await dialogClosed();
    expect(screen.getByRole('button', { name: 'Send later' })).toHaveFocus();
    expect(currentApi().callsTo(SCHEDULE)).toHaveLength(0);
  });
});

describe('Send later while the request is under way, and after', { timeout: 120_000 }, () => {
  it('cannot be closed until the answer comes, says what it is doing, and shows a failure in the dialog', async () => {
    const { value } = tomorrowAtNine();
    const answer = deferred<Response>();
    currentApi().use({ [SCHEDULE]: () => answer.promise });
    const { user } = renderPanel();
    await user.click(screen.getByRole('switch', { name: /Invite all travelers/ }));
    const { dialog, field } = await openSendLater(user);
    fireEvent.change(field, { target: { value } });
    await user.click(within(dialog).getByRole('button', { name: 'Schedule send' }));

    const busy = await within(dialog).findByRole('button', { name: 'Scheduling the send…' });
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await user.keyboard('{Escape}');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    clickBackdrop();
    await settle();
    expect(screen.getByRole('dialog', { name: 'Send later' })).toBeInTheDocument();

    answer.resolve(errorResponse(504));
    const problem = await within(dialog).findByRole('alert', { name: 'There is a problem' });
    expect(problem).toHaveTextContent(/No clear answer came back/);
    expect(within(dialog).getByRole('button', { name: 'Schedule send' })).not.toHaveAttribute(
      'aria-disabled',
    );
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeEnabled();
    expect(currentApi().callsTo(SCHEDULE)).toHaveLength(1);
  });

  it('sends the same Idempotency-Key again after an unknown outcome, and a new one for a new request', async () => {
    const first = tomorrowAtNine();
    const second = { value: instantToLocalInput(first.instant + 3_600_000) };
    const answers = [
      errorResponse(503),
      errorResponse(503),
      errorResponse(400),
      errorResponse(400),
      jsonResponse(scheduled({ dueAt: new Date(first.instant).toISOString() }), 201),
    ];
    currentApi().use({ [SCHEDULE]: () => answers.shift() });
    const { user } = renderPanel();
    await user.click(screen.getByRole('switch', { name: /Invite all travelers/ }));
    const { dialog, field } = await openSendLater(user);
    const confirmAt = async (value: string, calls: number) => {
      fireEvent.change(field, { target: { value } });
      await user.click(within(dialog).getByRole('button', { name: 'Schedule send' }));
      await waitFor(() => expect(currentApi().callsTo(SCHEDULE)).toHaveLength(calls));
      await within(dialog).findByRole('alert', { name: 'There is a problem' });
      await waitFor(() =>
        expect(within(dialog).getByRole('button', { name: 'Schedule send' })).not.toHaveAttribute(
          'aria-disabled',
        ),
      );
    };

    await confirmAt(first.value, 1); // 503: it may have been scheduled
    await confirmAt(first.value, 2); // the same request: the same key, so the server answers the first attempt's
    await confirmAt(second.value, 3); // another time: a new request, refused (400)
    await confirmAt(second.value, 4); // after a clear refusal: a new attempt, a new key
    // Back to the first time, its outcome still open: its key again (and this time the answer comes).
    fireEvent.change(field, { target: { value: first.value } });
    await user.click(within(dialog).getByRole('button', { name: 'Schedule send' }));
    await dialogClosed();

    const keys = currentApi()
      .callsTo(SCHEDULE)
      .map((call) => call.idempotencyKey);
    expect(keys).toHaveLength(5);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys[3]).not.toBe(keys[2]);
    expect(new Set([keys[0], keys[2], keys[3]]).size).toBe(3);
    expect(keys[4]).toBe(keys[0]);
  });

  it('makes a new key for the same request once it has succeeded', async () => {
    const { value, instant } = tomorrowAtNine();
    currentApi().use({
      [SCHEDULE]: () => jsonResponse(scheduled({ dueAt: new Date(instant).toISOString() }), 201),
    });
    const { user } = renderPanel();
    await user.click(screen.getByRole('switch', { name: /Invite all travelers/ }));
    for (let round = 0; round < 2; round++) {
      const { dialog, field } = await openSendLater(user);
      fireEvent.change(field, { target: { value } });
      await user.click(within(dialog).getByRole('button', { name: 'Schedule send' }));
      await dialogClosed();
    }
    const [a, b] = currentApi()
      .callsTo(SCHEDULE)
      .map((call) => call.idempotencyKey);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).not.toBe(a);
  });
});

describe('The send confirmation: a scheduled send to the same travelers', { timeout: 120_000 }, () => {
  it('names who scheduled it, how many of these travelers it covers and when, apart from recent invites', async () => {
    const { instant } = tomorrowAtNine();
    currentApi().use({
      [RECENT_INVITES]: {
        since: new Date(Date.now() - 86_400_000).toISOString(),
        travelerCount: 0,
        sends: [
          {
            id: 'sch-1',
            createdAt: new Date().toISOString(),
            personName: 'Marcus Webb',
            scope: 'list',
            status: 'scheduled',
            dueAt: new Date(instant).toISOString(),
            matchedCount: 2,
          },
        ],
      },
    });
    const { user } = renderPanel();
    await select(user, fullNameOf(ann), fullNameOf(bob));
    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send invites to 2 travelers?' });
    expect(
      await within(dialog).findByText(
        /^Marcus Webb has scheduled a send to 2 of these travelers for .*9:00 AM\.$/,
      ),
    ).toBeVisible();
    expect(dialog).toHaveTextContent('None of them was sent an invite in the last 24 hours.');
  });

  it('names a scheduled reminder by whom it will reach, not as a send to 0 of them', async () => {
    const { instant } = tomorrowAtNine();
    currentApi().use({
      [RECENT_INVITES]: {
        since: new Date(Date.now() - 86_400_000).toISOString(),
        travelerCount: 0,
        sends: [
          {
            id: 'sch-2',
            createdAt: new Date().toISOString(),
            personName: 'Sofía Álvarez',
            action: 'remind',
            scope: 'list',
            status: 'scheduled',
            dueAt: new Date(instant).toISOString(),
            matchedCount: 0,
          },
        ],
      },
    });
    const { user } = renderPanel();
    await select(user, fullNameOf(ann));
    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send invites to 1 traveler?' });
    expect(
      await within(dialog).findByText(
        /^Sofía Álvarez has scheduled a reminder to whoever has not answered by then for .*9:00 AM\.$/,
      ),
    ).toBeVisible();
    expect(dialog).not.toHaveTextContent('emails them twice');
  });
});
