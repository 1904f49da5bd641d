/**
 * An event whose answer carries no `companyId` (the Event API allows that): the console learns the company from
 * one traveler's profile (`GET /v2/users/{userId}`) and finds the travelers' names in it, instead of showing
 * "Unknown traveler (id)" for everyone. The seeded "Partner Enablement Day" is such an event; nothing else sends
 * to it, so its travelers are the seed's.
 */
import type { Event } from '#contract';
import { SEED_EVENT_IDS, SEED_TRAVELER_STATES } from '../sandbox/seed/seed-ids.ts';
import { INSTANCES } from './fixtures/instances.ts';
import { inviteForm } from './fixtures/invite-form.ts';
import { logMark } from './fixtures/server-log.ts';
import { expect, test } from './fixtures/invite-test.ts';

const EVENT = SEED_EVENT_IDS.noCompanyId;
const TRAVELERS = Object.values(SEED_TRAVELER_STATES.noCompanyId).reduce((sum, n) => sum + n, 0);

test('the travelers of an event without companyId are named in the picker and in the selection', async ({
  page,
  request,
  sandbox,
  consoleErrors,
}) => {
  const answer = await request.get(`/api/v2/events/${EVENT}`);
  expect(answer.ok()).toBe(true);
  expect(((await answer.json()) as { event: Event }).event).not.toHaveProperty('companyId');
  const { travelers } = await sandbox.travelers(EVENT, { limit: 100 });
  expect(travelers).toHaveLength(TRAVELERS);
  const names = (await sandbox.people(travelers.map((traveler) => traveler.id))).map((person) => person.name);
  expect(names).toHaveLength(TRAVELERS);

  // The server renders the page, so the first profile may be read there, in process: its request log has both.
  const log = logMark(INSTANCES.primary.port);
  await page.goto(`/events/${EVENT}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Partner Enablement Day' })).toBeVisible();
  const picker = inviteForm(page).list;
  for (const name of names) await expect(picker.getByRole('checkbox', { name, exact: true })).toBeVisible();
  await expect(picker).not.toContainText('Unknown traveler');

  await page.getByRole('button', { name: `Select all ${TRAVELERS} matching` }).click();
  await expect(page.getByRole('heading', { name: `Selected: ${TRAVELERS} travelers` })).toBeVisible();

  const selection = page.getByRole('list', { name: 'Selected travelers' });
  await expect(selection.getByRole('button')).toHaveCount(TRAVELERS);
  for (const name of names) await expect(selection.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(selection).not.toContainText('Unknown traveler');
  // One profile told the company, for the picker's page and the chips alike; the names came from the users list.
  const profiles = log.since().filter((entry) => /^\/api\/v2\/users\/[^/]+$/.test(entry.path));
  expect(profiles).toHaveLength(1);
  expect(consoleErrors).toEqual([]);
});
