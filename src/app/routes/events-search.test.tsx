import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Event, EventFilter, ListEventsRequest } from '#contract';
import { makeEvent } from '@/testing/fixtures';
import { mockApi, type MockRequest } from '@/testing/mock-api';
import { preloadAppRoutes, renderApp } from '@/testing/render-app';

beforeAll(preloadAppRoutes, 30_000);

const PROGRAM = makeEvent({ id: 'evt-program', name: 'Sales Academy 2027', type: 'PROGRAM' });
const UPCOMING: Event[] = [
  makeEvent({
    id: 'evt-kickoff',
    name: 'Acme Kick-off 2027',
    startDateTime: { iso8601: '2027-01-18T09:00' },
  }),
  makeEvent({ id: 'evt-summit', name: 'Leadership Summit', type: 'GENERIC' }),
  PROGRAM,
  makeEvent({
    id: 'evt-session-1',
    name: 'Academy: Negotiation',
    type: 'PROGRAM_SESSION',
    parentEventId: 'evt-program',
  }),
  makeEvent({
    id: 'evt-session-2',
    name: 'Academy: Closing',
    type: 'PROGRAM_SESSION',
    parentEventId: 'evt-program',
  }),
];

/** A small stand-in for the API: applies the name, type and parent filters the console sends. */
function listEvents({ body }: MockRequest) {
  const request = body as ListEventsRequest;
  const filters = (request.filters ?? []) as Array<Record<string, unknown> & EventFilter>;
  const events = UPCOMING.filter((event) =>
    filters.every((filter) => {
      if ('eventNameFilter' in filter)
        return event.name!.toLowerCase().includes(String(filter.eventNameFilter).toLowerCase());
      if ('eventTypeFilter' in filter)
        return (filter.eventTypeFilter as { types: string[] }).types.includes(event.type!);
      if ('eventParentFilter' in filter)
        return event.parentEventId === (filter.eventParentFilter as { parentEventId: string }).parentEventId;
      return true;
    }),
  );
  return { events, paginationParams: { totalNumResults: events.length } };
}

const listRequests = (api: ReturnType<typeof mockApi>) =>
  api.callsTo('POST /v2/events/list').map((call) => call.body as ListEventsRequest);

describe('finding an event', () => {
  it('searches by name on the server once the typing pauses, and keeps the search in the URL', async () => {
    const api = mockApi({ 'POST /v2/events/list': listEvents });
    const { user, router } = renderApp('/events');
    await screen.findByRole('link', { name: 'Leadership Summit' });

    await user.type(screen.getByRole('searchbox', { name: 'Search events' }), 'academy');

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('3 upcoming events match'));
    const table = screen.getByRole('table', { name: 'upcoming events' });
    expect(within(table).queryByRole('link', { name: 'Leadership Summit' })).not.toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Academy: Closing' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=academy');
    // One request for the whole word, not one per letter.
    const searches = listRequests(api).filter((request) => request.filters);
    expect(searches).toEqual([
      expect.objectContaining({ filters: [{ eventNameFilter: 'academy' }], offset: 0 }),
    ]);
  });

  it('keeps a space typed at the end of the search, and drops a search still waiting when Back is pressed', async () => {
    const api = mockApi({ 'POST /v2/events/list': listEvents });
    const { user, router } = renderApp('/events');
    await screen.findByRole('link', { name: 'Leadership Summit' });
    const field = screen.getByRole('searchbox', { name: 'Search events' });

    await user.type(field, 'academy ');
    await waitFor(() => expect(router.state.location.search).toBe('?q=academy'));
    await user.type(field, 'c');
    expect(field).toHaveValue('academy c');
    await waitFor(() => expect(router.state.location.search).toBe('?q=academy+c'));

    // Back, with more typed but not yet sent: the list and the field go back, and the typing is not sent after.
    await user.type(field, 'losing');
    await router.navigate(-1);
    await waitFor(() => expect(field).toHaveValue(''));
    const requestsAfterBack = listRequests(api).length;
    await waitFor(() => expect(screen.getByRole('link', { name: 'Leadership Summit' })).toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 400)); // longer than the typing pause the search waits for
    expect(router.state.location.search).toBe('');
    expect(listRequests(api).length).toBe(requestsAfterBack);
  });

  it('shows the list loading, not "No events", while clearing a search that found nothing', async () => {
    const answers: Array<(response: Response) => void> = [];
    const api = mockApi({ 'POST /v2/events/list': listEvents });
    const { user } = renderApp('/events?q=zzz');
    expect(await screen.findByRole('heading', { name: 'No upcoming events' })).toBeInTheDocument();

    api.use({
      'POST /v2/events/list': () => new Promise<Response>((resolve) => answers.push(resolve)),
    });
    await user.click(screen.getByRole('button', { name: 'Clear the search and filters' }));
    expect(await screen.findByText('Loading upcoming events…')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'No upcoming events' })).not.toBeInTheDocument();
    answers[0]!(Response.json(listEvents({ body: { listEventType: 'UPCOMING' } } as MockRequest)));
    expect(await screen.findByRole('link', { name: 'Leadership Summit' })).toBeInTheDocument();
  });

  it('searches at once on Enter, without waiting for the typing to pause', async () => {
    const api = mockApi({ 'POST /v2/events/list': listEvents });
    const { user, router } = renderApp('/events');
    await screen.findByRole('link', { name: 'Leadership Summit' });

    await user.type(screen.getByRole('searchbox', { name: 'Search events' }), 'summit{Enter}');
    expect(router.state.location.search).toBe('?q=summit');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 upcoming event matches'));
    expect(listRequests(api).filter((request) => request.filters)).toHaveLength(1);
  });

  it('filters by type and sorts by name, each in the URL', async () => {
    const api = mockApi({ 'POST /v2/events/list': listEvents });
    const { user, router } = renderApp('/events');
    await screen.findByRole('link', { name: 'Leadership Summit' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Program session');
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Sales Academy 2027' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('link', { name: 'Academy: Negotiation' })).toBeInTheDocument();
    expect(listRequests(api).at(-1)?.filters).toEqual([{ eventTypeFilter: { types: ['PROGRAM_SESSION'] } }]);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Name');
    await waitFor(() =>
      expect(listRequests(api).at(-1)?.sortOptions).toEqual([
        { sortField: 'EVENT_NAME', sortOrder: 'ASC' },
        { sortField: 'START_DATE', sortOrder: 'ASC' },
      ]),
    );
    expect(router.state.location.search).toBe('?type=PROGRAM_SESSION&sort=name');
  });

  it('opens with the search, type, sort and tab a shared link names', async () => {
    const api = mockApi({ 'POST /v2/events/list': listEvents });
    renderApp('/events?tab=past&q=summit&type=GENERIC&sort=start');
    expect(await screen.findByRole('searchbox', { name: 'Search events' })).toHaveValue('summit');
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveDisplayValue('General event');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveDisplayValue('Start date');
    await waitFor(() => expect(listRequests(api)).toHaveLength(1));
    // The past reads most recent first.
    expect(listRequests(api)[0]).toEqual({
      listEventType: 'PAST_OR_COMPLETED',
      offset: 0,
      limit: 25,
      filters: [{ eventNameFilter: 'summit' }, { eventTypeFilter: { types: ['GENERIC'] } }],
      sortOptions: [{ sortField: 'START_DATE', sortOrder: 'DESC' }],
    });
  });

  it('says when nothing matches, and clears the search and filters in one click', async () => {
    mockApi({ 'POST /v2/events/list': listEvents });
    const { user, router } = renderApp('/events?q=zzz&type=PROGRAM');

    expect(await screen.findByRole('heading', { name: 'No upcoming events' })).toBeInTheDocument();
    expect(screen.getByText('Nothing matches the search and filters above.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('0 upcoming events match');

    await user.click(screen.getByRole('button', { name: 'Clear the search and filters' }));
    expect(await screen.findByRole('link', { name: 'Leadership Summit' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('searchbox', { name: 'Search events' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveDisplayValue('All types');
  });
});

describe("a program's page", () => {
  it('lists its upcoming sessions with links, and the events list shows them all under its name', async () => {
    const api = mockApi({
      'POST /v2/events/list': listEvents,
      'GET /v2/events/:eventId': ({ params }) => ({ event: UPCOMING.find((e) => e.id === params.eventId) }),
      'POST /v2/events/:eventId/travelers-list': {
        travelerEventInfos: [],
        paginationParams: { totalNumResults: 0 },
      },
    });
    const { user, router } = renderApp('/events/evt-program');

    const sessions = await screen.findByRole('region', { name: 'Sessions' });
    expect(await within(sessions).findByRole('link', { name: 'Academy: Negotiation' })).toHaveAttribute(
      'href',
      '/events/evt-session-1',
    );
    expect(within(sessions).getByRole('link', { name: 'Academy: Closing' })).toBeInTheDocument();
    expect(listRequests(api).at(-1)).toMatchObject({
      listEventType: 'UPCOMING',
      filters: [{ eventParentFilter: { parentEventId: 'evt-program' } }],
    });

    await user.click(
      within(sessions).getByRole('link', {
        name: "All of this program's sessions, past ones too, in the events list",
      }),
    );
    expect(await screen.findByText('Sessions and trips of Sales Academy 2027')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?parent=evt-program');
    expect(await screen.findByRole('table', { name: 'upcoming sessions' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show all events' }));
    expect(await screen.findByRole('link', { name: 'Leadership Summit' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('shows no Sessions section on an event that is not a program', async () => {
    mockApi({
      'POST /v2/events/list': listEvents,
      'GET /v2/events/:eventId': ({ params }) => ({ event: UPCOMING.find((e) => e.id === params.eventId) }),
      'POST /v2/events/:eventId/travelers-list': {
        travelerEventInfos: [],
        paginationParams: { totalNumResults: 0 },
      },
    });
    renderApp('/events/evt-summit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Leadership Summit' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Sessions' })).not.toBeInTheDocument();
  });
});
