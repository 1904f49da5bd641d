import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Event, ListEventType } from '#contract';
import { makeEvent } from '@/testing/fixtures';
import {
  deferred,
  errorResponse,
  jsonResponse,
  mockApi,
  textResponse,
  type MockRequest,
} from '@/testing/mock-api';
import { preloadAppRoutes, renderApp } from '@/testing/render-app';

beforeAll(preloadAppRoutes, 30_000);

const EVENTS: Record<ListEventType, Event[]> = {
  UPCOMING: [
    makeEvent(),
    makeEvent({
      id: 'evt-summit',
      name: 'Leadership Summit',
      type: 'PROGRAM',
      status: 'DRAFT',
      numTravelers: 10000,
      startDateTime: { iso8601: '2027-03-02T08:30' },
      endDateTime: { iso8601: '2027-03-04T18:00' },
      location: { address: { addressLines: [], locality: 'Lisbon', regionCode: 'PT' } },
    }),
  ],
  PAST_OR_COMPLETED: [
    makeEvent({ id: 'evt-offsite', name: 'Engineering Offsite 2025', type: 'PROGRAM_TRIP' }),
  ],
  CANCELLED_EVENT: [makeEvent({ id: 'evt-gala', name: 'Winter Gala', status: 'CANCELLED' })],
};

function listEvents({ body }: MockRequest) {
  const type = (body as { listEventType: ListEventType }).listEventType;
  return { events: EVENTS[type], paginationParams: { totalNumResults: EVENTS[type].length } };
}

const listedTypes = (api: ReturnType<typeof mockApi>) =>
  api.callsTo('POST /v2/events/list').map((call) => (call.body as { listEventType: string }).listEventType);

describe('the events list', () => {
  it('shows the upcoming events with name, type, dates, status and traveler count', async () => {
    const api = mockApi({ 'POST /v2/events/list': listEvents });
    renderApp('/events');

    expect(await screen.findByRole('heading', { level: 1, name: 'Events' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'upcoming events' });
    const summit = within(table).getByRole('link', { name: 'Leadership Summit' }).closest('tr')!;
    expect(summit).toHaveTextContent('Program');
    expect(summit).toHaveTextContent(/Mar 2\s*–\s*4, 2027/);
    expect(summit).toHaveTextContent('Draft');
    expect(summit).toHaveTextContent('10,000');
    expect(summit).toHaveTextContent('Lisbon, Portugal');
    expect(within(table).getByRole('link', { name: 'Acme Kick-off 2027' })).toHaveAttribute(
      'href',
      '/events/evt-kickoff',
    );

    expect(screen.getByRole('tab', { name: 'Upcoming', selected: true })).toBeInTheDocument();
    expect(api.callsTo('POST /v2/events/list')[0]?.body).toEqual({
      listEventType: 'UPCOMING',
      offset: 0,
      limit: 25,
      sortOptions: [{ sortField: 'START_DATE', sortOrder: 'ASC' }],
    });
  });

  it('asks for PAST_OR_COMPLETED and CANCELLED_EVENT from the other tabs, and keeps the tab in the URL', async () => {
    const api = mockApi({ 'POST /v2/events/list': listEvents });
    const { user, router } = renderApp('/events');
    await screen.findByRole('link', { name: 'Acme Kick-off 2027' });

    await user.click(screen.getByRole('tab', { name: 'Past' }));
    expect(await screen.findByRole('link', { name: 'Engineering Offsite 2025' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'past events' })).toHaveTextContent('Program trip');
    expect(router.state.location.search).toBe('?tab=past');

    await user.click(screen.getByRole('tab', { name: 'Cancelled' }));
    expect(await screen.findByRole('link', { name: 'Winter Gala' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?tab=cancelled');
    expect(listedTypes(api)).toEqual(['UPCOMING', 'PAST_OR_COMPLETED', 'CANCELLED_EVENT']);

    // Back returns to the previous tab.
    await router.navigate(-1);
    expect(await screen.findByRole('tab', { name: 'Past', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Engineering Offsite 2025' })).toBeInTheDocument();
  });

  it('opens on the tab named in the URL', async () => {
    const api = mockApi({ 'POST /v2/events/list': listEvents });
    renderApp('/events?tab=cancelled');
    expect(await screen.findByRole('link', { name: 'Winter Gala' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Cancelled', selected: true })).toBeInTheDocument();
    expect(listedTypes(api)).toEqual(['CANCELLED_EVENT']);
  });

  it('moves between tabs with the arrow keys', async () => {
    mockApi({ 'POST /v2/events/list': listEvents });
    const { user, router } = renderApp('/events');
    await screen.findByRole('link', { name: 'Acme Kick-off 2027' });
    await user.click(screen.getByRole('tab', { name: 'Upcoming' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Past' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.search).toBe('?tab=past'));
  });

  it('shows a skeleton while loading, then an empty state when there are no events', async () => {
    const answer = deferred<Response>();
    mockApi({ 'POST /v2/events/list': () => answer.promise });
    renderApp('/events?tab=past');
    expect(await screen.findByText('Loading past events…')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'past events' })).toHaveAttribute('aria-busy', 'true');

    answer.resolve(jsonResponse({ events: [], paginationParams: { totalNumResults: 0 } }));
    expect(await screen.findByRole('heading', { name: 'No past events' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('names the HTTP status of a failure and retries on request', async () => {
    const api = mockApi({ 'POST /v2/events/list': textResponse('<html>Bad gateway</html>', 502) });
    const { user } = renderApp('/events');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the upcoming events');
    expect(alert).toHaveTextContent('HTTP 502 Bad Gateway');

    api.use({ 'POST /v2/events/list': listEvents });
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Acme Kick-off 2027' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the message of a Spotnana error envelope', async () => {
    mockApi({
      'POST /v2/events/list': errorResponse(401, [
        { errorCode: 'UNAUTHENTICATED', message: 'Token expired' },
      ]),
    });
    renderApp('/events');
    expect(await screen.findByRole('alert')).toHaveTextContent('HTTP 401 Unauthorized: Token expired');
  });

  it('pages through long lists, keeping the page in the URL', async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      makeEvent({ id: `evt-${i}`, name: `Roadshow stop ${i + 1}` }),
    );
    const api = mockApi({
      'POST /v2/events/list': ({ body }) => {
        const { offset = 0, limit = 10 } = body as { offset?: number; limit?: number };
        return {
          events: many.slice(offset, offset + limit),
          paginationParams: { totalNumResults: many.length },
        };
      },
    });
    const { user, router } = renderApp('/events');
    await screen.findByRole('link', { name: 'Roadshow stop 1' });
    expect(screen.getByText('1–25 of 30')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /next page/i }));
    expect(await screen.findByRole('link', { name: 'Roadshow stop 26' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');
    expect(api.callsTo('POST /v2/events/list').at(-1)?.body).toMatchObject({ offset: 25, limit: 25 });
  });

  it('opens an event from its link', async () => {
    mockApi({
      'POST /v2/events/list': listEvents,
      'GET /v2/events/:eventId': ({ params }) => ({
        event: EVENTS.UPCOMING.find((e) => e.id === params.eventId),
      }),
      'POST /v2/events/:eventId/travelers-list': {
        travelerEventInfos: [],
        paginationParams: { totalNumResults: 0 },
      },
    });
    const { user, router } = renderApp('/events');
    await user.click(await screen.findByRole('link', { name: 'Leadership Summit' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Leadership Summit' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/events/evt-summit');
  });
});
