import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { mockApi } from '@/testing/mock-api';
import { preloadAppRoutes, renderApp } from '@/testing/render-app';

beforeAll(preloadAppRoutes, 30_000);

describe('routes', () => {
  it('sends / to the events list', async () => {
    mockApi({ 'POST /v2/events/list': { events: [] } });
    const { router } = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Events' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/events');
  });

  it('shows a not-found page for an unknown address, with a link back to the events', async () => {
    mockApi({ 'POST /v2/events/list': { events: [] } });
    const { user, router } = renderApp('/settings/billing');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('No page at /settings/billing')).toBeInTheDocument();
    // The title is set by an effect, which React may run after the frame that shows the heading.
    await waitFor(() => expect(document.title).toBe('Page not found · Invites Console'));

    await user.click(screen.getByRole('link', { name: 'Go to the events list' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Events' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/events');
  });

  it('frames every page with a skip link, the app bar and the main landmark', async () => {
    mockApi({ 'POST /v2/events/list': { events: [] } });
    const { user } = renderApp('/events');
    await screen.findByRole('heading', { level: 1, name: 'Events' });
    expect(screen.getByRole('banner')).toHaveTextContent('Invites Console');
    const main = screen.getByRole('main');

    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveFocus();
    expect(skip).toHaveAttribute('href', `#${main.id}`);
  });
});
