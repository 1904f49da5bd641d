/**
 * "Remind those who haven't answered", now: the console's server invites again exactly the travelers still
 * `INVITED` when it runs, records it, and the History shows it as a reminder. On the program's trip, which no
 * other spec sends to.
 */
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { sendHistory } from './fixtures/history.ts';
import { expect, test } from './fixtures/invite-test.ts';

const TRIP = SEED_EVENT_IDS.programTrip;

test('a reminder now reaches those still invited, says how many, and is on the History', async ({
  page,
  sandbox,
  consoleErrors,
}) => {
  test.slow(); // a send, its record and the History's refresh on a busy 2-core machine
  const before = {
    added: await sandbox.countIn(TRIP, 'ADDED'),
    invited: await sandbox.countIn(TRIP, 'INVITED'),
  };
  expect(before.invited).toBeGreaterThan(0);
  const travelers = `${before.invited} traveler${before.invited === 1 ? '' : 's'}`;

  await page.goto(`/events/${TRIP}`);
  const section = page.getByRole('region', { name: 'Reminders' });
  await expect(section).toContainText(`${travelers} ${before.invited === 1 ? 'was' : 'were'} invited`);

  // From the keyboard: the button, then the dialog's yes.
  await section.getByRole('button', { name: "Remind those who haven't answered" }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: `Send a reminder to ${travelers}?` })).toBeVisible();
  await dialog.getByRole('button', { name: 'Send reminder' }).focus();
  await page.keyboard.press('Enter');

  await expect(section.getByRole('status')).toHaveText(`Reminder sent to ${travelers} who had not answered.`);
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('alert')).toHaveCount(0);
  const history = sendHistory(page);
  await expect(history.newest).toContainText(`Reminder to ${travelers}`);
  await expect(history.newest).toContainText('Sent');
  // Reminded, not newly invited: nobody moved out of "Not invited".
  expect(await sandbox.countIn(TRIP, 'ADDED')).toBe(before.added);
  expect(await sandbox.countIn(TRIP, 'INVITED')).toBe(before.invited);
  expect(consoleErrors).toEqual([]);
});
