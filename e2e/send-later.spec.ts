/**
 * Send later: a send scheduled from the invite form with the manager's and the venue's time zones shown, listed
 * at the top of the History, moved with "Change time" and cancelled; and a reminder scheduled for later. On
 * program sessions 1 and 2 (Toronto and London), which no other spec sends to. The browser runs in Berlin, so
 * the manager's zone and the venue's differ. Nothing here comes due while the test runs: it is planned days ahead.
 */
import type { Page } from '@playwright/test';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { inviteForm, openEvent } from './fixtures/invite-form.ts';
import { expect, expectNoAxeViolations, test } from './fixtures/invite-test.ts';

test.use({ timezoneId: 'Europe/Berlin' });

const SESSION_2 = SEED_EVENT_IDS.programSession2;
const SESSION_1 = SEED_EVENT_IDS.programSession1;

/** The `datetime-local` value `days` from now at `hour`:00, Berlin time (the browser's zone here). */
function berlinLocal(days: number, hour: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', dateStyle: 'short' }).format(
    day,
  );
  return `${date}T${String(hour).padStart(2, '0')}:00`;
}

/** 02:30 on the next last Sunday of March: Berlin's clocks go from 02:00 straight to 03:00 then. */
function berlinSkippedTime(): string {
  const now = Date.now();
  const year = new Date(now).getUTCFullYear();
  for (const y of [year, year + 1]) {
    const lastSunday = 31 - new Date(Date.UTC(y, 2, 31)).getUTCDay();
    if (Date.UTC(y, 2, lastSunday, 1) > now) return `${y}-03-${lastSunday}T02:30`;
  }
  throw new Error('no March in the next two years');
}

function scheduledSends(page: Page) {
  const region = page.getByRole('region', { name: 'Scheduled sends' });
  return {
    region,
    items: region.getByRole('list', { name: 'Scheduled sends, soonest first' }).getByRole('listitem'),
  };
}

test('Send later shows both time zones, lists the send in the History, and it can be moved and cancelled', async ({
  page,
  consoleErrors,
}) => {
  test.slow(); // a scheduling, its record and the History's refresh on a busy 2-core machine
  await openEvent(page, SESSION_2);
  const form = inviteForm(page);
  await form.inviteAll.check();

  // From the keyboard: "Send later", then the dialog's field.
  await page.getByRole('button', { name: 'Send later' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Send later' });
  await expect(dialog).toBeVisible();
  const field = dialog.getByLabel('Send at');
  await expect(field).toBeFocused();
  await expect(dialog).toContainText(
    /Invites as a program session to all travelers of the event \(12 travelers now\)/,
  );
  await field.fill(berlinLocal(3, 9));
  await expect(field).toHaveAccessibleDescription(/Your time zone: Europe\/Berlin \(UTC\+0[12]:00\)/);
  // 09:00 in Berlin is 08:00 in London, winter or summer.
  await expect(field).toHaveAccessibleDescription(
    /At the venue \(Europe\/London\): .*8:00 AM \(UTC\+0[01]:00\)/,
  );
  await expectNoAxeViolations(page);

  // A time in the past is refused at the field, before any request.
  await field.fill('2020-01-06T09:00');
  await dialog.getByRole('button', { name: 'Schedule send' }).click();
  await expect(field).toHaveAccessibleDescription(/Choose a time in the future/);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  // So is a time the clocks skip, rather than moved an hour.
  await field.fill(berlinSkippedTime());
  await dialog.getByRole('button', { name: 'Schedule send' }).click();
  await expect(field).toHaveAccessibleDescription(
    /That time does not exist in your time zone \(the clocks go forward then\)\. Choose another time\./,
  );
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill(berlinLocal(3, 9));
  await dialog.getByRole('button', { name: 'Schedule send' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(form.status).toContainText(/Scheduled for .*9:00 AM \(your time\)\./);
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
  await expect(form.inviteAll).toBeChecked();

  const { region, items } = scheduledSends(page);
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(/Scheduled for .*9:00 AM \(your time\)/);
  await expect(items.first()).toContainText(
    'Invites to all travelers · Program session · scheduled by Marcus Webb',
  );

  // Change time: the same dialog, prefilled with the time set.
  await items.first().getByRole('button', { name: 'Change time' }).click();
  const change = page.getByRole('dialog', { name: 'Change time' });
  await expect(change.getByLabel('Send at')).toHaveValue(berlinLocal(3, 9));
  await change.getByLabel('Send at').fill(berlinLocal(4, 11));
  await change.getByRole('button', { name: 'Change time' }).click();
  await expect(change).toBeHidden();
  await expect(region.getByRole('status')).toContainText(/Time changed: it now goes out on .*11:00 AM/);
  await expect(items.first()).toContainText(/Scheduled for .*11:00 AM/);

  // Cancel, after a yes.
  await items.first().getByRole('button', { name: 'Cancel scheduled send' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel this scheduled send?' });
  await cancel.getByRole('button', { name: 'Cancel scheduled send' }).click();
  await expect(cancel).toBeHidden();
  await expect(region.getByRole('status')).toContainText(
    'Cancelled: invites to all travelers will not be sent.',
  );
  await expect(items).toHaveCount(0);
  // It is now in the ordinary History, as cancelled.
  const history = page.getByRole('region', { name: 'History' });
  const newest = history.getByRole('list', { name: 'Sends, newest first' }).getByRole('listitem').first();
  await expect(newest).toContainText('Cancelled');
  await expect(newest).toContainText(/Scheduled for .*11:00/);
  await expectNoAxeViolations(page);
  expect(consoleErrors).toEqual([]);
});

test('a reminder scheduled for later is listed in the History', async ({ page, consoleErrors }) => {
  test.slow();
  await openEvent(page, SESSION_1);
  const section = page.getByRole('region', { name: 'Reminders' });
  await section.getByRole('button', { name: 'Remind later' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remind later' });
  await expect(dialog).toContainText('to whoever is still invited and has not answered when it runs');
  await expect(dialog.getByLabel('Send at')).toHaveAccessibleDescription(
    /At the venue \(America\/Toronto\): /,
  );
  await dialog.getByLabel('Send at').fill(berlinLocal(2, 15));
  await dialog.getByRole('button', { name: 'Schedule reminder' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('status')).toContainText(/Reminder scheduled for .*3:00 PM \(your time\)\./);

  const { items } = scheduledSends(page);
  await expect(items.filter({ hasText: 'A reminder to whoever has not answered by then' })).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});
