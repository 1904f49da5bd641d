import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import {
  FACETS,
  MARIA,
  lastActivityQuery,
  makeSend,
  pagesOf,
} from '@/features/send-history/testing/fake-sends';
import { makeSession } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { preloadAppRoutes, renderApp } from '@/testing/render-app';

beforeAll(preloadAppRoutes, 30_000);

const ADMIN = { 'GET /auth/session': makeSession({ role: 'admin' }) };
const table = () => screen.findByRole('table', { name: 'Sends, newest first' });

describe('the Activity filters', () => {
  it('filters by event, person, outcome and dates: the request, the URL and the export all carry them', async () => {
    const api = mockApi({
      ...ADMIN,
      'GET /history/facets': FACETS,
      'GET /history/sends': pagesOf([makeSend()]),
    });
    const { user, router } = renderApp('/activity');
    await table();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Event' }), 'Leadership Summit');
    await waitFor(() => expect(lastActivityQuery(api)).toMatchObject({ eventId: 'evt-summit' }));
    expect(router.state.location.search).toBe('?event=evt-summit');

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Person' }),
      'Sam Sender (sam@acme.example)',
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'Outcome unknown');
    await waitFor(() =>
      expect(lastActivityQuery(api)).toMatchObject({ subject: 'sub-sam', outcome: 'unknown' }),
    );

    // Days in the person's own zone; the To day is inclusive, so the server gets the next midnight.
    await user.type(screen.getByLabelText('From'), '2026-03-01');
    await user.type(screen.getByLabelText('To'), '2026-03-31');
    await user.tab();
    const from = new Date(2026, 2, 1).toISOString();
    const to = new Date(2026, 3, 1).toISOString();
    await waitFor(() => expect(lastActivityQuery(api)).toMatchObject({ from, to }));
    expect(lastActivityQuery(api)).toEqual({
      eventId: 'evt-summit',
      subject: 'sub-sam',
      outcome: 'unknown',
      from,
      to,
      offset: '0',
      limit: '50',
    });
    expect(router.state.location.search).toBe(
      '?event=evt-summit&person=sub-sam&outcome=unknown&from=2026-03-01&to=2026-03-31',
    );

    // The page follows the URL in a transition: the export link is the one the person sees, once it is there.
    const exportLink = screen.getByRole('link', { name: 'Export CSV' });
    await waitFor(() => expect(exportLink.getAttribute('href')).toContain('to='));
    const exported = new URL(exportLink.getAttribute('href')!, 'http://console.test');
    expect(exported.pathname).toBe('/api/history/sends.csv');
    expect(Object.fromEntries(exported.searchParams)).toEqual({
      eventId: 'evt-summit',
      subject: 'sub-sam',
      outcome: 'unknown',
      from,
      to,
    });
    expect(exportLink).toHaveAttribute('download');

    // Back to every send: the first answer is still fresh in the cache, so it shows without asking again.
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(exportLink).toHaveAttribute('href', '/api/history/sends.csv'));
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('combobox', { name: 'Event' })).toHaveDisplayValue('All events');
    expect(screen.getByLabelText('From')).toHaveValue('');
  });

  it('shows a sender their own sends: no person filter, and a person named in the URL is ignored', async () => {
    const api = mockApi({
      'GET /history/facets': { events: FACETS.events, people: [MARIA] },
      'GET /history/sends': pagesOf([makeSend()]),
    });
    renderApp('/activity?person=sub-sam&event=evt-kickoff');
    await table();
    expect(screen.getByRole('search', { name: 'Filter sends' })).toHaveTextContent('Your own sends');
    expect(screen.queryByRole('combobox', { name: 'Person' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Event' })).toHaveDisplayValue('Acme Kick-off 2027');
    expect(api.callsTo('GET /history/sends').map((call) => call.search)).toEqual([
      '?eventId=evt-kickoff&offset=0&limit=50',
    ]);
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/history/sends.csv?eventId=evt-kickoff',
    );
  });

  it('ignores values in the URL it cannot read, instead of failing', async () => {
    const api = mockApi({
      ...ADMIN,
      'GET /history/facets': FACETS,
      'GET /history/sends': pagesOf([makeSend()]),
    });
    renderApp('/activity?outcome=maybe&from=2026-02-30&to=yesterday&page=-3&person=%20&event=evt-summit');
    await table();
    expect(lastActivityQuery(api)).toEqual({ eventId: 'evt-summit', offset: '0', limit: '50' });
    expect(screen.getByRole('combobox', { name: 'Outcome' })).toHaveDisplayValue('Any outcome');
    expect(screen.getByRole('combobox', { name: 'Person' })).toHaveDisplayValue('Everyone');
    expect(screen.getByLabelText('From')).toHaveValue('');
    expect(screen.getByLabelText('To')).toHaveValue('');
  });

  it('says when the To day is before the From day', async () => {
    mockApi({ 'GET /history/facets': FACETS, 'GET /history/sends': pagesOf([]) });
    renderApp('/activity?from=2026-03-10&to=2026-03-01');
    const to = await screen.findByLabelText('To');
    expect(to).toHaveValue('2026-03-01');
    expect(to).toBeInvalid();
    expect(to).toHaveAccessibleDescription('Before the From date: no send can match.');
  });
});
