/**
 * Finding an event among many: the search, the type filter and the sort on the events list, done by the sandbox
 * (`eventNameFilter`, `eventTypeFilter`, `sortOptions`), and a program's sessions (`eventParentFilter`).
 */
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { holdScripts } from './fixtures/hold-scripts.ts';
import { expect, expectNoAxeViolations, test } from './fixtures/console.ts';

const SESSIONS = [
  'Leadership Program · Session 1: Strategy',
  'Leadership Program · Session 2: Leading Teams',
  'Leadership Program · Session 3: Capstone',
];

test('search, type and sort narrow the events list on the server, and a reload keeps them', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/events');
  const table = page.getByRole('table', { name: 'upcoming events' });
  await expect(table.getByRole('link', { name: 'Global Partner Summit 2027' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search events' }).fill('LEADERSHIP');
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('4 upcoming events match');
  await expect(table.getByRole('link', { name: 'Global Partner Summit 2027' })).toBeHidden();
  await expect(page).toHaveURL(/\/events\?q=LEADERSHIP$/);

  await page.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Program session' });
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('3 upcoming events match');
  await expect(table.getByRole('link', { name: 'Leadership Development Program 2027' })).toBeHidden();

  await expect(table.getByRole('link')).toHaveText(SESSIONS);
  await expect(page).toHaveURL(/\/events\?q=LEADERSHIP&type=PROGRAM_SESSION$/);

  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue('LEADERSHIP');
  await expect(page.getByRole('combobox', { name: 'Type' })).toHaveValue('PROGRAM_SESSION');
  await expect(table.getByRole('link')).toHaveText(SESSIONS);

  await page.getByRole('searchbox', { name: 'Search events' }).fill('no such event');
  await expect(page.getByRole('heading', { name: 'No upcoming events' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear the search and filters' }).click();
  await expect(table.getByRole('link', { name: 'Global Partner Summit 2027' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue('');
  await expectNoAxeViolations(page);
  expect(consoleErrors).toEqual([]);
});

test('what is typed into the search before the page has come alive is searched, not lost', async ({
  page,
}) => {
  const scripts = await holdScripts(page);
  await page.goto('/events', { waitUntil: 'commit' });
  const search = page.getByRole('searchbox', { name: 'Search events' });
  await search.fill('LEADERSHIP');
  scripts.release();

  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('4 upcoming events match');
  await expect(page).toHaveURL(/\/events\?q=LEADERSHIP$/);
  await expect(search).toHaveValue('LEADERSHIP');
});

test('sorting by name orders the list by name instead of start date', async ({ page }) => {
  await page.goto('/events');
  const links = page.getByRole('table', { name: 'upcoming events' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  const byStart = await links.allTextContents();
  const byName = [...byStart].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  expect(byName).not.toEqual(byStart);

  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Name' });
  await expect(page).toHaveURL(/\/events\?sort=name$/);
  await expect(links).toHaveText(byName);
});

test("a program's page lists its sessions, each a link to its own page", async ({ page, consoleErrors }) => {
  test.slow(); // two axe runs on a busy 2-core machine
  await page.goto(`/events/${SEED_EVENT_IDS.program}`);
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await expect(sessions.getByRole('link', { name: /^Leadership Program · Session/ })).toHaveText(SESSIONS);
  await expectNoAxeViolations(page);

  await sessions
    .getByRole('link', { name: "All of this program's sessions, past ones too, in the events list" })
    .click();
  await expect(page.getByText('Sessions and trips of Leadership Development Program 2027')).toBeVisible();
  await expect(page.getByRole('table', { name: 'upcoming sessions' }).getByRole('link')).toHaveText(SESSIONS);
  await expectNoAxeViolations(page);

  await page.goBack();
  await sessions.getByRole('link', { name: SESSIONS[1]! }).click();
  await expect(page.getByRole('heading', { level: 1, name: SESSIONS[1]! })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
