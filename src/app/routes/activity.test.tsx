import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import {
  FACETS,
  SAM,
  lastActivityQuery,
  makeSend,
  pageOf,
  pagesOf,
} from '@/features/send-history/testing/fake-sends';
import { makeSession } from '@/testing/fixtures';
import { deferred, jsonResponse, mockApi, textResponse, type MockRequest } from '@/testing/mock-api';
import { preloadAppRoutes, renderApp } from '@/testing/render-app';

beforeAll(preloadAppRoutes, 30_000);

const ADMIN = { 'GET /auth/session': makeSession({ role: 'admin' }) };
const table = () => screen.findByRole('table', { name: 'Sends, newest first' });

describe('the Activity page', () => {
  it('lists the sends with when, who, event, type, recipients and the outcome in words', async () => {
    const api = mockApi({
      ...ADMIN,
      'GET /history/facets': FACETS,
      'GET /history/sends': pagesOf([
        makeSend(),
        makeSend({
          id: 'snd-2',
          person: SAM,
          eventId: 'evt-summit',
          eventName: 'Leadership Summit',
          eventType: 'PROGRAM',
          scope: 'all',
          travelerCount: 1200,
          status: 'refused',
          httpStatus: 400,
          errorCount: 2,
          firstErrorMessage: 'User 42 is not a traveler of this event',
        }),
        makeSend({ id: 'snd-3', status: 'failed', httpStatus: 504, eventType: null }),
        makeSend({ id: 'snd-4', status: 'pending', httpStatus: null, action: 'test', travelerCount: 1 }),
      ]),
    });
    renderApp('/activity');

    expect(await screen.findByRole('heading', { level: 1, name: 'Activity' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Activity · Invites Console'));
    const rows = within(await table()).getAllByRole('row');
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['When', 'Who', 'Event', 'Type', 'Recipients', 'Outcome']);

    expect(rows[1]).toHaveTextContent('3 hours ago');
    expect(rows[1]).toHaveTextContent('Maria Manager');
    expect(rows[1]).toHaveTextContent('maria@acme.example');
    expect(rows[1]).toHaveTextContent('General event');
    expect(rows[1]).toHaveTextContent('3 travelers');
    expect(rows[1]).toHaveTextContent('Sent');
    expect(within(rows[1]!).getByRole('link', { name: 'Acme Kick-off 2027' })).toHaveAttribute(
      'href',
      '/events/evt-kickoff?send=snd-1',
    );

    expect(rows[2]).toHaveTextContent('Sam Sender');
    expect(rows[2]).toHaveTextContent('Program');
    expect(rows[2]).toHaveTextContent('All travelers (1,200 travelers)');
    expect(rows[2]).toHaveTextContent('Refused');
    expect(rows[2]).toHaveTextContent('User 42 is not a traveler of this event (and 1 more)');

    expect(rows[3]).toHaveTextContent('Outcome unknown');
    expect(rows[3]).toHaveTextContent('Not given');
    expect(rows[4]).toHaveTextContent('Test invite');
    expect(rows[4]).toHaveTextContent('Outcome unknown');

    expect(screen.getByRole('status')).toHaveTextContent('1–4 of 4');
    expect(lastActivityQuery(api)).toEqual({ offset: '0', limit: '50' });
  });

  it('pages through the sends on the server, keeping the page in the URL', async () => {
    const sends = Array.from({ length: 120 }, (_, i) => makeSend({ id: `snd-${i}`, travelerCount: i + 1 }));
    const api = mockApi({ ...ADMIN, 'GET /history/facets': FACETS, 'GET /history/sends': pagesOf(sends) });
    const { user, router } = renderApp('/activity');
    await table();
    expect(screen.getByRole('status')).toHaveTextContent('1–50 of 120');
    const pages = screen.getByRole('navigation', { name: 'Pages of sends' });
    expect(within(pages).getByRole('button', { name: 'Previous' })).toHaveAttribute('aria-disabled', 'true');

    await user.click(within(pages).getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('51–100 of 120')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');
    expect(lastActivityQuery(api)).toEqual({ offset: '50', limit: '50' });

    await user.click(within(pages).getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('101–120 of 120')).toBeInTheDocument();
    expect(within(pages).getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(await table()).getAllByRole('row')).toHaveLength(21);

    await user.click(within(pages).getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('51–100 of 120')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');

    // A new filter starts again at the first page.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'Sent');
    await waitFor(() =>
      expect(lastActivityQuery(api)).toEqual({ outcome: 'accepted', offset: '0', limit: '50' }),
    );
    expect(router.state.location.search).toBe('?outcome=accepted');
  });

  it('keeps the page on screen, marked busy, while the next one loads', async () => {
    const sends = Array.from({ length: 60 }, (_, i) => makeSend({ id: `snd-${i}` }));
    const secondPage = deferred<Response>();
    mockApi({
      'GET /history/facets': FACETS,
      'GET /history/sends': (request: MockRequest) =>
        request.search?.includes('offset=50') ? secondPage.promise : pagesOf(sends)(request),
    });
    const { user } = renderApp('/activity');
    await table();
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByRole('progressbar', { name: 'Loading sends' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Sends, newest first' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('1–50 of 60');

    secondPage.resolve(jsonResponse(pageOf(sends, '?offset=50&limit=50')));
    expect(await screen.findByText('51–60 of 60')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('says when no send matches the filters, and clears them on request', async () => {
    const api = mockApi({
      ...ADMIN,
      'GET /history/facets': FACETS,
      'GET /history/sends': ({ search }: MockRequest) =>
        pageOf(new URLSearchParams(search).has('outcome') ? [] : [makeSend()], search),
    });
    const { user, router } = renderApp('/activity?outcome=refused');
    expect(await screen.findByRole('heading', { name: 'No sends match these filters' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    const empty = screen.getByRole('heading', { name: 'No sends match these filters' }).parentElement!;
    await user.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    expect(await table()).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(lastActivityQuery(api)).toEqual({ offset: '0', limit: '50' });
  });

  it('says when there is no send at all', async () => {
    mockApi({ 'GET /history/facets': { events: [], people: [] }, 'GET /history/sends': pagesOf([]) });
    renderApp('/activity');
    expect(await screen.findByRole('heading', { name: 'No sends yet' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeDisabled();
  });

  it('shows a skeleton while the first page loads', async () => {
    const answer = deferred<Response>();
    mockApi({ 'GET /history/facets': FACETS, 'GET /history/sends': () => answer.promise });
    renderApp('/activity');
    expect(await screen.findByText('Loading sends…')).toBeInTheDocument();
    expect(await table()).toHaveAttribute('aria-busy', 'true');

    answer.resolve(jsonResponse({ sends: [makeSend()], total: 1, offset: 0, limit: 50, nextBefore: null }));
    expect(await screen.findByRole('link', { name: 'Acme Kick-off 2027' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Sends, newest first' })).toHaveAttribute('aria-busy', 'false');
  });

  it('names the HTTP status of a failure and retries on request', async () => {
    const api = mockApi({
      'GET /history/facets': FACETS,
      'GET /history/sends': textResponse('<html>Bad gateway</html>', 502),
    });
    const { user } = renderApp('/activity');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the sends');
    expect(alert).toHaveTextContent('HTTP 502 Bad Gateway');

    api.use({ 'GET /history/sends': pagesOf([makeSend()]) });
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Acme Kick-off 2027' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('still lists the sends when the filter choices fail to load, and offers to retry them', async () => {
    const api = mockApi({
      ...ADMIN,
      'GET /history/facets': textResponse('down', 503, 'text/plain'),
      'GET /history/sends': pagesOf([makeSend()]),
    });
    const { user } = renderApp('/activity');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the events and people to filter by');
    expect(await screen.findByRole('link', { name: 'Acme Kick-off 2027' })).toBeInTheDocument();

    api.use({ 'GET /history/facets': FACETS });
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(within(screen.getByRole('combobox', { name: 'Event' })).getAllByRole('option')).toHaveLength(3);
  });

  it('is in the app bar next to Events, marked as the current page', async () => {
    const api = mockApi({
      'POST /v2/events/list': { events: [] },
      'GET /history/facets': FACETS,
      'GET /history/sends': pagesOf([makeSend()]),
    });
    const { user, router } = renderApp('/events');
    // The frame is drawn again once the first page's code is in: the links to click are that frame's.
    await screen.findByRole('heading', { level: 1, name: 'Events' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Events' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(nav).getByRole('link', { name: 'Activity' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Activity' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/activity');
    expect(within(nav).getByRole('link', { name: 'Activity' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Events' })).not.toHaveAttribute('aria-current');
    await table();
    // The loader's first page is the page's: asked once.
    expect(api.callsTo('GET /history/sends')).toHaveLength(1);
    expect(api.callsTo('GET /history/facets')).toHaveLength(1);
  });
});
