import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EventRsvpState } from '#contract';
import { instantToLocalInput } from '@/components/send-at/send-at-time';
import {
  countResponse,
  makeEvent,
  makeSendSummary,
  makeSession,
  rsvpStateFilterOf,
} from '@/testing/fixtures';
import { errorResponse, jsonResponse, mockApi, type MockRequest, type MockRoutes } from '@/testing/mock-api';
import { preloadAppRoutes, renderApp } from '@/testing/render-app';

beforeAll(preloadAppRoutes, 30_000);

const REMIND = 'POST /reminders/events/:eventId';

/** The event's RSVP counts; `INVITED` is what the reminder's confirmation counts afresh. */
function eventRoutes(invited: number, extra: MockRoutes = {}): MockRoutes {
  const counts: Record<EventRsvpState, number> = {
    ADDED: 2,
    INVITED: invited,
    INVITE_ACCEPTED: 4,
    INVITE_DECLINED: 1,
    REMOVED: 0,
  };
  return {
    'GET /v2/events/:eventId': { event: makeEvent({ id: 'evt-1', type: 'GENERIC' }) },
    'POST /v2/events/:eventId/travelers-list': ({ body }: MockRequest) => {
      const state = rsvpStateFilterOf(body);
      return countResponse(state ? counts[state] : 0);
    },
    ...extra,
  };
}

async function openReminder(user: ReturnType<typeof renderApp>['user']) {
  const section = await screen.findByRole('region', { name: 'Reminders' });
  await user.click(within(section).getByRole('button', { name: "Remind those who haven't answered" }));
  return { section, dialog: await screen.findByRole('dialog') };
}

describe('reminding those who have not answered', () => {
  it('names how many are still invited now, sends once on Yes, and says how many it reached', async () => {
    const api = mockApi(eventRoutes(3, { [REMIND]: { status: 'accepted', travelerCount: 3 } }));
    const { user } = renderApp('/events/evt-1');
    const { section, dialog } = await openReminder(user);
    expect(section).toHaveTextContent('3 travelers were invited and have not answered yet.');

    expect(
      await within(dialog).findByRole('heading', { name: 'Send a reminder to 3 travelers?' }),
    ).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Send reminder' }));

    await waitFor(() =>
      expect(within(section).getByRole('status')).toHaveTextContent(
        'Reminder sent to 3 travelers who had not answered.',
      ),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
    const calls = api.callsTo(REMIND);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ params: { eventId: 'evt-1' }, body: { type: 'GENERIC' } });
    expect(calls[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('offers nothing to send when nobody is left, and sends nothing', async () => {
    const api = mockApi(eventRoutes(0, { [REMIND]: { status: 'skipped', travelerCount: 0 } }));
    const { user } = renderApp('/events/evt-1');
    const { dialog } = await openReminder(user);

    expect(await within(dialog).findByRole('heading', { name: 'Nobody is left to remind' })).toBeVisible();
    expect(within(dialog).queryByRole('button', { name: 'Send reminder' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo(REMIND)).toHaveLength(0);
  });

  it('says so when everyone answered between the confirmation and the reminder, and nothing was sent', async () => {
    mockApi(eventRoutes(2, { [REMIND]: { status: 'skipped', travelerCount: 0 } }));
    const { user } = renderApp('/events/evt-1');
    const { section, dialog } = await openReminder(user);
    await within(dialog).findByRole('heading', { name: 'Send a reminder to 2 travelers?' });
    await user.click(within(dialog).getByRole('button', { name: 'Send reminder' }));
    await waitFor(() =>
      expect(within(section).getByRole('status')).toHaveTextContent(
        'Nobody was left to remind: every invited traveler has answered. Nothing was sent.',
      ),
    );
  });

  it('says the outcome is unknown, not "not sent", when the server fails after the reminder began', async () => {
    mockApi(
      eventRoutes(3, {
        [REMIND]: errorResponse(504, [
          { errorCode: 'UPSTREAM_TIMEOUT', message: 'Spotnana did not answer in time.' },
        ]),
      }),
    );
    const { user } = renderApp('/events/evt-1');
    const { section, dialog } = await openReminder(user);
    await within(dialog).findByRole('heading', { name: 'Send a reminder to 3 travelers?' });
    await user.click(within(dialog).getByRole('button', { name: 'Send reminder' }));
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent("The reminder's outcome is unknown: check the travelers' states");
    expect(alert).not.toHaveTextContent('The reminder was not sent');
  });

  it('sends nothing on Cancel', async () => {
    const api = mockApi(eventRoutes(3, { [REMIND]: { status: 'accepted', travelerCount: 3 } }));
    const { user } = renderApp('/events/evt-1');
    const { dialog } = await openReminder(user);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo(REMIND)).toHaveLength(0);
  });

  it('shows every entry of a refusal', async () => {
    mockApi(
      eventRoutes(3, {
        [REMIND]: errorResponse(400, [
          { errorCode: 'EVENT_NOT_PUBLISHED', message: 'Invites cannot be sent for a draft event.' },
        ]),
      }),
    );
    const { user } = renderApp('/events/evt-1');
    const { section, dialog } = await openReminder(user);
    await within(dialog).findByRole('heading', { name: 'Send a reminder to 3 travelers?' });
    await user.click(within(dialog).getByRole('button', { name: 'Send reminder' }));

    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('The reminder was not sent');
    expect(alert).toHaveTextContent('Invites cannot be sent for a draft event.');
    expect(within(section).getByRole('status')).toHaveTextContent('');
  });

  it('"Remind later" schedules a reminder to whoever is still invited when it runs', async () => {
    const at = new Date();
    at.setDate(at.getDate() + 1);
    at.setHours(9, 0, 0, 0);
    const dueAt = at.toISOString();
    const api = mockApi(
      eventRoutes(3, {
        'POST /schedules/events/:eventId': () =>
          jsonResponse(
            { ...makeSendSummary({ action: 'remind', status: 'scheduled', scope: 'all' }), dueAt },
            201,
          ),
      }),
    );
    const { user } = renderApp('/events/evt-1');
    const section = await screen.findByRole('region', { name: 'Reminders' });
    await user.click(within(section).getByRole('button', { name: 'Remind later' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remind later' });
    expect(dialog).toHaveAccessibleDescription(
      /A reminder as a general event, to whoever is still invited and has not answered when it runs \(3 travelers now\)/,
    );
    const field = within(dialog).getByLabelText(/^Send at/);
    fireEvent.change(field, { target: { value: instantToLocalInput(at.getTime()) } });
    await user.click(within(dialog).getByRole('button', { name: 'Schedule reminder' }));

    await waitFor(() =>
      expect(within(section).getByRole('status')).toHaveTextContent(
        /^Reminder scheduled for .*9:00 AM \(your time\)\.$/,
      ),
    );
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
    const calls = api.callsTo('POST /schedules/events/:eventId');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toEqual({ action: 'remind', sendAt: dueAt, type: 'GENERIC' });
    expect(api.callsTo(REMIND)).toHaveLength(0);
  });

  it('is disabled for a viewer, who is told why', async () => {
    mockApi({ 'GET /auth/session': makeSession({ role: 'viewer' }), ...eventRoutes(3) });
    renderApp('/events/evt-1');
    const section = await screen.findByRole('region', { name: 'Reminders' });
    const button = within(section).getByRole('button', { name: "Remind those who haven't answered" });
    await waitFor(() => expect(button).toBeDisabled());
    expect(button).toHaveAccessibleDescription(/Your role \(viewer\)/);
  });
});
