import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { EventRsvpState } from '#contract';
import { countResponse, makeEvent, rsvpStateFilterOf } from '@/testing/fixtures';
import { errorResponse, mockApi, textResponse, type MockRequest } from '@/testing/mock-api';
import { preloadAppRoutes, renderApp } from '@/testing/render-app';

beforeAll(preloadAppRoutes, 30_000);

const COUNTS: Record<EventRsvpState, number> = {
  ADDED: 4210,
  INVITED: 3100,
  INVITE_ACCEPTED: 2190,
  INVITE_DECLINED: 500,
  REMOVED: 0,
};

/** Count requests (`limit: 0`) get the state's count; anything else (the invite panel's pages) an empty page. */
function travelersList({ body }: MockRequest) {
  const { limit } = body as { limit?: number };
  const state = rsvpStateFilterOf(body);
  if (limit === 0 && state) return countResponse(COUNTS[state]);
  return countResponse(0);
}

describe('the event page', () => {
  it('shows the header: name, type, status, dates, location, travelers and RSVP counts', async () => {
    const api = mockApi({
      'GET /v2/events/:eventId': {
        event: makeEvent({
          id: 'evt-big',
          name: 'Global Sales Kick-off',
          type: 'PROGRAM',
          numTravelers: 10000,
        }),
      },
      'POST /v2/events/:eventId/travelers-list': travelersList,
    });
    renderApp('/events/evt-big');

    const header = await screen.findByRole('region', { name: 'Global Sales Kick-off' });
    expect(within(header).getByRole('heading', { level: 1 })).toHaveTextContent('Global Sales Kick-off');
    expect(header).toHaveTextContent('Program');
    expect(header).toHaveTextContent('Published');
    expect(header).toHaveTextContent(/Mon, Jan 18, 2027, 9:00\sAM\s–\sWed, Jan 20, 2027, 5:00\sPM/);
    expect(header).toHaveTextContent('Friedrichstraße 100');
    expect(header).toHaveTextContent('Berlin 10117');
    expect(header).toHaveTextContent('Germany');
    expect(header).toHaveTextContent('10,000 travelers');

    const rsvp = within(header).getByRole('region', { name: 'RSVP status' });
    const term = async (label: string) => (await within(rsvp).findByText(label)).closest('div')!;
    expect(await term('Not invited')).toHaveTextContent('4,210');
    expect(await term('Invited')).toHaveTextContent('3,100');
    expect(await term('Accepted')).toHaveTextContent('2,190');
    expect(await term('Declined')).toHaveTextContent('500');
    // No one removed: no figure for it.
    expect(within(rsvp).queryByText('Removed')).not.toBeInTheDocument();

    // The picker's filter chips show the very same counts: one query, one set of requests (counted below).
    const chips = await screen.findByRole('group', { name: 'Filter by RSVP state' }, { timeout: 10_000 });
    expect(await within(chips).findByRole('button', { name: 'Invited 3,100' })).toBeInTheDocument();
    expect(within(chips).getByRole('button', { name: 'Declined 500' })).toBeInTheDocument();

    const countCalls = api
      .callsTo('POST /v2/events/:eventId/travelers-list')
      .filter((call) => (call.body as { limit?: number }).limit === 0);
    expect(countCalls.map((call) => call.path)).toEqual(Array(5).fill('/v2/events/evt-big/travelers-list'));
    expect(countCalls.map((call) => rsvpStateFilterOf(call.body)).sort()).toEqual(
      ['ADDED', 'INVITED', 'INVITE_ACCEPTED', 'INVITE_DECLINED', 'REMOVED'].sort(),
    );
    expect(countCalls[0]?.body).toEqual({
      offset: 0,
      limit: 0,
      filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: ['ADDED'] }],
    });

    expect(screen.getByRole('navigation', { name: 'Breadcrumb' })).toHaveTextContent('Events');
    await waitFor(() => expect(document.title).toBe('Global Sales Kick-off · Invites Console'));
  });

  it('says when the RSVP counts could not be loaded, and keeps the rest of the header', async () => {
    mockApi({
      'GET /v2/events/:eventId': { event: makeEvent() },
      'POST /v2/events/:eventId/travelers-list': textResponse('upstream down', 503, 'text/plain'),
    });
    renderApp('/events/evt-kickoff');
    const header = await screen.findByRole('region', { name: 'Acme Kick-off 2027' });
    const rsvp = within(header).getByRole('region', { name: 'RSVP status' });
    expect(await within(rsvp).findByRole('alert')).toHaveTextContent('HTTP 503 Service Unavailable');
    expect(header).toHaveTextContent('25 travelers');
  });

  it('says an unknown event does not exist (anymore), with a way back to the list', async () => {
    mockApi({
      'GET /v2/events/:eventId': errorResponse(404, [
        { errorCode: 'EVENT_NOT_FOUND', message: 'Event not found' },
      ]),
      'POST /v2/events/list': { events: [] },
    });
    const { user, router } = renderApp('/events/evt-gone');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This event does not exist (anymore)' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/HTTP 404 Not Found · Debug ID debug-404/)).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Back to events' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Events' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/events');
  });

  it('says when the event may not be seen (403)', async () => {
    mockApi({ 'GET /v2/events/:eventId': errorResponse(403, [{ message: 'Forbidden' }]) });
    renderApp('/events/evt-other-company');
    expect(
      await screen.findByRole('heading', { level: 1, name: "You don't have permission to view this event" }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to events' })).toHaveAttribute('href', '/events');
  });

  it("says when Spotnana rejects the console's credentials (401)", async () => {
    mockApi({ 'GET /v2/events/:eventId': errorResponse(401) });
    renderApp('/events/evt-kickoff');
    expect(
      await screen.findByRole('heading', { level: 1, name: "Spotnana rejected the console's credentials" }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to events' })).toBeInTheDocument();
  });

  it('names the HTTP status of any other failure and offers a retry', async () => {
    const api = mockApi({ 'GET /v2/events/:eventId': textResponse('<html>502 Bad Gateway</html>', 502) });
    const { user } = renderApp('/events/evt-kickoff');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'The event could not be loaded' }),
    ).toBeInTheDocument();
    expect(screen.getByText('The server answered HTTP 502 Bad Gateway.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to events' })).toBeInTheDocument();

    api.use({
      'GET /v2/events/:eventId': { event: makeEvent() },
      'POST /v2/events/:eventId/travelers-list': travelersList,
    });
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Kick-off 2027' })).toBeInTheDocument();
  });

  it('says so when the server cannot be reached', async () => {
    mockApi({
      'GET /v2/events/:eventId': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    renderApp('/events/evt-kickoff');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'The event could not be loaded' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/could not reach its server/)).toBeInTheDocument();
  });
});
