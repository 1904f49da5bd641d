/**
 * The same send confirmed in two tabs reaches Spotnana once. The `slow` console's sandbox answers after
 * SLOW_SANDBOX_LATENCY_MS, so the first tab's send is still under way when the second tab confirms the same one:
 * the server refuses the second (409) before it leaves, and that tab says who started it and when.
 */
import type { SendPage } from '#contract/send-history';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { PEOPLE } from './fixtures/auth.ts';
import { INSTANCES } from './fixtures/instances.ts';
import {
  chooseTravelers,
  expectCleanSuccess,
  expectFormKept,
  expectOnlyTheExplanation,
  inviteForm,
  openEvent,
  SEND_URL,
} from './fixtures/invite-form.ts';
import { expect, test } from './fixtures/invite-test.ts';
import { logMark } from './fixtures/server-log.ts';

test.use({ baseURL: INSTANCES.slow.url });
test.describe.configure({ timeout: 120_000 });

const KICKOFF = SEED_EVENT_IDS.kickoff;

test('two tabs confirming the same send make one request upstream; the second says who started it and when', async ({
  page,
  context,
  sandbox,
  request,
  allowFailedLoad,
  consoleErrors,
}) => {
  const people = await sandbox.pickTravelers(KICKOFF, 2);
  const second = await context.newPage();
  const tabs = [page, second];
  for (const tab of tabs) {
    await openEvent(tab, KICKOFF);
    await chooseTravelers(tab, people);
    await inviteForm(tab).send.click();
  }
  // Both confirmations are open and have checked for recent invites: nothing was sent yet.
  const dialogs = tabs.map((tab) => tab.getByRole('dialog', { name: 'Send invites to 2 travelers?' }));
  const sendButtons = dialogs.map((dialog) => dialog.getByRole('button', { name: 'Send', exact: true }));
  for (const button of sendButtons) await expect(button).toBeEnabled();

  const log = logMark(INSTANCES.slow.port);
  allowFailedLoad(SEND_URL, 409);
  const secondConsole: string[] = [];
  second.on('console', (message) => message.type() === 'error' && secondConsole.push(message.text()));
  await sendButtons[0]!.click();
  await sendButtons[1]!.click();

  const secondForm = inviteForm(second);
  await expect(secondForm.summary).toContainText('This same send is already under way (HTTP 409).');
  await expect(secondForm.summary).toContainText(
    new RegExp(`${PEOPLE.sender.name} started it at \\d{1,2}:\\d{2} [AP]M`),
  );
  // The explanation is all that is wrong on that tab: no field is marked, nothing asks for a traveler.
  await expectOnlyTheExplanation(second);
  await expectFormKept(second, { type: 'GENERIC', inviteAll: false, chosen: people.map((p) => p.name) });
  await expectCleanSuccess(page, 'Invites sent to 2 travelers.');

  // One send left for Spotnana; the other was refused before the forwarder.
  const sends = log.since().filter((entry) => entry.method === 'POST' && SEND_URL.test(entry.path));
  expect(sends.map((entry) => entry.status).sort()).toEqual([200, 409]);
  const history = (await (await request.get(`/api/history/events/${KICKOFF}/sends`)).json()) as SendPage;
  expect(history.sends.filter((send) => send.action === 'send')).toHaveLength(1);
  for (const person of people) expect((await sandbox.stateOf(KICKOFF, person))?.rsvpState).toBe('INVITED');
  expect(consoleErrors).toEqual([]);
  expect(secondConsole.filter((line) => !/status of 409/.test(line))).toEqual([]);
});
