import { beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { countResponse, makeEvent, makeSession } from '@/testing/fixtures';
import { errorResponse, mockApi } from '@/testing/mock-api';
import { preloadAppRoutes, renderApp } from '@/testing/render-app';
import { navigation } from '@/lib/navigation';

beforeAll(preloadAppRoutes, 30_000);

describe('the signed-in person', () => {
  it('shows who is signed in and signs out on the server, then goes where it says', async () => {
    const assign = vi.spyOn(navigation, 'assign').mockImplementation(() => {});
    const api = mockApi({
      'POST /v2/events/list': { events: [] },
      'POST /auth/sign-out': { redirectTo: 'https://idp.example/logout' },
    });
    const { user } = renderApp('/events');

    const person = await screen.findByRole('group', { name: 'Signed in' });
    expect(person).toHaveTextContent('Maria Manager · Sender');
    await user.click(within(person).getByRole('button', { name: 'Sign out' }));

    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith('https://idp.example/logout'));
    expect(api.callsTo('POST /auth/sign-out')[0]?.body).toEqual({});
  });

  it('asks to sign in again when a request answers 401 sign-in required, and comes back to the page', async () => {
    const assign = vi.spyOn(navigation, 'assign').mockImplementation(() => {});
    mockApi({
      'GET /v2/events/:eventId': { event: makeEvent() },
      'POST /v2/events/:eventId/travelers-list': () =>
        errorResponse(401, [{ errorCode: 'SIGN_IN_REQUIRED', message: 'Sign in again.' }]),
    });
    const { user } = renderApp('/events/evt-kickoff?from=list');

    const dialog = await screen.findByRole('alertdialog', { name: 'Your session has ended' });
    expect(dialog).toHaveAccessibleDescription(
      'Sign in again to continue: your choices on this page are kept.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Sign in again' }));
    expect(assign).toHaveBeenCalledWith('/auth/sign-in?returnTo=%2Fevents%2Fevt-kickoff%3Ffrom%3Dlist');
  });

  it('gives a viewer the event page with the invite form read-only and the reason', async () => {
    mockApi({
      'GET /auth/session': makeSession({ name: 'Vic Viewer', role: 'viewer' }),
      'GET /v2/events/:eventId': { event: makeEvent() },
      'POST /v2/events/:eventId/travelers-list': countResponse(0),
    });
    renderApp('/events/evt-kickoff');

    expect(await screen.findByRole('group', { name: 'Signed in' })).toHaveTextContent('Vic Viewer · Viewer');
    const send = await screen.findByRole('button', { name: 'Send invites' });
    expect(send).toBeDisabled();
    expect(send).toHaveAccessibleDescription(
      /Your role \(viewer\) lets you see this event's invites but not send them/,
    );
  });
});
