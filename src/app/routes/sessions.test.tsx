import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { SignedInSummary } from '#contract/console-auth';
import { makeSession } from '@/testing/fixtures';
import { errorResponse, mockApi } from '@/testing/mock-api';
import { preloadAppRoutes, renderApp } from '@/testing/render-app';

beforeAll(async () => {
  await preloadAppRoutes();
  await import('@/app/routes/sessions');
}, 30_000);

const ADMIN = { 'GET /auth/session': makeSession({ name: 'Priya Raman', role: 'admin' }) };
const HOURS_AGO = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

function person(overrides: Partial<SignedInSummary> = {}): SignedInSummary {
  return {
    subject: 'acme-0003',
    name: 'Sofía Álvarez',
    email: 'sofia.alvarez@acme.example',
    role: 'sender',
    signedInAt: HOURS_AGO(3),
    lastActiveAt: HOURS_AGO(1),
    sessions: 2,
    you: false,
    ...overrides,
  };
}

const PRIYA = person({
  subject: 'acme-0001',
  name: 'Priya Raman',
  email: 'priya.raman@acme.example',
  role: 'admin',
  sessions: 1,
  you: true,
});

/** A server whose list forgets whoever's sessions were ended. */
function sessionsApi(people: SignedInSummary[]) {
  let current = people;
  return mockApi({
    ...ADMIN,
    'GET /sessions': () => ({ people: current }),
    'POST /sessions/end': ({ body }) => {
      const { subject } = body as { subject: string };
      current = current.filter((other) => other.subject !== subject);
      return { ended: 1 };
    },
  });
}

/** The table once the list is in (its skeleton has the same name, and is busy). */
const loadedTable = () =>
  screen.findByRole('table', { name: 'Signed-in people, most recently active first', busy: false });

describe('the Sessions page', () => {
  it('lists who is signed in: person, role, signed in, last active, and how many sessions', async () => {
    sessionsApi([PRIYA, person()]);
    renderApp('/sessions');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sessions' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Sessions · Invites Console'));
    const rows = within(await loadedTable()).getAllByRole('row');
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Person', 'Role', 'Signed in', 'Last active', 'Actions']);
    expect(rows[2]).toHaveTextContent('Sofía Álvarez');
    expect(rows[2]).toHaveTextContent('sofia.alvarez@acme.example');
    expect(rows[2]).toHaveTextContent('Sender');
    expect(rows[2]).toHaveTextContent('3 hours ago');
    expect(rows[2]).toHaveTextContent('2 sessions');
    expect(rows[2]).toHaveTextContent('1 hour ago');
    expect(rows[1]).toHaveTextContent('Administrator');
    expect(rows[1]).toHaveTextContent('You');
    expect(within(rows[1]!).getByRole('button', { name: 'End sessions of Priya Raman (you)' })).toBeVisible();
  });

  it('ends a person’s sessions after a confirmation, and their row goes', async () => {
    const api = sessionsApi([PRIYA, person()]);
    const { user } = renderApp('/sessions');
    await loadedTable();

    await user.click(screen.getByRole('button', { name: 'End sessions of Sofía Álvarez' }));
    const dialog = screen.getByRole('dialog', { name: 'End Sofía Álvarez’s sessions?' });
    expect(dialog).toHaveAccessibleDescription(
      'Sofía Álvarez is signed out of the console everywhere at once (2 sessions). Their next action asks them to sign in again.',
    );
    // Cancel ends nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('POST /sessions/end')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'End sessions of Sofía Álvarez' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'End sessions' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Ended the sessions of Sofía Álvarez.');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('POST /sessions/end').map((call) => call.body)).toEqual([{ subject: 'acme-0003' }]);
    expect(within(await loadedTable()).queryByText('Sofía Álvarez')).not.toBeInTheDocument();
    expect(within(await loadedTable()).getByText('Priya Raman')).toBeInTheDocument();
  });

  it('shows a failure in the dialog, keeps the row, and can try again', async () => {
    let refuse = true;
    mockApi({
      ...ADMIN,
      'GET /sessions': { people: [person()] },
      'POST /sessions/end': () =>
        refuse
          ? errorResponse(503, [{ errorCode: 'UNAVAILABLE', message: 'The database did not answer.' }])
          : { ended: 2 },
    });
    const { user } = renderApp('/sessions');
    await loadedTable();
    await user.click(screen.getByRole('button', { name: 'End sessions of Sofía Álvarez' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'End sessions' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The sessions were not ended. The server answered HTTP 503 Service Unavailable: The database did not answer.',
    );
    // The row stays (behind the dialog, hidden from the accessibility tree while it is open).
    expect(
      screen.getByRole('button', { name: 'End sessions of Sofía Álvarez', hidden: true }),
    ).toBeInTheDocument();

    refuse = false;
    await user.click(within(dialog).getByRole('button', { name: 'End sessions' }));
    expect(await screen.findByText('Ended the sessions of Sofía Álvarez.')).toBeInTheDocument();
  });

  it('asks an admin ending their own sessions to confirm that it signs them out too', async () => {
    sessionsApi([PRIYA, person()]);
    const { user } = renderApp('/sessions');
    await loadedTable();

    await user.click(screen.getByRole('button', { name: 'End sessions of Priya Raman (you)' }));
    const dialog = screen.getByRole('dialog', { name: 'End your own sessions?' });
    expect(dialog).toHaveAccessibleDescription(
      'This signs you out of the console everywhere, this page included (1 session). Your next action asks you to sign in again.',
    );
    expect(within(dialog).getByRole('button', { name: 'End my sessions' })).toBeVisible();
  });

  it('shows the Sessions link to administrators only', async () => {
    sessionsApi([PRIYA]);
    renderApp('/sessions');
    await loadedTable();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'Sessions' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('tells a sender the page is for administrators, without asking for the list', async () => {
    const api = mockApi({ 'POST /v2/events/list': { events: [] } });
    renderApp('/sessions');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Only administrators see the sessions' }),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Activity' })).toBeVisible();
    expect(within(nav).queryByRole('link', { name: 'Sessions' })).not.toBeInTheDocument();
    expect(api.callsTo('GET /sessions')).toEqual([]);
  });
});
