import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { EventTravelerFilter } from '#contract';
import { ACME_COMPANY_ID } from '@/testing/fixtures';
import { deferred, mockApi, type MockApi, type MockRequest } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render-with-providers';
import {
  fullNameOf,
  makeTravelers,
  mockListLayout,
  rsvpCountsOf,
  travelerRoutes,
  type FakeTraveler,
} from '@/features/travelers/testing/fake-travelers';
import { NO_HISTORY } from './testing/invite-panel-test';
import { EventInvites } from './event-invites';

const LIST = 'POST /v2/events/:eventId/travelers-list';
const USERS = 'POST /v3/users/list';
const SEND = 'POST /v2/events/:eventId/invite/send';

type ListBody = { offset: number; limit: number; filters: EventTravelerFilter[] };

let api: MockApi;

/** Select-all pages through the fake API and re-renders a big selection: on a busy machine, give it time. */
const SLOW = { timeout: 20_000 };

function setup(travelers: FakeTraveler[]) {
  api = mockApi({
    ...travelerRoutes(travelers),
    ...NO_HISTORY,
    [SEND]: () => new Response(null, { status: 200 }),
  });
  return renderWithProviders(
    <EventInvites
      eventId="evt-1"
      eventType="GENERIC"
      eventStatus="PUBLISH"
      travelerCount={travelers.filter((t) => t.state !== 'REMOVED').length}
      companyId={ACME_COMPANY_ID}
      rsvpCounts={rsvpCountsOf(travelers)}
    />,
  );
}

/** Wraps the fake travelers-list so a test can hold pages back and see how many are in flight at once. */
function instrumentList(travelers: FakeTraveler[], hold?: (body: ListBody) => Promise<void> | undefined) {
  const list = travelerRoutes(travelers)[LIST] as (request: MockRequest) => unknown;
  const stats = { inFlight: 0, most: 0 };
  api.use({
    [LIST]: async (request: MockRequest) => {
      stats.inFlight++;
      stats.most = Math.max(stats.most, stats.inFlight);
      try {
        await hold?.(request.body as ListBody);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return list(request);
      } finally {
        stats.inFlight--;
      }
    },
  });
  return stats;
}

/** The pages "Select all" asked for: full pages after the picker's own first one. */
const selectAllPages = (from: number) =>
  api
    .callsTo(LIST)
    .slice(from)
    .map((call) => call.body as ListBody)
    .filter((body) => body.limit === 100);

const selectedHeading = (count: string) => screen.getByRole('heading', { name: `Selected: ${count}` });

describe('Bulk selection', { timeout: 120_000 }, () => {
  beforeEach(() => mockListLayout({ listHeight: 440, rowHeight: 64 }));

  it('selects every traveler matching the RSVP filter, 6 pages at a time, ids only, and sends to them all', async () => {
    const travelers = makeTravelers(1_234, (i) => (i % 4 === 0 ? 'INVITE_DECLINED' : 'ADDED'));
    const declined = travelers.filter((t) => t.state === 'INVITE_DECLINED');
    const { user } = setup(travelers);
    const stats = instrumentList(travelers);

    expect(await screen.findByRole('button', { name: 'Select all 1,234 matching' })).toBeEnabled();
    await user.click(await screen.findByRole('button', { name: 'Declined 309' }));
    const selectAll = await screen.findByRole('button', { name: 'Select all 309 matching' });
    await screen.findByRole('checkbox', { name: fullNameOf(declined[0]!) });

    const before = api.calls.length;
    const listCallsBefore = api.callsTo(LIST).length;
    const usersBefore = api.callsTo(USERS).length;
    stats.most = 0;
    await user.click(selectAll);

    expect(await screen.findByText('309 selected', {}, SLOW)).toBeInTheDocument();
    expect(selectedHeading('309 travelers')).toBeInTheDocument();
    expect(screen.getByText('Selected all 309 matching travelers.')).toBeInTheDocument();
    const pages = selectAllPages(listCallsBefore);
    expect(pages.map((body) => body.offset).sort((a, b) => a - b)).toEqual([0, 100, 200, 300]);
    expect(pages.every((body) => body.filters[0]?.type === 'INVITATION_STATUS_FILTER')).toBe(true);
    expect(stats.most).toBeLessThanOrEqual(6);
    // No names were fetched to select: the first chips take theirs from the rows already loaded.
    expect(api.callsTo(USERS).length).toBe(usersBefore);
    // Nothing else was asked for; the History loads on its own schedule and may answer late on a busy machine.
    const others = api.calls.slice(before).filter((call) => !call.path.startsWith('/history/'));
    expect(others.map((call) => `${call.method} ${call.path}`)).toEqual(
      Array(4).fill(`POST /v2/events/evt-1/travelers-list`),
    );
    const chips = screen.getByRole('list', { name: 'Selected travelers' });
    expect(within(chips).getByRole('button', { name: fullNameOf(declined[0]!) })).toBeInTheDocument();
    expect(within(chips).getAllByRole('button')).toHaveLength(50);
    expect(screen.getByText('…and 259 more.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send invites to 309 travelers?' }, SLOW);
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Invites sent to 309 travelers.', {}, SLOW)).toBeInTheDocument();
    const body = api.callsTo(SEND)[0]!.body as { userIds: { id: string }[] };
    expect(new Set(body.userIds.map((u) => u.id))).toEqual(new Set(declined.map((t) => t.id)));
  });

  it('shows its progress, and Cancel stops it and adds nobody; run again, it completes', async () => {
    const travelers = makeTravelers(1_000);
    const gate = deferred<void>();
    const { user } = setup(travelers);
    const selectAll = await screen.findByRole('button', { name: 'Select all 1,000 matching' });
    await screen.findByRole('checkbox', { name: fullNameOf(travelers[0]!) });
    let holding = true;
    const stats = instrumentList(travelers, (body) =>
      holding && body.offset >= 300 ? gate.promise : undefined,
    );
    const listCallsBefore = api.callsTo(LIST).length;

    await user.click(selectAll);
    const progress = await screen.findByRole('progressbar', { name: 'Selecting travelers' });
    await waitFor(() => expect(progress).toHaveAttribute('aria-valuenow', '30'));
    expect(progress).toHaveAttribute('aria-valuetext', '300 of 1,000 travelers');
    expect(selectAll).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Cancel selecting' }));
    expect(screen.queryByRole('progressbar', { name: 'Selecting travelers' })).not.toBeInTheDocument();
    expect(
      screen.getByText('Selecting stopped. Nothing was added: the selection is as it was.'),
    ).toBeInTheDocument();
    const askedWhenCancelled = selectAllPages(listCallsBefore).length;
    holding = false;
    gate.resolve();
    // Once the held pages have answered, nothing may follow them: they were abandoned, not continued.
    await waitFor(() => expect(stats.inFlight).toBe(0));
    expect(selectAllPages(listCallsBefore).length).toBe(askedWhenCancelled);
    expect(askedWhenCancelled).toBeLessThan(10);
    expect(screen.getByText('0 selected')).toBeInTheDocument();
    expect(selectedHeading('0 travelers')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Select all 1,000 matching' }));
    expect(await screen.findByText('1,000 selected', {}, SLOW)).toBeInTheDocument();
    expect(selectedHeading('1,000 travelers')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.getByText('0 selected')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear selection' })).toBeDisabled();
  });

  it('sends to the travelers the confirmation named, even when a "Select all" ends while it is open', async () => {
    const travelers = makeTravelers(1_000);
    const gate = deferred<void>();
    const { user } = setup(travelers);
    const selectAll = await screen.findByRole('button', { name: 'Select all 1,000 matching' });
    await user.click(await screen.findByRole('checkbox', { name: fullNameOf(travelers[0]!) }));
    await user.click(screen.getByRole('checkbox', { name: fullNameOf(travelers[1]!) }));
    instrumentList(travelers, (body) => (body.offset >= 300 ? gate.promise : undefined));
    await user.click(selectAll);
    await screen.findByRole('progressbar', { name: 'Selecting travelers' });

    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send invites to 2 travelers?' }, SLOW);
    gate.resolve();
    expect(await screen.findByText('1,000 selected', {}, SLOW)).toBeInTheDocument();
    // The question the manager is answering has not changed under them, and neither has the send.
    expect(dialog).toHaveAccessibleName('Send invites to 2 travelers?');
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Invites sent to 2 travelers.', {}, SLOW)).toBeInTheDocument();
    const body = api.callsTo(SEND)[0]!.body as { userIds: { id: string }[] };
    expect(body.userIds.map((u) => u.id)).toEqual([travelers[0]!.id, travelers[1]!.id]);
    // Only those two leave the selection; the rest of the "Select all" stays chosen for the next send.
    expect(await screen.findByText('998 selected', {}, SLOW)).toBeInTheDocument();
  });

  it('counts what the search finds, and keeps travelers chosen earlier first', async () => {
    const travelers = makeTravelers(300);
    const { user } = setup(travelers);
    await user.click(await screen.findByRole('checkbox', { name: 'Bob Baker' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search travelers' }), 'ann');
    const matching = travelers.filter((t) => `${fullNameOf(t)} ${t.email}`.toLowerCase().includes('ann'));
    // The count is the search's, once the debounced search has answered (before that it is the whole event's).
    const selectAll = await screen.findByRole('button', { name: `Select all ${matching.length} matching` });
    await user.click(selectAll);
    expect(await screen.findByText(`${matching.length + 1} selected`, {}, SLOW)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Send invites' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Send' }));
    await screen.findByText(`Invites sent to ${matching.length + 1} travelers.`, {}, SLOW);
    const sent = (api.callsTo(SEND)[0]!.body as { userIds: { id: string }[] }).userIds.map((u) => u.id);
    expect(sent).toEqual([travelers[1]!.id, ...matching.map((t) => t.id)]);
  });

  it('says so when a page fails, adds nobody, and offers to try again', async () => {
    const travelers = makeTravelers(500);
    const { user } = setup(travelers);
    await screen.findByRole('checkbox', { name: fullNameOf(travelers[0]!) });
    let fail = true;
    const list = travelerRoutes(travelers)[LIST] as (request: MockRequest) => unknown;
    api.use({
      [LIST]: (request: MockRequest) =>
        fail && (request.body as ListBody).offset === 200
          ? new Response('<html>Bad gateway</html>', { status: 502 })
          : list(request),
    });
    await user.click(screen.getByRole('button', { name: 'Select all 500 matching' }));
    const alert = await screen.findByText(
      /Not every matching traveler could be found, so none were added/,
      {},
      SLOW,
    );
    expect(alert).toHaveTextContent('HTTP 502');
    expect(screen.getByText('0 selected')).toBeInTheDocument();
    fail = false;
    await user.click(
      within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Try again' }),
    );
    expect(await screen.findByText('500 selected', {}, SLOW)).toBeInTheDocument();
  });
});

describe('RSVP filter chips', { timeout: 120_000 }, () => {
  beforeEach(() => mockListLayout({ listHeight: 440, rowHeight: 64 }));

  it('filter in one click, and a second click on the pressed chip shows everyone again', async () => {
    const travelers = makeTravelers(
      12,
      (i) => (['ADDED', 'INVITED', 'INVITE_ACCEPTED', 'INVITE_DECLINED'] as const)[i % 4]!,
    );
    const { user } = setup(travelers);
    const group = await screen.findByRole('group', { name: 'Filter by RSVP state' });
    const all = within(group).getByRole('button', { name: 'All 12' });
    const accepted = await within(group).findByRole('button', { name: 'Accepted 3' });
    expect(all).toHaveAttribute('aria-pressed', 'true');
    expect(accepted).toHaveAttribute('aria-pressed', 'false');
    for (const name of ['Not invited 3', 'Invited 3', 'Declined 3']) {
      expect(within(group).getByRole('button', { name })).toBeInTheDocument();
    }

    await user.click(accepted);
    expect(accepted).toHaveAttribute('aria-pressed', 'true');
    expect(all).toHaveAttribute('aria-pressed', 'false');
    expect(await screen.findByRole('button', { name: 'Select all 3 matching' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('checkbox')).toHaveLength(3));

    await user.click(accepted);
    expect(all).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByRole('button', { name: 'Select all 12 matching' })).toBeInTheDocument();
  });
});
