import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SendSummary } from '#contract/send-history';
import { instantToLocalInput } from '@/components/send-at/send-at-time';
import { makeSendSummary } from '@/testing/fixtures';
import { deferred, errorResponse } from '@/testing/mock-api';
import { makeTravelers } from '@/features/travelers/testing/fake-travelers';
import {
  CANCEL_SCHEDULED,
  dialogClosed,
  EVENT_SENDS,
  RESCHEDULE,
  SCHEDULED,
  settle,
  setUpInvitePanelTests,
} from './testing/invite-panel-test';

const { api: currentApi, renderPanel } = setUpInvitePanelTests(makeTravelers(25));

const MARCUS = { subject: 'sub-marcus', name: 'Marcus Webb', email: 'marcus@acme.example' };
const DAY = 86_400_000;
const dueIn = (ms: number) => new Date(Date.now() + ms).toISOString();

const scheduled = (overrides: Partial<SendSummary> = {}): SendSummary =>
  makeSendSummary({
    id: 'sch-1',
    eventId: 'evt-1',
    person: MARCUS,
    status: 'scheduled',
    httpStatus: null,
    completedAt: null,
    dueAt: dueIn(2 * DAY),
    ...overrides,
  });

/** The scheduled list answers `current()` each time it is asked: a test changes it as the server would. */
function mockScheduled(current: () => SendSummary[], history: SendSummary[] = []) {
  currentApi().use({
    [SCHEDULED]: () => ({ sends: current() }),
    [EVENT_SENDS]: { sends: history, total: history.length, offset: 0, limit: 20, nextBefore: null },
  });
}

const scheduledList = () => screen.findByRole('list', { name: 'Scheduled sends, soonest first' });
const scheduledRegion = () => screen.getByRole('region', { name: 'Scheduled sends' });

describe('The History: scheduled sends', { timeout: 120_000 }, () => {
  it('lists them at the top: when, what and who scheduled it', async () => {
    mockScheduled(() => [
      scheduled(),
      scheduled({ id: 'sch-2', action: 'remind', scope: 'all', travelerCount: null, dueAt: dueIn(3 * DAY) }),
    ]);
    renderPanel();
    const items = within(await scheduledList()).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(/^Scheduled for .* \(your time\)/);
    expect(items[0]).toHaveTextContent('Invites to 3 travelers · General event · scheduled by Marcus Webb');
    expect(items[1]).toHaveTextContent('A reminder to whoever has not answered by then');
    expect(within(items[0]!).getByRole('button', { name: 'Change time' })).toHaveAccessibleDescription(
      /Scheduled for/,
    );
  });

  it('cancels one after a yes, and the list updates', async () => {
    let sends = [scheduled()];
    mockScheduled(() => sends);
    currentApi().use({
      [CANCEL_SCHEDULED]: () => {
        sends = [];
        return scheduled({ status: 'cancelled' });
      },
    });
    const { user } = renderPanel();
    await user.click(within(await scheduledList()).getByRole('button', { name: 'Cancel scheduled send' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this scheduled send?' });
    expect(dialog).toHaveAccessibleDescription(/Invites to 3 travelers, scheduled by Marcus Webb/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel scheduled send' }));
    await dialogClosed();

    expect(currentApi().callsTo(CANCEL_SCHEDULED)).toMatchObject([{ params: { id: 'sch-1' } }]);
    await waitFor(() => expect(scheduledRegion()).toHaveTextContent('Nothing is scheduled for this event.'));
    expect(within(scheduledRegion()).getByRole('status')).toHaveTextContent(
      'Cancelled: invites to 3 travelers will not be sent.',
    );
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Scheduled sends' })).toHaveFocus());
  });

  it('changes the time in the same Send at dialog, prefilled', async () => {
    const due = new Date(Date.now() + 2 * DAY);
    due.setSeconds(0, 0);
    const later = new Date(due.getTime() + 3_600_000);
    let sends = [scheduled({ dueAt: due.toISOString() })];
    mockScheduled(() => sends);
    currentApi().use({
      [RESCHEDULE]: () => {
        sends = [scheduled({ dueAt: later.toISOString() })];
        return sends[0];
      },
    });
    const { user } = renderPanel({ venueTimeZone: 'Europe/Lisbon' });
    await user.click(within(await scheduledList()).getByRole('button', { name: 'Change time' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change time' });
    const field = within(dialog).getByLabelText(/^Send at/);
    expect(field).toHaveValue(instantToLocalInput(due.getTime()));
    expect(field).toHaveAccessibleDescription(/At the venue \(Europe\/Lisbon\): /);
    fireEvent.change(field, { target: { value: instantToLocalInput(later.getTime()) } });
    await user.click(within(dialog).getByRole('button', { name: 'Change time' }));
    await dialogClosed();

    expect(currentApi().callsTo(RESCHEDULE)).toMatchObject([
      { params: { id: 'sch-1' }, body: { sendAt: later.toISOString() } },
    ]);
    expect(within(scheduledRegion()).getByRole('status')).toHaveTextContent(
      /^Time changed: it now goes out on .* \(your time\)\.$/,
    );
  });

  it('says plainly that a send that has started can no longer be changed', async () => {
    let sends = [scheduled()];
    mockScheduled(() => sends);
    currentApi().use({
      [RESCHEDULE]: () => {
        sends = [];
        return errorResponse(409, [
          { errorCode: 'SCHEDULED_SEND_STARTED', message: 'This scheduled send has already started.' },
        ]);
      },
    });
    const { user } = renderPanel();
    await user.click(within(await scheduledList()).getByRole('button', { name: 'Change time' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change time' });
    const field = within(dialog).getByLabelText(/^Send at/);
    fireEvent.change(field, { target: { value: instantToLocalInput(Date.now() + 4 * DAY) } });
    await user.click(within(dialog).getByRole('button', { name: 'Change time' }));

    const problem = await within(dialog).findByRole('alert', { name: 'There is a problem' });
    expect(problem).toHaveTextContent(
      'This send has already started: it can no longer be changed or cancelled.',
    );
    expect(problem).toHaveTextContent('This scheduled send has already started.');
    expect(problem).toHaveFocus();
    expect(currentApi().callsTo(RESCHEDULE)).toHaveLength(1);
  });

  it('offers neither button to a viewer', async () => {
    mockScheduled(() => [scheduled()]);
    renderPanel({ sendNotAllowedReason: 'Your role (viewer) does not allow sending invites.' });
    const list = await scheduledList();
    expect(within(list).queryByRole('button')).not.toBeInTheDocument();
  });
});

/** A click on the dim area around the dialog, as MUI reads one (a press and a click on its container). */
function clickBackdrop() {
  const container = document.querySelector('.MuiDialog-container')!;
  fireEvent.mouseDown(container);
  fireEvent.click(container);
}

describe('The History: a change under way', { timeout: 120_000 }, () => {
  it('keeps "Change time" open until the answer, says what it does, and shows a failure in it', async () => {
    mockScheduled(() => [scheduled()]);
    const answer = deferred<Response>();
    currentApi().use({ [RESCHEDULE]: () => answer.promise });
    const { user } = renderPanel();
    await user.click(within(await scheduledList()).getByRole('button', { name: 'Change time' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change time' });
    fireEvent.change(within(dialog).getByLabelText(/^Send at/), {
      target: { value: instantToLocalInput(Date.now() + 4 * DAY) },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Change time' }));

    expect(await within(dialog).findByRole('button', { name: 'Changing the time…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await user.keyboard('{Escape}');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    clickBackdrop();
    await settle();
    expect(screen.getByRole('dialog', { name: 'Change time' })).toBeInTheDocument();

    answer.resolve(
      errorResponse(409, [
        {
          errorCode: 'SCHEDULED_SEND_STARTED',
          message: 'It was cancelled, so it can no longer be changed or cancelled.',
          errorParameters: [
            { name: 'id', value: 'sch-1' },
            { name: 'status', value: 'cancelled' },
          ],
        },
      ]),
    );
    const problem = await within(dialog).findByRole('alert', { name: 'There is a problem' });
    expect(problem).toHaveTextContent('This send was already cancelled: its time can no longer be changed.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeEnabled();
  });

  it('keeps "Cancel scheduled send" open until the answer, and shows a failure in it', async () => {
    mockScheduled(() => [scheduled()]);
    const answer = deferred<Response>();
    currentApi().use({ [CANCEL_SCHEDULED]: () => answer.promise });
    const { user } = renderPanel();
    await user.click(within(await scheduledList()).getByRole('button', { name: 'Cancel scheduled send' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this scheduled send?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel scheduled send' }));

    expect(
      await within(dialog).findByRole('button', { name: 'Cancelling the scheduled send…' }),
    ).toHaveAttribute('aria-disabled', 'true');
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toBeDisabled();
    await user.keyboard('{Escape}');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    clickBackdrop();
    await settle();
    expect(screen.getByRole('dialog', { name: 'Cancel this scheduled send?' })).toBeInTheDocument();

    answer.resolve(errorResponse(502));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/No clear answer came back/);
    expect(currentApi().callsTo(CANCEL_SCHEDULED)).toHaveLength(1);
  });
});

describe('The History: a scheduled send coming due', { timeout: 120_000 }, () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is asked for again once it is due, and the History then lists how it went', async () => {
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    const dueAt = dueIn(2 * 60_000);
    let ran = false;
    const history = () =>
      ran ? [scheduled({ id: 'sch-1', status: 'accepted', httpStatus: 200, dueAt, completedAt: dueAt })] : [];
    currentApi().use({
      [SCHEDULED]: () => ({ sends: ran ? [] : [scheduled({ dueAt })] }),
      [EVENT_SENDS]: () => ({
        sends: history(),
        total: history().length,
        offset: 0,
        limit: 20,
        nextBefore: null,
      }),
    });
    renderPanel();
    const list = await scheduledList();
    expect(within(list).getByRole('button', { name: 'Cancel scheduled send' })).toBeVisible();
    const historyCalls = currentApi().callsTo(EVENT_SENDS).length;

    // Nothing is asked again before it is due.
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(currentApi().callsTo(SCHEDULED)).toHaveLength(1);

    // The server runs it at its time; a few seconds later the list is asked again.
    ran = true;
    await act(() => vi.advanceTimersByTimeAsync(66_000));
    await waitFor(() => expect(currentApi().callsTo(SCHEDULED)).toHaveLength(2));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Cancel scheduled send' })).not.toBeInTheDocument(),
    );
    await waitFor(() => expect(currentApi().callsTo(EVENT_SENDS).length).toBeGreaterThan(historyCalls));
    const sends = await screen.findByRole('list', { name: 'Sends, newest first' });
    expect(await within(sends).findAllByRole('listitem')).toHaveLength(1);
  });
});

describe('The History: sends that were scheduled', { timeout: 120_000 }, () => {
  it('reads when it was due and how late it went, and why one was not sent', async () => {
    mockScheduled(
      () => [],
      [
        scheduled({ id: 'done', status: 'accepted', httpStatus: 200, dueAt: dueIn(-DAY), lateMinutes: 12 }),
        scheduled({ id: 'gone', status: 'cancelled', dueAt: dueIn(-DAY) }),
        scheduled({
          id: 'skipped',
          status: 'skipped',
          dueAt: dueIn(-DAY),
          errorCount: 1,
          firstErrorMessage: 'Marcus Webb no longer has the sender role.',
        }),
      ],
    );
    renderPanel();
    const list = await screen.findByRole('list', { name: 'Sends, newest first' });
    const items = await within(list).findAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/Sent\s*Scheduled for .* · sent 12 minutes late/);
    expect(items[1]).toHaveTextContent(/Cancelled\s*Scheduled for/);
    expect(items[2]).toHaveTextContent(
      /Not sent\s*Scheduled for .*Marcus Webb no longer has the sender role\./,
    );
  });
});
