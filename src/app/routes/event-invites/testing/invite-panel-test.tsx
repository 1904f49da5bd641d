/**
 * The invite form's component tests: a 25-traveler event (`evt-1`, GENERIC, published) behind the fake API, sends
 * accepted, no history yet, and a way to render the form with some props changed.
 */
import { beforeEach, expect } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { ACME_COMPANY_ID } from '@/testing/fixtures';
import type { ErrorMessage } from '#contract';
import { errorResponse, mockApi, type MockApi } from '@/testing/mock-api';
import { renderWithProviders, type RenderOptions } from '@/testing/render-with-providers';
import {
  mockListLayout,
  travelerRoutes,
  type FakeTraveler,
} from '@/features/travelers/testing/fake-travelers';
import { EventInvites, type EventInvitesProps } from '../event-invites';

export const SEND = 'POST /v2/events/:eventId/invite/send';
export const TEST = 'POST /v2/events/:eventId/invite/test';
export const EVENT_SENDS = 'GET /history/events/:eventId/sends';
export const RECENT_INVITES = 'POST /history/events/:eventId/recent-invites';
export const SEND_RECORD = 'GET /history/sends/:id';
export const SCHEDULED = 'GET /history/events/:eventId/scheduled';
export const SCHEDULE = 'POST /schedules/events/:eventId';
export const RESCHEDULE = 'POST /schedules/:id/reschedule';
export const CANCEL_SCHEDULED = 'POST /schedules/:id/cancel';

/** The history of an event nothing was sent (or scheduled) for yet, and no recent invites. */
export const NO_HISTORY = {
  [EVENT_SENDS]: { sends: [], total: 0, offset: 0, limit: 20, nextBefore: null },
  [SCHEDULED]: { sends: [] },
  [RECENT_INVITES]: () => ({
    since: new Date(Date.now() - 86_400_000).toISOString(),
    travelerCount: 0,
    sends: [],
  }),
};

/** Call at a test file's top level: a fresh fake API before each test, read through `api()`. */
export function setUpInvitePanelTests(travelers: FakeTraveler[]) {
  let api: MockApi | undefined;
  beforeEach(() => {
    mockListLayout({ listHeight: 400 });
    api = mockApi({
      ...travelerRoutes(travelers),
      ...NO_HISTORY,
      [SEND]: () => new Response(null, { status: 200 }),
    });
  });
  return {
    api: () => api!,
    /** The bodies of every send the form made, in order. */
    sendBodies: () => api!.callsTo(SEND).map((call) => call.body),
    /** The next sends are refused with these entries. */
    failSendWith: (status: number, errorMessages: ErrorMessage[], debugIdentifier = 'dbg-42') =>
      api!.use({ [SEND]: () => errorResponse(status, errorMessages, debugIdentifier) }),
    renderPanel: (props: Partial<EventInvitesProps> = {}, options: RenderOptions = {}) =>
      renderWithProviders(
        <EventInvites
          eventId="evt-1"
          eventType="GENERIC"
          eventStatus="PUBLISH"
          travelerCount={travelers.length}
          companyId={ACME_COMPANY_ID}
          {...props}
        />,
        options,
      ),
  };
}

type User = ReturnType<typeof userEvent.setup>;

/** Ticks these travelers in the picker, by name. */
export async function select(user: User, ...names: string[]) {
  for (const name of names) await user.click(await screen.findByRole('checkbox', { name }));
}

/** The error summary at the top of the form. */
export const summary = () => screen.getByRole('alert', { name: 'There is a problem' });

/** The dialog fades out; until it is gone the rest of the page is hidden from assistive technology. */
export const dialogClosed = () => waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

/** "Send invites", then "Send" in the confirmation (which must ask `question`, when given); waits until it closes. */
export async function sendAndConfirm(user: User, question?: string) {
  await user.click(screen.getByRole('button', { name: 'Send invites' }));
  const dialog = await screen.findByRole('dialog', question ? { name: question } : {});
  await user.click(within(dialog).getByRole('button', { name: 'Send' }));
  await dialogClosed();
}

/**
 * Lets what the last action set off finish (the form's asynchronous validation, React's render) before a test
 * asserts that something did not appear.
 */
export const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));
