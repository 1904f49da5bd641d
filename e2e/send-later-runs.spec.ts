/**
 * Scheduled sends going out at their time, watched from the event page as a manager would: planned for the coming
 * minute, they leave the scheduled list by themselves and appear in the History with Spotnana's answer, a refused
 * one with "Details" and "Load into the form" as any refused send.
 * The server looks for due sends every few seconds (SCHEDULE_POLL_SECONDS); nothing here is hurried.
 */
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { sendHistory } from './fixtures/history.ts';
import { chooseTravelers, errorDescription, inviteForm, openEvent } from './fixtures/invite-form.ts';
import { PEOPLE } from './fixtures/auth.ts';
import type { Person } from './fixtures/sandbox-client.ts';
import { expect, test } from './fixtures/invite-test.ts';

/** "Hackathon Week", a general event no other spec sends to: its History holds only what this one does. */
const HACKATHON = SEED_EVENT_IDS.inProgress;
const ZONE = 'Europe/Berlin';
test.use({ timezoneId: ZONE });

/** The `datetime-local` value of the first whole minute at least 20 s from now, in the browser's zone. */
function nextMinute(): { local: string; at: number } {
  const at = Math.ceil((Date.now() + 20_000) / 60_000) * 60_000;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { local: `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`, at };
}

test('two sends scheduled for the coming minute go out then; the History shows one sent and one refused, which loads back into the form', async ({
  page,
  sandbox,
  consoleErrors,
}) => {
  // Up to 80 s until the minute, a poll, and the page's own look once they are due.
  test.setTimeout(180_000);
  // Its four travelers who were invited and have not answered: an invite again is a new invitedAt.
  const [a, b, c, d] = await sandbox.pickTravelers(HACKATHON, 4, 'INVITED');
  const invitedAt = async (person: Person) => (await sandbox.stateOf(HACKATHON, person))?.invitedAt;
  const before = new Map<Person, string | undefined>();
  for (const person of [a!, b!, c!, d!]) before.set(person, await invitedAt(person));
  await openEvent(page, HACKATHON);
  const form = inviteForm(page);
  const { local, at } = nextMinute();
  async function sendLater() {
    await page.getByRole('button', { name: 'Send later' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send later' });
    await dialog.getByLabel('Send at').fill(local);
    await dialog.getByRole('button', { name: 'Schedule send' }).click();
    await expect(dialog).toBeHidden();
  }
  // One the API will take, and one it will refuse when it runs: this event is a general event, not a program.
  await chooseTravelers(page, [a!, b!]);
  await sendLater();
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await chooseTravelers(page, [c!, d!]);
  await form.type.selectOption({ label: 'Program' });
  await sendLater();
  const scheduled = page.getByRole('region', { name: 'Scheduled sends' }).getByRole('listitem');
  await expect(scheduled).toHaveCount(2);
  for (const person of [a!, b!, c!, d!]) expect(await invitedAt(person)).toBe(before.get(person));

  // Their time comes: the list asks again by itself, and the sends leave it for the History.
  const history = sendHistory(page);
  const sent = history.items.filter({
    hasText: `${PEOPLE.sender.name} · General event · 2 travelers · Sent`,
  });
  const refused = history.items.filter({
    hasText: `${PEOPLE.sender.name} · Program · 2 travelers · Refused`,
  });
  await expect(sent).toHaveCount(1, { timeout: at - Date.now() + 60_000 });
  await expect(refused).toHaveCount(1);
  await expect(scheduled).toHaveCount(0);
  for (const person of [a!, b!]) expect(await invitedAt(person)).not.toBe(before.get(person));
  for (const person of [c!, d!]) expect(await invitedAt(person)).toBe(before.get(person));

  // The refused one, like any refused send: its details, and back into the form with the entry at its field.
  const message = 'The event is of type GENERIC, but the request says PROGRAM.';
  await expect(refused).toContainText(message);
  await refused.getByRole('button', { name: 'Details' }).click();
  await expect(history.review).toContainText('Code: EVENT_TYPE_MISMATCH');
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await form.type.selectOption({ label: 'General event' });
  await history.loadIntoForm.click();
  await expect(form.summary).toBeFocused();
  await expect(form.type).toHaveValue('PROGRAM');
  await expect(form.type).toHaveAccessibleDescription(errorDescription(message, 'EVENT_TYPE_MISMATCH'));
  await expect(form.selectedHeading).toHaveText('Selected: 2 travelers');
  for (const person of [c!, d!]) await expect(form.chip(person.name)).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
