/**
 * The send history in the browser: a send is on the event's History after a reload; a refused send is
 * reviewed there as the form showed it and comes back to the form with every entry at its field; the
 * confirmation warns about invites sent in the last 24 hours; a viewer reads no recipient list, through the page
 * or a crafted request.
 */
import type { SendDetail, SendPage } from '#contract/send-history';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { AUTH_STATE, PEOPLE } from './fixtures/auth.ts';
import { sameOrigin } from './fixtures/console.ts';
import { parseCsv } from './fixtures/csv.ts';
import { sendHistory } from './fixtures/history.ts';
import {
  chooseTravelers,
  errorDescription,
  expectCleanSuccess,
  inviteForm,
  openEvent,
  recordSends,
  SEND_URL,
  sendAndConfirm,
} from './fixtures/invite-form.ts';
import { expect, expectNoAxeViolations, test } from './fixtures/invite-test.ts';

test.describe.configure({ timeout: 90_000 });

const SUMMIT = SEED_EVENT_IDS.largeSummit;
const MARCUS = PEOPLE.sender;

test('a send is on the event’s History after a reload: when, who, type, recipients and the outcome', async ({
  page,
  sandbox,
  consoleErrors,
}) => {
  const people = await sandbox.pickTravelers(SUMMIT, 2);
  await openEvent(page, SUMMIT);
  await chooseTravelers(page, people);
  await sendAndConfirm(page, 'Send invites to 2 travelers?');
  await expectCleanSuccess(page, 'Invites sent to 2 travelers.');

  await page.reload();
  const history = sendHistory(page);
  await expect(history.newest).toContainText(`${MARCUS.name} · General event · 2 travelers · Sent`);
  await history.newest.getByRole('button', { name: 'Details' }).click();
  await expect(history.newest).toContainText(`${MARCUS.name} (${MARCUS.email}), as sender`);
  await expect(history.newest).toContainText(
    'Spotnana accepted the request. The invites went out. (HTTP 200)',
  );
  // The open send is in the address: a reload opens it again.
  await page.reload();
  await expect(sendHistory(page).newest.getByRole('button', { name: 'Hide details' })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(consoleErrors).toEqual([]);
});

test('a refused send, reviewed from the History, comes back to the form with every entry at its field; fixed, it sends', async ({
  page,
  sandbox,
  allowFailedLoad,
  consoleErrors,
}) => {
  allowFailedLoad(SEND_URL, 400);
  const people = await sandbox.pickTravelers(SUMMIT, 2);
  const sends = recordSends(page);
  await openEvent(page, SUMMIT);
  const form = inviteForm(page);
  await chooseTravelers(page, people);
  await form.type.selectOption({ label: 'Program' });
  await sendAndConfirm(page, 'Send invites to 2 travelers?');
  const message = 'The event is of type GENERIC, but the request says PROGRAM.';
  await expect(form.summary).toContainText(message);

  // The next morning: a fresh page, nothing on the form.
  await page.goto(`/events/${SUMMIT}`);
  await expect(form.selectedHeading).toHaveText('Selected: 0 travelers');
  const history = sendHistory(page);
  await expect(history.newest).toContainText(`${MARCUS.name} · Program · 2 travelers · Refused`);
  await expect(history.newest).toContainText(message);
  await history.newest.getByRole('button', { name: 'Details' }).click();
  await expect(history.review).toContainText('The invites could not be sent (HTTP 400).');
  await expect(history.review).toContainText(message);
  await expect(history.review).toContainText('Code: EVENT_TYPE_MISMATCH');

  await history.loadIntoForm.click();
  await expect(form.summary).toBeFocused();
  await expect(form.summary).toContainText(message);
  await expect(form.type).toHaveValue('PROGRAM');
  await expect(form.type).toHaveAccessibleDescription(errorDescription(message, 'EVENT_TYPE_MISMATCH'));
  await expect(form.selectedHeading).toHaveText('Selected: 2 travelers');
  for (const person of people) await expect(form.chip(person.name)).toBeVisible();
  // The summary's link leads to the field, as it did when the send failed.
  await form.summary.getByRole('link', { name: message }).click();
  await expect(form.type).toBeFocused();

  await form.type.selectOption({ label: 'General event' });
  await expect(form.summary).toHaveCount(0);
  await sendAndConfirm(page, 'Send invites to 2 travelers?');
  await expectCleanSuccess(page, 'Invites sent to 2 travelers.');
  expect(sends).toHaveLength(2);
  for (const person of people) expect((await sandbox.stateOf(SUMMIT, person))?.rsvpState).toBe('INVITED');
  await expect(history.newest).toContainText(`${MARCUS.name} · General event · 2 travelers · Sent`);
  expect(consoleErrors).toEqual([]);
});

test('the confirmation says which of the chosen travelers got an invite in the last 24 hours, and when, before the yes', async ({
  page,
  sandbox,
  consoleErrors,
}) => {
  const [invited, fresh] = await sandbox.pickTravelers(SUMMIT, 2);
  await openEvent(page, SUMMIT);
  await chooseTravelers(page, [invited!]);
  await sendAndConfirm(page, 'Send invites to 1 traveler?');
  await expectCleanSuccess(page, 'Invites sent to 1 traveler.');

  await chooseTravelers(page, [invited!, fresh!]);
  await inviteForm(page).send.click();
  const dialog = page.getByRole('dialog', { name: 'Send invites to 2 travelers?' });
  await expect(dialog).toContainText('1 of these 2 travelers was sent an invite in the last 24 hours.');
  await expect(dialog).toContainText(new RegExp(`by ${MARCUS.name}: 1 of them`));
  await expect(dialog.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(consoleErrors).toEqual([]);
});

test.describe('a viewer', () => {
  test.use({ storageState: AUTH_STATE.viewer });

  test('reads the History without recipient lists, through the page and through crafted requests', async ({
    page,
    request,
    playwright,
    baseURL,
    sandbox,
    consoleErrors,
  }) => {
    // A refused send by the sender, whose entries name its travelers: the viewer must see neither.
    const sender = await playwright.request.newContext({
      baseURL,
      storageState: AUTH_STATE.sender,
      extraHTTPHeaders: sameOrigin(baseURL!),
    });
    const [person] = await sandbox.pickTravelers(SUMMIT, 1);
    const refused = await sender.post(`/api/v2/events/${SUMMIT}/invite/send`, {
      data: { type: 'PROGRAM', userIds: [{ id: person!.id }] },
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(refused.status()).toBe(400);
    await sender.dispose();

    await page.goto(`/events/${SUMMIT}`);
    const history = sendHistory(page);
    await history.newest.getByRole('button', { name: 'Details' }).click();
    await expect(history.region).toContainText('Your role does not show whom this send went to');
    await expect(history.loadIntoForm).toHaveCount(0);

    const list = (await (
      await request.get(`/api/history/events/${SUMMIT}/sends?limit=100`)
    ).json()) as SendPage;
    expect(list.sends.length).toBeGreaterThan(0);
    for (const send of list.sends) {
      const detail = await request.get(`/api/history/sends/${send.id}`);
      expect(detail.status()).toBe(200);
      const body = (await detail.json()) as SendDetail;
      expect(body.recipientsHidden).toBe(true);
      expect(body).not.toHaveProperty('travelerIds');
      expect(body.errorResponse).toBeNull();
    }
    const csv = await request.get(`/api/history/sends.csv?eventId=${SUMMIT}`);
    expect(csv.status()).toBe(200);
    const [header, ...rows] = parseCsv(await csv.text());
    const ids = header!.indexOf('Traveler ids');
    expect(ids).toBeGreaterThan(-1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row[ids]).toBe('');
    // The recent-invites check reads recipients too: a viewer may not ask it.
    const recent = await request.post(`/api/history/events/${SUMMIT}/recent-invites`, { data: {} });
    expect(recent.status()).toBe(403);
    expect(consoleErrors).toEqual([]);
  });
});
