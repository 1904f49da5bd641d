import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { SendDetail, SendSummary } from '#contract/send-history';
import { makeSendSummary } from '@/testing/fixtures';
import { errorResponse } from '@/testing/mock-api';
import { fullNameOf, makeTravelers } from '@/features/travelers/testing/fake-travelers';
import {
  EVENT_SENDS,
  RECENT_INVITES,
  SEND,
  SEND_RECORD,
  setUpInvitePanelTests,
} from './testing/invite-panel-test';

const travelers = makeTravelers(25);
const [ann, bob, cy] = travelers as [(typeof travelers)[0], (typeof travelers)[0], (typeof travelers)[0]];

const { api: currentApi, renderPanel } = setUpInvitePanelTests(travelers);

const MARCUS = { subject: 'sub-marcus', name: 'Marcus Webb', email: 'marcus@acme.example' };

const summary = (overrides: Partial<SendSummary> = {}): SendSummary =>
  makeSendSummary({
    id: 'rec-1',
    createdAt: '2026-12-01T10:42:00.000Z',
    completedAt: '2026-12-01T10:42:01.000Z',
    person: MARCUS,
    eventId: 'evt-1',
    eventName: 'Kick-off',
    eventType: 'PROGRAM',
    ...overrides,
  });

const REFUSED: SendDetail = {
  ...summary({
    id: 'rec-refused',
    createdAt: '2026-12-01T09:15:00.000Z',
    status: 'refused',
    httpStatus: 400,
    errorCount: 2,
    firstErrorMessage: 'Traveler is not part of this event',
  }),
  travelerIds: [ann.id, bob.id, cy.id],
  errorResponse: {
    debugIdentifier: 'dbg-refused',
    errorMessages: [
      {
        errorCode: 'NOT_IN_EVENT',
        message: 'Traveler is not part of this event',
        errorParameters: [{ name: 'userIds[1].id', value: bob.id }],
      },
      {
        errorCode: 'INVALID_TYPE',
        message: 'Type does not match the event',
        errorParameters: [{ name: 'type' }],
      },
    ],
  },
  failure: null,
  recipientsHidden: false,
  scheduledAt: null,
  cancelledBy: null,
  cancelledAt: null,
};

function mockHistory(sends: SendSummary[], details: Record<string, SendDetail> = {}) {
  currentApi().use({
    [EVENT_SENDS]: { sends, total: sends.length, offset: 0, limit: 20, nextBefore: null },
    [SEND_RECORD]: ({ params }) => details[params.id!] ?? new Response(null, { status: 404 }),
  });
}

const history = () => screen.getByRole('region', { name: 'History' });
/** The History loads after the form (its own chunk): wait for it before looking inside. */
const historyLoaded = () => screen.findByRole('region', { name: 'History' });

describe('The event page’s invite form: History', { timeout: 120_000 }, () => {
  it('lists the sends newest first with when, who, type, recipients and the outcome in words', async () => {
    mockHistory([
      summary(),
      summary({
        id: 'rec-refused',
        status: 'refused',
        firstErrorMessage: 'Traveler is not part of this event',
        errorCount: 2,
      }),
      summary({ id: 'rec-all', scope: 'all', travelerCount: 1200, status: 'pending', httpStatus: null }),
    ]);
    renderPanel();
    const items = await within(
      await screen.findByRole('list', { name: 'Sends, newest first' }),
    ).findAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent(/Marcus Webb · Program · 3 travelers · Sent/);
    expect(items[1]).toHaveTextContent(/Refused/);
    expect(items[1]).toHaveTextContent('Traveler is not part of this event (and 1 more)');
    expect(items[2]).toHaveTextContent(/All travelers \(1,200 travelers\) · Outcome unknown/);
    expect(history()).toHaveTextContent('Showing 3 of 3');
  });

  it('"Show older sends" asks for the page after the last one shown, and lists it below', async () => {
    const sends = Array.from({ length: 23 }, (_, i) => summary({ id: `rec-${i}` }));
    currentApi().use({
      [EVENT_SENDS]: ({ search }) => {
        const before = new URLSearchParams(search).get('before');
        const start = before === null ? 0 : sends.findIndex((send) => send.id === before) + 1;
        const page = sends.slice(start, start + 20);
        const more = start + 20 < sends.length;
        return {
          sends: page,
          total: sends.length,
          offset: 0,
          limit: 20,
          nextBefore: more ? page.at(-1)!.id : null,
        };
      },
    });
    const { user } = renderPanel();
    const list = await screen.findByRole('list', { name: 'Sends, newest first' });
    expect(await within(list).findAllByRole('listitem')).toHaveLength(20);
    expect(history()).toHaveTextContent('Showing 20 of 23');

    await user.click(within(history()).getByRole('button', { name: 'Show older sends' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(23));
    expect(history()).toHaveTextContent('Showing 23 of 23');
    const asked = currentApi()
      .callsTo(EVENT_SENDS)
      .map((call) => new URLSearchParams(call.search).get('before'));
    expect(asked).toEqual([null, 'rec-19']);
    expect(within(history()).queryByRole('button', { name: 'Show older sends' })).not.toBeInTheDocument();
  });

  it('reviews a refused send as the form showed it, and Load into the form puts it back with each entry at its field', async () => {
    mockHistory([REFUSED], { [REFUSED.id]: REFUSED });
    const { user } = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Details' }));

    const review = await within(history()).findByRole('group', { name: 'There is a problem' });
    expect(review).toHaveTextContent('The invites could not be sent (HTTP 400).');
    expect(within(review).getAllByRole('listitem')).toHaveLength(2);
    expect(review).toHaveTextContent('Debug identifier: dbg-refused');
    // Whom it went to, by name.
    await waitFor(() =>
      expect(history()).toHaveTextContent(`${fullNameOf(ann)}, ${fullNameOf(bob)}, ${fullNameOf(cy)}`),
    );

    await user.click(within(history()).getByRole('button', { name: 'Load into the form' }));

    // The form's own summary takes focus, with the same entries, now pointing at the form's fields.
    const formSummary = await screen.findByRole('alert', { name: 'There is a problem' });
    await waitFor(() => expect(formSummary).toHaveFocus());
    expect(within(formSummary).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByLabelText('Event type')).toHaveValue('PROGRAM');
    expect(screen.getByLabelText('Event type')).toHaveAccessibleDescription(
      'Type does not match the event Code: INVALID_TYPE',
    );
    expect(await screen.findByRole('heading', { name: 'Selected: 3 travelers' })).toBeInTheDocument();
    const bobChip = await screen.findByRole('button', { name: fullNameOf(bob) });
    expect(bobChip).toHaveAccessibleDescription('Traveler is not part of this event Code: NOT_IN_EVENT');

    // Remove the failed traveler, fix the type, and send the rest: exactly Ann and Cy.
    await user.click(
      screen.getByRole('button', { name: 'Remove 1 traveler with errors from the selection' }),
    );
    await user.selectOptions(screen.getByLabelText('Event type'), 'General event');
    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send invites to 2 travelers?' });
    await user.click(await within(dialog).findByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(
        currentApi()
          .callsTo(SEND)
          .map((c) => c.body),
      ).toEqual([{ type: 'GENERIC', userIds: [{ id: ann.id }, { id: cy.id }] }]),
    );
  });

  it('is read-only for a viewer: no recipients, no Load into the form', async () => {
    const hidden: SendDetail = {
      ...REFUSED,
      travelerIds: undefined,
      errorResponse: null,
      firstErrorMessage: null,
      recipientsHidden: true,
    };
    mockHistory([{ ...REFUSED, firstErrorMessage: null }], { [REFUSED.id]: hidden });
    const { user } = renderPanel({ sendNotAllowedReason: 'Your role (viewer) cannot send invites.' });
    await user.click(await screen.findByRole('button', { name: 'Details' }));
    expect(
      await within(history()).findByText(/Your role does not show whom this send went to/),
    ).toBeVisible();
    expect(within(history()).queryByRole('button', { name: 'Load into the form' })).not.toBeInTheDocument();
  });

  it('opens the send named in the address (a link from the Activity page)', async () => {
    mockHistory([summary(), REFUSED], { [REFUSED.id]: REFUSED });
    renderPanel({}, { url: `/?send=${REFUSED.id}` });
    expect(
      await within(await historyLoaded()).findByRole('group', { name: 'There is a problem' }),
    ).toBeInTheDocument();
  });
});

describe('The event page’s invite form: History stays current and on its event', { timeout: 120_000 }, () => {
  it('asks for the History again after a refused send, which is on the record too', async () => {
    mockHistory([]);
    currentApi().use({
      [SEND]: () => errorResponse(400, [{ message: 'No', errorParameters: [{ name: 'type' }] }]),
    });
    const { user } = renderPanel();
    expect(await within(await historyLoaded()).findByText(/No invites have been sent/)).toBeVisible();
    const asked = currentApi().callsTo(EVENT_SENDS).length;
    await user.click(await screen.findByRole('checkbox', { name: fullNameOf(ann) }));
    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send invites to 1 traveler?' });
    await user.click(await within(dialog).findByRole('button', { name: 'Send' }));
    await screen.findByRole('alert', { name: 'There is a problem' });
    await waitFor(() => expect(currentApi().callsTo(EVENT_SENDS).length).toBeGreaterThan(asked));
  });

  it('never loads a send of another event into this form: a hand-made link says where it belongs', async () => {
    const elsewhere = { ...REFUSED, id: 'rec-other', eventId: 'evt-2', eventName: 'Other event' };
    mockHistory([summary()], { [elsewhere.id]: elsewhere });
    renderPanel({}, { url: `/?send=${elsewhere.id}` });
    expect(
      await within(await historyLoaded()).findByText(/This send was made on another event/),
    ).toBeVisible();
    expect(within(history()).getByRole('link', { name: 'Open it on Other event' })).toHaveAttribute(
      'href',
      '/events/evt-2?send=rec-other',
    );
    expect(within(history()).queryByRole('button', { name: 'Load into the form' })).not.toBeInTheDocument();
  });
});

describe('The event page’s invite form: recent invites in the confirmation', { timeout: 120_000 }, () => {
  it('says how many of the chosen travelers got an invite in the last 24 hours, by whom and when, before the yes', async () => {
    currentApi().use({
      [RECENT_INVITES]: {
        since: '2026-11-30T12:00:00.000Z',
        travelerCount: 2,
        sends: [
          {
            id: 'r1',
            createdAt: '2026-12-01T10:42:00.000Z',
            personName: 'Marcus Webb',
            scope: 'list',
            status: 'accepted',
            dueAt: null,
            matchedCount: 2,
          },
        ],
      },
    });
    const { user } = renderPanel();
    for (const t of [ann, bob, cy])
      await user.click(await screen.findByRole('checkbox', { name: fullNameOf(t) }));
    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send invites to 3 travelers?' });
    await waitFor(() =>
      expect(dialog).toHaveAccessibleDescription(
        expect.stringContaining('2 of these 3 travelers were sent an invite in the last 24 hours.'),
      ),
    );
    expect(dialog).toHaveTextContent(/by Marcus Webb: 2 of them/);
    const asked = currentApi().callsTo(RECENT_INVITES)[0]!;
    expect(asked.body).toEqual({ userIds: [{ id: ann.id }, { id: bob.id }, { id: cy.id }] });
    expect(within(dialog).getByRole('button', { name: 'Send' })).toBeEnabled();
  });

  it('lets the manager send when the check fails, and says it could not check', async () => {
    currentApi().use({ [RECENT_INVITES]: () => new Response('nope', { status: 503 }) });
    const { user } = renderPanel();
    await user.click(screen.getByRole('switch', { name: /Invite all travelers/ }));
    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send invites to all 25 travelers?' });
    expect(
      await within(dialog).findByText(/could not check for invites sent in the last 24 hours/),
    ).toBeVisible();
    expect(currentApi().callsTo(RECENT_INVITES)[0]!.body).toEqual({});
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(currentApi().callsTo(SEND)).toHaveLength(1));
  });
});
