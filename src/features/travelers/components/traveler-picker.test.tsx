import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EventTravelerFilter } from '#contract';
import { ACME_COMPANY_ID } from '@/testing/fixtures';
import { mockApi, type MockApi, type MockRoutes } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render-with-providers';
import {
  fullNameOf,
  makeTravelers,
  mockListLayout,
  rsvpCountsOf,
  travelerRoutes,
  type FakeTraveler,
} from '../testing/fake-travelers';
import { TravelerPicker, type TravelerPickerProps } from './traveler-picker';

const LIST = 'POST /v2/events/:eventId/travelers-list';

let api: MockApi;

function setup(travelers: FakeTraveler[], props: Partial<TravelerPickerProps> = {}, routes: MockRoutes = {}) {
  api = mockApi({ ...travelerRoutes(travelers), ...routes });
  const onToggle = vi.fn();
  const utils = renderWithProviders(
    <TravelerPicker
      eventId="evt-1"
      companyId={ACME_COMPANY_ID}
      travelerCount={travelers.length}
      rsvpCounts={rsvpCountsOf(travelers)}
      disabled={false}
      selectedIds={new Set()}
      onToggle={onToggle}
      onSelectMany={vi.fn()}
      onClearSelection={vi.fn()}
      travelerErrors={new Map()}
      pickerErrors={[]}
      {...props}
    />,
  );
  return { ...utils, onToggle };
}

/** The pages the picker asked for: all its travelers-list requests (the RSVP counts come in as a prop). */
function pageRequests() {
  return api
    .callsTo(LIST)
    .map((call) => call.body as { offset: number; limit: number; filters: EventTravelerFilter[] });
}

const rowsInDom = () => document.querySelectorAll('li[data-index]').length;

describe('TravelerPicker', { timeout: 120_000 }, () => {
  beforeEach(() => mockListLayout({ listHeight: 440, rowHeight: 64 }));

  it('shows each traveler with name, email, RSVP state and when they were invited', async () => {
    const travelers = makeTravelers(3, (i) => (i === 1 ? 'INVITED' : 'ADDED'));
    const { user } = setup(travelers);
    const bob = fullNameOf(travelers[1]!);
    const row = (await screen.findByRole('checkbox', { name: bob })).closest('li')!;
    expect(row).toHaveTextContent(bob);
    expect(row).toHaveTextContent(travelers[1]!.email);
    expect(within(row).getByText('Invited', { selector: '.MuiChip-label' })).toBeInTheDocument();
    const time = row.querySelector('time')!;
    expect(time).toHaveAttribute('dateTime', '2026-11-20T08:15Z');
    await user.hover(time);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(/Nov 20, 2026/);
    expect(screen.getByText('3 travelers in this event')).toBeInTheDocument();
  });

  it('asks for pages of 100 with names resolved one users call per page', async () => {
    setup(makeTravelers(250));
    await screen.findByRole('checkbox', { name: 'Ann Archer' });
    expect(pageRequests()[0]).toEqual({ offset: 0, limit: 100, filters: [] });
    const users = api.callsTo('POST /v3/users/list');
    expect(users).toHaveLength(1);
    expect(users[0]!.body).toMatchObject({
      companyId: { id: ACME_COMPANY_ID },
      pagination: { offset: 0, limit: 100 },
    });
    expect((users[0]!.body as { filters: [{ userIds: unknown[] }] }).filters[0].userIds).toHaveLength(100);
  });

  it('searches on the server once typing pauses', async () => {
    const { user } = setup(makeTravelers(40));
    await screen.findByRole('checkbox', { name: 'Ann Archer' });
    await user.type(screen.getByRole('searchbox', { name: 'Search travelers' }), 'bob');
    await waitFor(() =>
      expect(screen.queryByRole('checkbox', { name: 'Ann Archer' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('checkbox', { name: 'Bob Baker' })).toBeInTheDocument();
    const searches = pageRequests().filter((body) => body.filters.length > 0);
    expect(searches).toEqual([
      { offset: 0, limit: 100, filters: [{ type: 'TRAVELER_SEARCH_FILTER', searchTerm: 'bob' }] },
    ]);
    expect(screen.getByText(/travelers? match/)).toBeInTheDocument();
  });

  it('filters by RSVP state in one click, with the count of each state', async () => {
    const travelers = makeTravelers(20, (i) => (i < 5 ? 'INVITED' : 'ADDED'));
    const { user } = setup(travelers);
    const invited = await screen.findByRole('button', { name: 'Invited 5' });
    expect(screen.getByRole('button', { name: 'Not invited 15' })).toBeInTheDocument();
    await user.click(invited);
    expect(invited).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(rowsInDom()).toBe(5));
    expect(pageRequests().at(-1)).toEqual({
      offset: 0,
      limit: 100,
      filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: ['INVITED'] }],
    });
  });

  it('keeps at most 60 rows in the DOM and loads the next page while scrolling', async () => {
    setup(makeTravelers(10_000));
    await screen.findByRole('checkbox', { name: 'Ann Archer' });
    expect(rowsInDom()).toBeGreaterThan(0);
    expect(rowsInDom()).toBeLessThanOrEqual(60);
    expect(pageRequests().map((b) => b.offset)).toEqual([0]);

    const scroller = screen.getByRole('list', { name: 'Travelers' }).parentElement!;
    scroller.scrollTop = 90 * 64;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(pageRequests().map((b) => b.offset)).toEqual([0, 100]));
    await waitFor(() => expect(document.querySelector('li[data-index="95"]')).not.toBeNull());
    expect(rowsInDom()).toBeLessThanOrEqual(60);
    expect(document.querySelector('li[data-index="0"]')).toBeNull();
    expect(document.querySelector('li[data-index="95"]')).toHaveAttribute('aria-setsize', '10000');
  });

  it('is one Tab stop; arrow keys move between rows and Space toggles', async () => {
    const travelers = makeTravelers(30);
    const { user, onToggle } = setup(travelers);
    await screen.findByRole('checkbox', { name: 'Ann Archer' });
    screen.getByRole('searchbox', { name: 'Search travelers' }).focus();
    await user.tab(); // into the RSVP filter
    while (!(
      document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'checkbox'
    )) {
      await user.tab();
    }
    expect(screen.getByRole('checkbox', { name: 'Ann Archer' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('checkbox', { name: 'Bob Baker' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(screen.getByRole('checkbox', { name: 'Cy Cole' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('checkbox', { name: 'Ann Archer' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    await user.keyboard(' ');
    expect(onToggle).toHaveBeenCalledWith(expect.objectContaining({ id: travelers[1]!.id }), true);
    // Only the active row is in the tab order.
    const tabbable = screen.getAllByRole('checkbox').filter((box) => box.tabIndex === 0);
    expect(tabbable).toEqual([screen.getByRole('checkbox', { name: 'Bob Baker' })]);
  });

  it('Page Down and Page Up move ten rows, End to the last row, rendering it first when it is out of view', async () => {
    const { user } = setup(makeTravelers(30));
    (await screen.findByRole('checkbox', { name: 'Ann Archer' })).focus();
    const focusedIndex = () => document.activeElement?.closest('li')?.getAttribute('data-index');
    await user.keyboard('{PageDown}');
    expect(focusedIndex()).toBe('10');
    expect(document.querySelector('li[data-index="29"]')).toBeNull();
    await user.keyboard('{End}');
    await waitFor(() => expect(document.querySelector('li[data-index="29"]')).not.toBeNull());
    await waitFor(() => expect(focusedIndex()).toBe('29'));
    await user.keyboard('{PageUp}');
    await waitFor(() => expect(focusedIndex()).toBe('19'));
    expect(document.activeElement).toHaveAttribute('tabindex', '0');
  });

  it('shows an unknown user by id, and a row error as the checkbox description', async () => {
    const travelers = makeTravelers(2);
    setup(
      travelers,
      {
        travelerErrors: new Map([
          [travelers[0]!.id, [{ index: 0, error: { message: 'Left the company' }, fields: [] }]],
        ]),
      },
      { 'POST /v3/users/list': { users: [] } },
    );
    const box = await screen.findByRole('checkbox', { name: `Unknown traveler (${travelers[0]!.id})` });
    expect(box).toHaveAccessibleDescription('Left the company');
    expect(box).toHaveAttribute('aria-invalid', 'true');
  });

  it('disables everything while "Invite all travelers" is on', async () => {
    setup(makeTravelers(3), { disabled: true });
    expect(await screen.findByRole('checkbox', { name: 'Ann Archer' })).toBeDisabled();
    expect(screen.getByRole('searchbox', { name: 'Search travelers' })).toBeDisabled();
    expect(screen.getByRole('button', { name: /^All/ })).toBeDisabled();
  });

  it('says when the travelers cannot be loaded and offers to try again', async () => {
    const { user } = setup(
      makeTravelers(3),
      {},
      { [LIST]: () => new Response('<html>oops</html>', { status: 502 }) },
    );
    expect(await screen.findByText(/The travelers could not be loaded/)).toHaveTextContent('HTTP 502');
    api.use(travelerRoutes(makeTravelers(3)));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('checkbox', { name: 'Ann Archer' })).toBeInTheDocument();
  });
});
