/**
 * Sending invites from the event page in Chromium, against the production build on the sandbox: invite all,
 * invite chosen travelers, one POST however the manager clicks or presses, the test invite, and the check before
 * anything is sent.
 *
 * Every test shares the run's sandbox database with the other specs and with its own repeats, so each one chooses
 * travelers that are in the state it needs at the time (`sandbox.pickTravelers`, from a random page of the
 * 10,000-traveler summit) or asserts relative to the counts it reads first. None depends on the order of tests.
 */
import { SEED_EVENT_IDS, SEED_TRAVELER_STATES } from '../sandbox/seed/seed-ids.ts';
import {
  chooseTravelers,
  expectCleanSuccess,
  expectNoErrorShown,
  inviteForm,
  openEvent,
  recordSends,
  sendAndConfirm,
} from './fixtures/invite-form.ts';
import { expect, test } from './fixtures/invite-test.ts';

// A busy 2-core machine (other builds and test runs beside this one) can make one send take seconds.
test.describe.configure({ timeout: 90_000 });

const SUMMIT = SEED_EVENT_IDS.largeSummit;
/** "Leadership Program · Session 3: Capstone": 12 travelers, all not invited at seed; only invite-all sends here. */
const INVITE_ALL_EVENT = SEED_EVENT_IDS.programSession3;
const INVITE_ALL_TRAVELERS = SEED_TRAVELER_STATES.programSession3.ADDED;

test('"Invite all travelers" sends to every traveler after a confirmation that names the count', async ({
  page,
  sandbox,
  consoleErrors,
}) => {
  const before = {
    added: await sandbox.countIn(INVITE_ALL_EVENT, 'ADDED'),
    invited: await sandbox.countIn(INVITE_ALL_EVENT, 'INVITED'),
  };
  const total = before.added + before.invited;
  // Nobody else changes this event: its travelers are only ever not invited or invited.
  expect(total).toBe(INVITE_ALL_TRAVELERS);
  // The ones not invited yet (all of them on a fresh sandbox; none when this test runs again on the same sandbox).
  const { travelers: notInvited } = await sandbox.travelers(INVITE_ALL_EVENT, { states: ['ADDED'] });
  const newlyInvited = await sandbox.people(notInvited.map((t) => t.id));

  await openEvent(page, INVITE_ALL_EVENT);
  const form = inviteForm(page);
  await expect(form.type).toHaveValue('PROGRAM_SESSION');
  await expect(form.rsvpCount('Not invited')).toHaveText(String(before.added));
  for (const person of newlyInvited.slice(0, 3)) {
    await expect(form.row(person.name).getByText('Not invited', { exact: true })).toBeVisible();
  }

  await form.inviteAll.check();
  await expect(page.getByText(`All ${total} travelers of this event get an invite.`)).toBeVisible();
  // The picker stays readable but cannot be used while everyone is invited.
  await expect(form.search).toBeDisabled();
  await expect(form.list.getByRole('checkbox').first()).toBeDisabled();

  await sendAndConfirm(page, `Send invites to all ${total} travelers?`);
  await expectCleanSuccess(page, `Invites sent to all ${total} travelers.`);

  // The RSVP counts in the header and the states in the list follow.
  await expect(form.rsvpCount('Not invited')).toHaveText('0');
  await expect(form.rsvpCount('Invited')).toHaveText(String(total));
  // A new form: switching "Invite all travelers" off asks for nothing until "Send invites" is pressed.
  await form.inviteAll.uncheck();
  await expectNoErrorShown(page);
  await page.getByRole('button', { name: /^Invited \d+$/ }).click();
  await expect(page.getByText(`${total} travelers match`)).toBeVisible();
  for (const person of newlyInvited) {
    const row = form.row(person.name);
    await row.scrollIntoViewIfNeeded();
    await expect(row.getByText('Invited', { exact: true })).toBeVisible();
    await expect(row).toContainText('Invited just now');
  }
  expect(await sandbox.countIn(INVITE_ALL_EVENT, 'ADDED')).toBe(0);
  expect(consoleErrors).toEqual([]);
});

test('inviting three chosen travelers turns them to invited, with a fresh time, and clears the selection', async ({
  page,
  sandbox,
  consoleErrors,
}) => {
  const people = await sandbox.pickTravelers(SUMMIT, 3);
  await openEvent(page, SUMMIT);
  const form = inviteForm(page);
  await expect(form.rsvpCount('Not invited')).not.toHaveText('');
  const before = {
    added: await sandbox.countIn(SUMMIT, 'ADDED'),
    invited: await sandbox.countIn(SUMMIT, 'INVITED'),
  };

  await chooseTravelers(page, people);
  await expect(form.chips).toHaveText(people.map((p) => p.name));

  await sendAndConfirm(page, 'Send invites to 3 travelers?');
  await expectCleanSuccess(page, 'Invites sent to 3 travelers.');
  // The keyboard goes on from where it was: the confirmation gave the focus back to "Send invites".
  await expect(form.send).toBeFocused();
  await expect(form.selectedHeading).toHaveText('Selected: 0 travelers');
  await expect(form.chips).toHaveCount(0);

  // Their rows now say Invited, just now; exact time on hover.
  for (const person of people) {
    await form.search.fill(person.name);
    const row = form.row(person.name);
    await expect(row.getByText('Invited', { exact: true })).toBeVisible();
    await expect(row).toContainText('Invited just now');
    await expect(form.checkbox(person.name)).not.toBeChecked();
    const invitedAt = (await sandbox.stateOf(SUMMIT, person))?.invitedAt;
    expect(Date.now() - Date.parse(invitedAt!)).toBeLessThan(120_000);
    await expect(row.locator('time')).toHaveAttribute('datetime', invitedAt!);
  }
  await expect(form.rsvpCount('Not invited')).toHaveText((before.added - 3).toLocaleString('en-US'));
  await expect(form.rsvpCount('Invited')).toHaveText((before.invited + 3).toLocaleString('en-US'));
  expect(consoleErrors).toEqual([]);
});

test('a double click or a held-down Enter on "Send" posts exactly once', async ({
  page,
  sandbox,
  consoleErrors,
}) => {
  const [first, second, third] = await sandbox.pickTravelers(SUMMIT, 3);
  const sends = recordSends(page);
  await openEvent(page, SUMMIT);
  const form = inviteForm(page);

  await chooseTravelers(page, [first!, second!]);
  await form.send.click();
  const dialog = page.getByRole('dialog', { name: 'Send invites to 2 travelers?' });
  await dialog.getByRole('button', { name: 'Send', exact: true }).dblclick();
  await expectCleanSuccess(page, 'Invites sent to 2 travelers.');
  expect(sends).toHaveLength(1);

  await chooseTravelers(page, [third!]);
  await form.send.click();
  const confirm = page
    .getByRole('dialog', { name: 'Send invites to 1 traveler?' })
    .getByRole('button', { name: 'Send', exact: true });
  await confirm.focus();
  // Holding Enter down: one key press, then the keyboard's repeats.
  for (let i = 0; i < 4; i++) await page.keyboard.down('Enter');
  await page.keyboard.up('Enter');
  await expectCleanSuccess(page, 'Invites sent to 1 traveler.');
  expect(sends).toHaveLength(2);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  for (const person of [first!, second!, third!]) {
    expect((await sandbox.stateOf(SUMMIT, person))?.rsvpState).toBe('INVITED');
  }
  expect(consoleErrors).toEqual([]);
});

test('"Send test invite" reports that the test invite went out', async ({ page, consoleErrors }) => {
  const tests: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/invite/test')) tests.push(r.url());
  });
  await openEvent(page, SEED_EVENT_IDS.kickoff);
  const form = inviteForm(page);
  await form.sendTest.click();
  await expectCleanSuccess(
    page,
    'Test invite sent to the account the console signs in with. Check its inbox.',
  );
  expect(tests).toEqual([expect.stringContaining(`/api/v2/events/${SEED_EVENT_IDS.kickoff}/invite/test`)]);
  expect(consoleErrors).toEqual([]);
});

test('a test invite after "Send invites" was refused for want of travelers leaves a new form with the same type', async ({
  page,
  consoleErrors,
}) => {
  const sends = recordSends(page);
  await openEvent(page, SEED_EVENT_IDS.kickoff);
  const form = inviteForm(page);
  await form.type.selectOption('PROGRAM_SESSION');
  await form.send.click();
  await expect(form.summary).toContainText('Choose at least one traveler');

  await form.sendTest.click();
  await expectCleanSuccess(
    page,
    'Test invite sent to the account the console signs in with. Check its inbox.',
  );
  await expect(form.type).toHaveValue('PROGRAM_SESSION');
  await expect(form.inviteAll).not.toBeChecked();
  // The rule is checked again at the next press, not before.
  await form.list.getByRole('checkbox').first().check();
  await form.list.getByRole('checkbox').first().uncheck();
  await expectNoErrorShown(page);
  await form.send.click();
  await expect(form.summary).toContainText('Choose at least one traveler');
  expect(sends).toHaveLength(0);
  expect(consoleErrors).toEqual([]);
});

test('"Send invites" with nobody chosen asks for a traveler under the picker and sends nothing', async ({
  page,
  consoleErrors,
}) => {
  const sends = recordSends(page);
  await openEvent(page, SEED_EVENT_IDS.kickoff);
  const form = inviteForm(page);
  const message = 'Choose at least one traveler, or switch on "Invite all travelers".';

  await form.send.click();
  await expect(form.search).toHaveAccessibleDescription(message);
  await expect(page.getByRole('group', { name: 'Choose travelers' })).toHaveAccessibleDescription(message);
  await expect(form.summary).toBeFocused();
  await form.summary.getByRole('link', { name: message }).click();
  await expect(form.search).toBeFocused();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Choosing someone (or switching on "Invite all travelers") answers it.
  const first = form.list.getByRole('checkbox').first();
  await first.check();
  await expect(form.search).not.toHaveAccessibleDescription(message);
  await expect(form.summary).toHaveCount(0);
  await first.uncheck();
  await expect(form.search).toHaveAccessibleDescription(message);
  await form.inviteAll.check();
  await expect(form.summary).toHaveCount(0);

  expect(sends).toHaveLength(0);
  expect(consoleErrors).toEqual([]);
});
