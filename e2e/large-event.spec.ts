/**
 * The 10,000-traveler summit in Chromium, against the production build on the sandbox: the virtualized picker
 * end to end (scrolled to the last traveler, by mouse and by keyboard, never more than 60 rows in the DOM),
 * "Select all N matching" with its progress and Cancel, "Paste a list" with lines that match nobody, and a send
 * to every traveler of a filtered selection.
 *
 * Other specs invite and remove travelers of the summit in the same sandbox, so every count here is read from the
 * API or the page at the time, never taken from the seed. Nothing here changes a traveler's state: the one send
 * goes to travelers who declined, who keep their answer (the sandbox, like Spotnana, e-mails only travelers who
 * have not answered).
 */
import type { Page } from '@playwright/test';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { expectCleanSuccess, inviteForm, openEvent } from './fixtures/invite-form.ts';
import { expect, test } from './fixtures/invite-test.ts';

// Paging through 10,000 travelers on a busy 2-core machine takes a while; each test still ends when its condition holds.
test.describe.configure({ timeout: 120_000 });

const SUMMIT = SEED_EVENT_IDS.largeSummit;
const MAX_ROWS = 60;

const count = (n: number) => n.toLocaleString('en-US');

function bulk(page: Page) {
  return {
    selectAll: page.getByRole('button', { name: /^Select all [\d,]+ matching$/ }),
    progress: page.getByRole('progressbar', { name: 'Selecting travelers' }),
    cancel: page.getByRole('button', { name: 'Cancel selecting' }),
    clear: page.getByRole('button', { name: 'Clear selection' }),
    paste: page.getByRole('button', { name: 'Paste a list' }),
    rsvpChip: (label: string) =>
      page
        .getByRole('group', { name: 'Filter by RSVP state' })
        .getByRole('button', { name: new RegExp(`^${label} [\\d,]+$`) }),
    selected: (n: number) => page.getByText(`${count(n)} selected`, { exact: true }),
  };
}

/** The N of "Select all N matching", once the list shows its count. */
async function matchingCount(page: Page): Promise<number> {
  const name = await bulk(page).selectAll.textContent();
  return Number(/Select all ([\d,]+) matching/.exec(name ?? '')![1]!.replace(/,/g, ''));
}

test('the picker scrolls to the last of 10,000 travelers with at most 60 rows in the DOM, by mouse and keyboard', async ({
  page,
  sandbox,
  consoleErrors,
}) => {
  const { total } = await sandbox.travelers(SUMMIT, { limit: 0 });
  await openEvent(page, SUMMIT);
  const form = inviteForm(page);
  await expect(bulk(page).selectAll).toHaveAccessibleName(`Select all ${count(total)} matching`);

  // Scroll to the bottom of what has loaded, again and again, while pages load; count the rows each time.
  const scroller = form.list.locator('xpath=..');
  let most = 0;
  let last = 0;
  while (last < total) {
    const seen = await scroller.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
      // Traveler rows only: the "Loading more travelers" row has a position too.
      const rows = [...element.querySelectorAll('li[aria-posinset]')].filter((row) =>
        row.querySelector('input[type="checkbox"]'),
      );
      return {
        rows: element.querySelectorAll('input[type="checkbox"]').length,
        last: Math.max(0, ...rows.map((row) => Number(row.getAttribute('aria-posinset')))),
      };
    });
    most = Math.max(most, seen.rows);
    expect(seen.rows, 'traveler rows in the DOM').toBeLessThanOrEqual(MAX_ROWS);
    if (seen.last === last) {
      // The next page is on its way: wait for its rows rather than spin.
      await expect
        .poll(() =>
          scroller.evaluate(
            (element, previous) =>
              element.querySelector(`li[aria-posinset="${previous + 1}"]`) !== null ||
              element.scrollHeight > element.scrollTop + element.clientHeight + 1,
            last,
          ),
        )
        .toBe(true);
    }
    last = seen.last;
  }
  expect(most).toBeGreaterThan(0);
  expect(await form.list.getByRole('checkbox').count()).toBeLessThanOrEqual(MAX_ROWS);

  // The last traveler, ticked with the mouse.
  const lastRow = form.list.locator(`li[aria-posinset="${total}"]`);
  const lastBox = lastRow.getByRole('checkbox');
  const lastName = (await lastBox.getAttribute('aria-label'))!;
  await lastBox.check();
  await expect(form.chip(lastName)).toBeVisible();
  await expect(form.selectedHeading).toHaveText('Selected: 1 traveler');

  // Still a keyboard list this far down: Tab lands on a row, Home/End and the arrows move, Space ticks.
  await bulk(page).clear.focus();
  await page.keyboard.press('Tab');
  const focused = form.list.locator('input[type="checkbox"]:focus');
  await expect(focused).toHaveCount(1);
  await page.keyboard.press('End');
  await expect(lastBox).toBeFocused();
  await page.keyboard.press('ArrowUp');
  const previousBox = form.list.locator(`li[aria-posinset="${total - 1}"]`).getByRole('checkbox');
  await expect(previousBox).toBeFocused();
  await page.keyboard.press('Space');
  await expect(previousBox).toBeChecked();
  await expect(form.selectedHeading).toHaveText('Selected: 2 travelers');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(lastBox).not.toBeChecked();
  await expect(form.chip(lastName)).toBeHidden();
  await expect(form.selectedHeading).toHaveText('Selected: 1 traveler');
  expect(await form.list.getByRole('checkbox').count()).toBeLessThanOrEqual(MAX_ROWS);
  expect(consoleErrors).toEqual([]);
});

test('"Select all N matching" shows progress; Cancel adds nobody; run again it selects all N', async ({
  page,
  sandbox,
  consoleErrors,
}) => {
  await openEvent(page, SUMMIT);
  const form = inviteForm(page);
  const ui = bulk(page);
  const { total } = await sandbox.travelers(SUMMIT, { limit: 0 });
  await expect(ui.selectAll).toHaveAccessibleName(`Select all ${count(total)} matching`);

  // Slow travelers-list down for the first run, so Cancel lands half way.
  await page.route('**/api/v2/events/*/travelers-list', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    await route.continue().catch(() => undefined);
  });
  await ui.selectAll.click();
  await expect(ui.progress).toBeVisible();
  await expect(ui.selectAll).toBeDisabled();
  await expect.poll(async () => Number(await ui.progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  expect(Number(await ui.progress.getAttribute('aria-valuenow'))).toBeLessThan(100);
  await ui.cancel.click();
  await expect(ui.progress).toBeHidden();
  await expect(
    page.getByText('Selecting stopped. Nothing was added: the selection is as it was.'),
  ).toBeVisible();
  await expect(ui.selected(0)).toBeVisible();
  await expect(form.selectedHeading).toHaveText('Selected: 0 travelers');
  await page.unroute('**/api/v2/events/*/travelers-list');

  const n = await matchingCount(page);
  expect(n).toBe(total);
  await ui.selectAll.click();
  await expect(ui.selected(n)).toBeVisible();
  await expect(form.selectedHeading).toHaveText(`Selected: ${count(n)} travelers`);
  await expect(page.getByText(`Selected all ${count(n)} matching travelers.`)).toBeVisible();
  // A collapsed view of the chips, not 10,000 of them.
  await expect(form.chips).toHaveCount(50);
  await expect(page.getByText(`…and ${count(n - 50)} more.`)).toBeVisible();
  // Every row on screen is ticked.
  for (const box of await form.list.getByRole('checkbox').all()) await expect(box).toBeChecked();

  await ui.clear.click();
  await expect(ui.selected(0)).toBeVisible();
  await expect(form.selectedHeading).toHaveText('Selected: 0 travelers');
  expect(consoleErrors).toEqual([]);
});

test('"Paste a list" selects the travelers it names and lists the lines that matched nobody', async ({
  page,
  sandbox,
  consoleErrors,
}) => {
  const [first, second, third] = await sandbox.pickTravelers(SUMMIT, 3, 'ADDED');
  const { travelers: removed } = await sandbox.travelers(SUMMIT, { states: ['REMOVED'], limit: 1 });
  const [gone] = await sandbox.people([removed[0]!.id]);
  await openEvent(page, SUMMIT);
  const form = inviteForm(page);

  await bulk(page).paste.click();
  const dialog = page.getByRole('dialog', { name: 'Paste a list of travelers' });
  const field = dialog.getByRole('textbox', { name: 'Emails or user ids' });
  await expect(field).toBeFocused();
  // As copied from a spreadsheet: quoted cells, tabs, an upper-cased address, a blank line, a user id.
  await field.fill(
    [
      `"${first!.email!.toUpperCase()}"\t${second!.id}`,
      '',
      `${third!.email}; nobody.at.all@acme.example`,
      gone!.email!,
      'Not an address',
    ].join('\n'),
  );
  await dialog.getByRole('button', { name: 'Select matching travelers' }).click();

  // Checking the list reads the whole summit (100 pages of travelers): on a busy machine that is not instant.
  await expect(dialog.getByRole('heading', { name: '3 lines matched nobody' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(dialog.getByText('Selected 3 travelers from the list.')).toBeVisible();
  await expect(dialog.getByRole('list', { name: '3 lines matched nobody' }).getByRole('listitem')).toHaveText(
    [
      'nobody.at.all@acme.example: nobody has this email',
      `${gone!.email}: not a traveler of this event (removed from it)`,
      'Not an address: not an email or a user id',
    ],
  );
  // Left in the box to be fixed.
  await expect(field).toHaveValue(['nobody.at.all@acme.example', gone!.email, 'Not an address'].join('\n'));

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(form.selectedHeading).toHaveText('Selected: 3 travelers');
  for (const person of [first!, second!, third!]) await expect(form.chip(person.name)).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('sends to every traveler of a filtered selection: all who declined', async ({
  page,
  sandbox,
  consoleErrors,
}) => {
  const declinedBefore = await sandbox.countIn(SUMMIT, 'INVITE_DECLINED');
  await openEvent(page, SUMMIT);
  const form = inviteForm(page);
  const ui = bulk(page);

  await ui.rsvpChip('Declined').click();
  await expect(ui.rsvpChip('Declined')).toHaveAttribute('aria-pressed', 'true');
  await expect(ui.selectAll).toHaveAccessibleName(`Select all ${count(declinedBefore)} matching`);
  await ui.selectAll.click();
  await expect(ui.selected(declinedBefore)).toBeVisible();

  await form.send.click();
  const dialog = page.getByRole('dialog', { name: `Send invites to ${count(declinedBefore)} travelers?` });
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expectCleanSuccess(page, `Invites sent to ${count(declinedBefore)} travelers.`);
  await expect(ui.selected(0)).toBeVisible();

  // They have answered, so they keep their answer.
  expect(await sandbox.countIn(SUMMIT, 'INVITE_DECLINED')).toBe(declinedBefore);
  expect(consoleErrors).toEqual([]);
});
