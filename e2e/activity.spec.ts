/**
 * The Activity page in the browser: sends across events, filtered by person, outcome and dates, and
 * exported as CSV with exactly the filters on screen (paging is left to the component and server tests); a sender
 * sees only their own sends. The sends come from this spec (a refused and an accepted one by the sender) and from
 * the specs that ran before it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { AUTH_STATE, PEOPLE } from './fixtures/auth.ts';
import { parseCsv } from './fixtures/csv.ts';
import {
  chooseTravelers,
  expectCleanSuccess,
  inviteForm,
  openEvent,
  SEND_URL,
  sendAndConfirm,
} from './fixtures/invite-form.ts';
import { expect, expectNoAxeViolations, test } from './fixtures/invite-test.ts';

test.describe.configure({ timeout: 90_000 });

const SUMMIT = SEED_EVENT_IDS.largeSummit;
const SUMMIT_NAME = 'Global Partner Summit 2027';
const MARCUS = PEOPLE.sender;
const PRIYA = PEOPLE.admin;

function activity(page: Page) {
  const filters = page.getByRole('search', { name: 'Filter sends' });
  const table = page.getByRole('table', { name: 'Sends, newest first' });
  return {
    filters,
    table,
    rows: table.getByRole('rowgroup').nth(1).getByRole('row'),
    /** "1–3 of 3": shown with the answer, never with the loading skeleton. */
    range: page.getByRole('status').filter({ hasText: / of / }),
    /** The answer to the filters now on screen has arrived (the previous one is kept, marked busy, meanwhile). */
    async settled() {
      await expect(this.range).toBeVisible();
      await expect(table).toHaveAttribute('aria-busy', 'false');
    },
    exportCsv: page.getByRole('link', { name: 'Export CSV' }),
    async choose(label: string, option: string) {
      await filters.getByRole('combobox', { name: label }).selectOption({ label: option });
    },
  };
}

test.describe.serial('the Activity page', () => {
  test('the sender makes a refused and an accepted send; the admin makes one too', async ({
    page,
    browser,
    sandbox,
    allowFailedLoad,
  }) => {
    allowFailedLoad(SEND_URL, 400);
    const [first, second, adminsChoice] = await sandbox.pickTravelers(SUMMIT, 3);
    await openEvent(page, SUMMIT);
    const form = inviteForm(page);
    await chooseTravelers(page, [first!, second!]);
    await form.type.selectOption({ label: 'Program trip' });
    await sendAndConfirm(page, 'Send invites to 2 travelers?');
    await expect(form.summary).toContainText('The invites could not be sent (HTTP 400).');
    await form.type.selectOption({ label: 'General event' });
    await sendAndConfirm(page, 'Send invites to 2 travelers?');
    await expectCleanSuccess(page, 'Invites sent to 2 travelers.');

    const admin = await browser.newContext({ storageState: AUTH_STATE.admin });
    const adminPage = await admin.newPage();
    await openEvent(adminPage, SUMMIT);
    await chooseTravelers(adminPage, [adminsChoice!]);
    await sendAndConfirm(adminPage, 'Send invites to 1 traveler?');
    await expectCleanSuccess(adminPage, 'Invites sent to 1 traveler.');
    await admin.close();
  });

  test.describe('as an admin', () => {
    test.use({ storageState: AUTH_STATE.admin });

    test('filters by person, outcome and dates, and exports exactly what is on screen', async ({
      page,
      consoleErrors,
    }) => {
      await page.goto('/activity');
      const view = activity(page);
      await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
      await view.settled();
      // Everyone's sends: the admin's own among them.
      await expect(view.table).toContainText(PRIYA.name);

      await view.choose('Person', `${MARCUS.name} (${MARCUS.email})`);
      await expect(page).toHaveURL(/[?&]person=/);
      await view.choose('Outcome', 'Refused');
      await expect(page).toHaveURL(/[?&]outcome=refused/);
      await view.settled();
      await expect(view.table).not.toContainText(PRIYA.name);
      for (const row of await view.rows.all()) {
        await expect(row).toContainText(MARCUS.name);
        await expect(row).toContainText('Refused');
      }
      await expect(view.rows.first()).toContainText('Program trip');
      await expect(view.rows.first()).toContainText(
        'The event is of type GENERIC, but the request says PROGRAM_TRIP.',
      );
      const shown = await view.rows.count();

      // The export holds exactly the sends the filters match.
      const download = page.waitForEvent('download');
      await view.exportCsv.click();
      const file = await (await download).path();
      const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
      const column = (name: string) => header!.indexOf(name);
      expect(rows).toHaveLength(shown);
      for (const row of rows) {
        expect(row[column('Person')]).toBe(MARCUS.name);
        expect(row[column('Outcome')]).toBe('Refused');
      }
      expect(rows[0]![column('Event name')]).toBe(SUMMIT_NAME);
      expect(rows[0]![column('Error codes')]).toContain('EVENT_TYPE_MISMATCH');
      expect(rows[0]![column('Traveler ids')]!.split(' ')).toHaveLength(2);

      // Yesterday to today still lists them (whichever side of midnight they were made); tomorrow, nothing.
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA');
      const [yesterday, today, tomorrow] = [day(-1), day(0), day(1)];
      await view.filters.getByLabel('From').fill(yesterday);
      await view.filters.getByLabel('To').fill(today);
      await view.filters.getByLabel('To').blur();
      await expect(page).toHaveURL(new RegExp(`to=${today}`));
      await view.settled();
      await expect(view.rows).toHaveCount(shown);
      await view.filters.getByLabel('From').fill(tomorrow);
      await view.filters.getByLabel('From').blur();
      await view.filters.getByLabel('To').fill(tomorrow);
      await view.filters.getByLabel('To').blur();
      await expect(page.getByRole('heading', { name: 'No sends match these filters' })).toBeVisible();
      await page.getByRole('button', { name: 'Clear filters' }).first().click();
      await expect(page).toHaveURL(/\/activity$/);
      await view.settled();
      await expect(view.table).toContainText(PRIYA.name);
      await expectNoAxeViolations(page);
      expect(consoleErrors).toEqual([]);
    });
  });

  test('a sender sees only their own sends, and a send leads to its review on the event page', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/activity');
    const view = activity(page);
    await expect(view.filters).toContainText('Your own sends');
    await expect(view.filters.getByRole('combobox', { name: 'Person' })).toHaveCount(0);
    await view.settled();
    // The admin's send is on the same event, but not the sender's.
    await expect(view.table).not.toContainText(PRIYA.name);
    for (const row of await view.rows.all()) await expect(row).toContainText(MARCUS.name);

    await view.choose('Outcome', 'Refused');
    await expect(page).toHaveURL(/[?&]outcome=refused/);
    await view.settled();
    await expect(view.rows.first()).toContainText('Refused');
    await view.rows.first().getByRole('link', { name: SUMMIT_NAME }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${SUMMIT}\\?send=`));
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('group', { name: 'There is a problem' })).toContainText(
      'The event is of type GENERIC, but the request says PROGRAM_TRIP.',
    );
    await expect(history.getByRole('button', { name: 'Load into the form' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
