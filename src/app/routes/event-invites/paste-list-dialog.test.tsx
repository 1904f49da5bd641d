import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ACME_COMPANY_ID } from '@/testing/fixtures';
import { mockApi, type MockApi } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render-with-providers';
import {
  fullNameOf,
  makeTravelers,
  mockListLayout,
  travelerRoutes,
} from '@/features/travelers/testing/fake-travelers';
import { EventInvites } from './event-invites';

const USERS = 'POST /v3/users/list';

// Ann Archer, Bob Baker, Cy Cole, Dee Dunn, Eve Ellis, Fay Ford (removed), ...
const travelers = makeTravelers(40, (i) => (i === 5 ? 'REMOVED' : i === 3 ? 'INVITE_DECLINED' : 'ADDED'));
const [ann, bob, cy, dee, , fay] = travelers as [
  (typeof travelers)[0],
  (typeof travelers)[0],
  (typeof travelers)[0],
  (typeof travelers)[0],
  (typeof travelers)[0],
  (typeof travelers)[0],
];
// A person of the company who is not a traveler of this event.
const [outsider] = makeTravelers(41).slice(40);

let api: MockApi;

beforeEach(() => {
  mockListLayout({ listHeight: 440, rowHeight: 64 });
  const routes = travelerRoutes(travelers);
  const everyone = travelerRoutes([...travelers, outsider!]);
  // The Users API knows the outsider; the event's travelers-list does not.
  api = mockApi({ ...routes, [USERS]: everyone[USERS]! });
});

/** `companyId` undefined: an event whose answer does not name its company (the Event API allows that). */
function renderPanel(companyId: string | undefined = ACME_COMPANY_ID) {
  return renderWithProviders(
    <EventInvites
      eventId="evt-1"
      eventType="GENERIC"
      eventStatus="PUBLISH"
      travelerCount={39}
      companyId={companyId}
    />,
  );
}

async function openDialog(user: ReturnType<typeof renderPanel>['user']) {
  await screen.findByRole('checkbox', { name: fullNameOf(ann) });
  await user.click(screen.getByRole('button', { name: 'Paste a list' }));
  const dialog = await screen.findByRole('dialog', { name: 'Paste a list of travelers' });
  // The dialog starts in its field, ready for the paste.
  await waitFor(() =>
    expect(within(dialog).getByRole('textbox', { name: 'Emails or user ids' })).toHaveFocus(),
  );
  return dialog;
}

describe('Paste a list', { timeout: 120_000 }, () => {
  it('selects every traveler the list names and lists the lines that matched nobody, with why', async () => {
    const { user } = renderPanel();
    const dialog = await openDialog(user);
    const field = within(dialog).getByRole('textbox', { name: 'Emails or user ids' });

    await user.paste(
      [
        ` "${ann.email.toUpperCase()}" `,
        `${bob.email};${cy.id}`,
        '',
        `${dee.email}\t${ann.email}`,
        'nobody@acme.example',
        fay.email,
        outsider!.email,
        'Ann Archer',
      ].join('\n'),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Select matching travelers' }));

    expect(
      await within(dialog).findByRole('heading', { name: '4 lines matched nobody' }),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Selected 4 travelers from the list. 1 repeated line skipped.'),
    ).toBeInTheDocument();
    const lines = within(within(dialog).getByRole('list', { name: '4 lines matched nobody' })).getAllByRole(
      'listitem',
    );
    expect(lines.map((line) => line.textContent)).toEqual([
      'nobody@acme.example: nobody has this email',
      `${fay.email}: not a traveler of this event (removed from it)`,
      `${outsider!.email}: not a traveler of this event`,
      'Ann Archer: not an email or a user id',
    ]);
    // The dialog stays open with just those lines in the box, to be fixed.
    expect(field).toHaveValue(['nobody@acme.example', fay.email, outsider!.email, 'Ann Archer'].join('\n'));

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { name: 'Selected: 4 travelers' })).toBeInTheDocument();
    const chips = screen.getByRole('list', { name: 'Selected travelers' });
    // Cy was pasted by id: their chip looks the name up.
    for (const person of [ann, bob, cy, dee]) {
      expect(await within(chips).findByRole('button', { name: fullNameOf(person) })).toBeInTheDocument();
    }
  });

  it('closes by itself when every line matched, and says what it did', async () => {
    const { user } = renderPanel();
    const dialog = await openDialog(user);
    await user.paste(`${ann.email}, ${bob.email}`);
    await user.click(within(dialog).getByRole('button', { name: 'Select matching travelers' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('Selected 2 travelers from the list.')).toBeInTheDocument();
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    // Emails go to the Users API in one request, with inactive people included.
    const byEmail = api.callsTo(USERS).filter((call) => JSON.stringify(call.body).includes('"emails"'));
    expect(byEmail).toHaveLength(1);
    expect(byEmail[0]!.body).toMatchObject({
      companyId: { id: ACME_COMPANY_ID },
      userStatusFilter: 'ALL',
      filters: [{ emails: [ann.email, bob.email] }],
    });
  });

  it('finds pasted emails for an event without companyId, in the company of its travelers’ profiles', async () => {
    api.use({
      'GET /v2/users/:userId': ({ params }) => ({
        id: params.userId,
        businessInfo: { organizationRef: { id: ACME_COMPANY_ID } },
      }),
    });
    const { user } = renderPanel(undefined);
    const dialog = await openDialog(user);
    await user.paste(`${ann.email}, ${bob.email}`);
    await user.click(within(dialog).getByRole('button', { name: 'Select matching travelers' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('Selected 2 travelers from the list.')).toBeInTheDocument();
    const byEmail = api.callsTo(USERS).filter((call) => JSON.stringify(call.body).includes('"emails"'));
    expect(byEmail[0]!.body).toMatchObject({ companyId: { id: ACME_COMPANY_ID } });
  });

  it('asks for something to paste before checking anything', async () => {
    const { user } = renderPanel();
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Select matching travelers' }));
    expect(within(dialog).getByRole('textbox', { name: 'Emails or user ids' })).toHaveAccessibleDescription(
      /Paste at least one email or user id\./,
    );
  });
});
