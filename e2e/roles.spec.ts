/**
 * Roles enforced by the server: a viewer (Jonas Becker, signed in by e2e/auth.setup.ts) sees events,
 * travelers and RSVP states, finds the invite form disabled with the reason, and a send crafted from their own
 * browser context (their cookies, JSON, same origin: everything right but the role) is refused with 403
 * ROLE_NOT_ALLOWED before it reaches the sandbox, whose traveler states stay exactly as they were.
 */
import type { APIResponse } from '@playwright/test';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { AUTH_STATE, PEOPLE } from './fixtures/auth.ts';
import { sameOrigin } from './fixtures/console.ts';
import { inviteForm, openEvent } from './fixtures/invite-form.ts';
import { expect, test } from './fixtures/invite-test.ts';
import { INSTANCES } from './fixtures/instances.ts';
import { logMark } from './fixtures/server-log.ts';
import type { SandboxClient } from './fixtures/sandbox-client.ts';

const KICKOFF = SEED_EVENT_IDS.kickoff;
const VIEWER_REASON =
  "Your role (viewer) lets you see this event's invites but not send them. Ask an administrator for the sender role.";

/** Every traveler of the event with their state and invitation time, REMOVED included: what a send would change. */
async function travelerStates(sandbox: SandboxClient, eventId: string) {
  const { travelers, total } = await sandbox.travelers(eventId, {
    states: ['ADDED', 'INVITED', 'INVITE_ACCEPTED', 'INVITE_DECLINED', 'REMOVED'],
  });
  expect(travelers).toHaveLength(total);
  return travelers.sort((a, b) => a.id.localeCompare(b.id));
}

async function expectRefused(response: APIResponse, status: number, errorCode: string) {
  expect(response.status()).toBe(status);
  expect(await response.json()).toMatchObject({ errorMessages: [expect.objectContaining({ errorCode })] });
}

test.describe('a viewer', () => {
  test.use({ storageState: AUTH_STATE.viewer });

  test('sees the events, the travelers and their RSVP states, and the invite form disabled with the reason', async ({
    page,
    sandbox,
    consoleErrors,
  }) => {
    await page.goto('/events');
    const table = page.getByRole('table', { name: 'upcoming events' });
    await expect(table.getByRole('link', { name: 'Sales Kickoff 2027', exact: true })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Signed in' })).toContainText(
      `${PEOPLE.viewer.name} · Viewer`,
    );

    const [first] = await sandbox.firstTravelers(KICKOFF, 1);
    const notInvited = await sandbox.countIn(KICKOFF, 'ADDED');
    await table.getByRole('link', { name: 'Sales Kickoff 2027', exact: true }).click();
    await expect(page).toHaveURL(`/events/${KICKOFF}`);
    const form = inviteForm(page);
    await expect(form.row(first!.name)).toBeVisible();
    await expect(form.rsvpCount('Not invited')).toHaveText(String(notInvited));

    // The reason is on the page, and the controls that would send say why they are disabled.
    await expect(page.getByText(VIEWER_REASON)).toBeVisible();
    await expect(form.send).toBeDisabled();
    await expect(form.sendTest).toBeDisabled();
    await expect(form.inviteAll).toBeDisabled();
    await expect(form.type).toBeDisabled();
    expect(consoleErrors).toEqual([]);
  });

  test('a send crafted from the viewer’s own browser context gets 403 ROLE_NOT_ALLOWED and changes nothing', async ({
    page,
    sandbox,
  }) => {
    await openEvent(page, KICKOFF);
    const before = await travelerStates(sandbox, KICKOFF);
    const notInvited = before.filter((t) => t.rsvpState === 'ADDED').map((t) => ({ id: t.id }));
    expect(notInvited.length).toBeGreaterThan(0);

    // The viewer's cookies (page.request shares the page's), a JSON body, the console's own origin.
    const headers = sameOrigin(INSTANCES.primary.url);
    const log = logMark(INSTANCES.primary.port);
    const read = await page.request.get(`/api/v2/events/${KICKOFF}`, { headers });
    expect(read.status(), 'the viewer is signed in and may read').toBe(200);
    for (const data of [{ userIds: notInvited }, {}]) {
      await expectRefused(
        await page.request.post(`/api/v2/events/${KICKOFF}/invite/send`, { data, headers }),
        403,
        'ROLE_NOT_ALLOWED',
      );
    }
    await expectRefused(
      await page.request.post(`/api/v2/events/${KICKOFF}/invite/test`, {
        data: { userIds: notInvited.slice(0, 1) },
        headers,
      }),
      403,
      'ROLE_NOT_ALLOWED',
    );

    expect(await travelerStates(sandbox, KICKOFF)).toEqual(before);
    // The server's request log names who tried (their subject id, never a name or a token) and why it refused.
    const refused = log
      .since()
      .filter((e) => e.method === 'POST' && e.path.startsWith(`/api/v2/events/${KICKOFF}/invite/`));
    expect(refused).toHaveLength(3);
    for (const line of refused) {
      expect(line).toMatchObject({ status: 403, subject: PEOPLE.viewer.subject });
      expect(line.detail).toMatch(/^role viewer below sender/);
    }
  });
});

test.describe('an administrator', () => {
  test.use({ storageState: AUTH_STATE.admin });

  test('can use the invite form', async ({ page, consoleErrors }) => {
    await openEvent(page, KICKOFF);
    await expect(page.getByRole('group', { name: 'Signed in' })).toContainText(
      `${PEOPLE.admin.name} · Administrator`,
    );
    const form = inviteForm(page);
    await expect(form.send).toBeEnabled();
    await expect(form.inviteAll).toBeEnabled();
    await expect(page.getByText(VIEWER_REASON)).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });
});
