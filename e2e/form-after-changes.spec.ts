/**
 * What the invite form shows when it changes under the manager after a refused send, and the confirmation as a
 * modal: the page behind it is dimmed and out of reach. The success paths end with `expectCleanSuccess` in the
 * specs that make them.
 */
import type { Locator, Page } from '@playwright/test';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { NO_TRAVELER_MESSAGE } from '../src/features/invites/utils/invite-form-schema.ts';
import {
  chooseTravelers,
  errorDescription,
  inviteForm,
  openEvent,
  recordSends,
  SEND_URL,
  sendAndConfirm,
  settle,
} from './fixtures/invite-form.ts';
import { expect, test } from './fixtures/invite-test.ts';

test.describe.configure({ timeout: 90_000 });

const SUMMIT = SEED_EVENT_IDS.largeSummit;
const KICKOFF = SEED_EVENT_IDS.kickoff;
const TYPE_MISMATCH = 'The event is of type GENERIC, but the request says PROGRAM.';

test('after a refused send, a test invite keeps the explanation and "Clear selection" raises no error of its own', async ({
  page,
  sandbox,
  allowFailedLoad,
  consoleErrors,
}) => {
  allowFailedLoad(SEND_URL, 400);
  const sends = recordSends(page);
  const people = await sandbox.pickTravelers(SUMMIT, 2);
  await openEvent(page, SUMMIT);
  const form = inviteForm(page);
  await chooseTravelers(page, people);
  await form.type.selectOption({ label: 'Program' });
  await sendAndConfirm(page, 'Send invites to 2 travelers?');
  await expect(form.summary).toBeFocused();
  await expect(form.summary).toContainText(TYPE_MISMATCH);

  // The test invite goes to the console's own account: the send's explanation still holds, where it was.
  await form.sendTest.click();
  await expect(form.status).toHaveText(
    'Test invite sent to the account the console signs in with. Check its inbox.',
  );
  await expect(form.sendTest).toBeFocused();
  await expect(form.summary).toContainText(TYPE_MISMATCH);
  await expect(form.type).toHaveAccessibleDescription(errorDescription(TYPE_MISMATCH, 'EVENT_TYPE_MISMATCH'));

  // Clearing the selection is not a press of "Send invites": nothing asks for a traveler yet.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(form.selectedHeading).toHaveText('Selected: 0 travelers');
  await settle(page);
  await expect(form.summary).toContainText(TYPE_MISMATCH);
  await expect(form.summary).not.toContainText(NO_TRAVELER_MESSAGE);
  await expect(form.search).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(NO_TRAVELER_MESSAGE)).toHaveCount(0);
  // Pressed, it does.
  await form.send.click();
  await expect(form.summary).toContainText(NO_TRAVELER_MESSAGE);
  await expect(form.search).toHaveAttribute('aria-invalid', 'true');
  expect(sends).toHaveLength(1);
  expect(consoleErrors).toEqual([]);
});

/** The red, green and blue of one pixel of what the page shows now, read from a screenshot of the viewport. */
async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = (await page.screenshot({ clip: { x, y, width: 1, height: 1 } })).toString('base64');
  return page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(1, 1);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!] as [number, number, number];
  }, png);
}

const brightness = ([r, g, b]: [number, number, number]) => Math.round((r + g + b) / 3);

/** A point inside an element, clear of its border and rounded corners. */
async function insideOf(element: Locator): Promise<{ x: number; y: number }> {
  const box = await element.boundingBox();
  expect(box, 'the element is laid out').not.toBeNull();
  return { x: Math.round(box!.x + box!.width / 2), y: Math.round(box!.y + 12) };
}

test('the confirmation dims the page behind it and takes it out of reach until it closes', async ({
  page,
  sandbox,
  consoleErrors,
}) => {
  const [person] = await sandbox.firstTravelers(KICKOFF, 1);
  await openEvent(page, KICKOFF);
  const form = inviteForm(page);
  await form.checkbox(person!.name).check();
  // A white part of the page at the form's left, which the centred dialog does not cover: the "Send later"
  // button's face (checked below, once the dialog is open).
  const sendLater = page.getByRole('button', { name: 'Send later', exact: true });
  await sendLater.scrollIntoViewIfNeeded();
  const behind = await insideOf(sendLater);
  expect(brightness(await pixelAt(page, behind.x, behind.y))).toBeGreaterThanOrEqual(250);

  await form.send.click();
  const dialog = page.getByRole('dialog', { name: 'Send invites to 1 traveler?' });
  await expect(dialog.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  const box = (await dialog.boundingBox())!;
  expect(behind.x < box.x || behind.x > box.x + box.width, 'the point is beside the dialog').toBe(true);
  // The backdrop fades in; once it is in, the page behind is at most half as bright, the dialog itself is white.
  await expect.poll(async () => brightness(await pixelAt(page, behind.x, behind.y))).toBeLessThanOrEqual(140);
  // The dialog fades in beside the backdrop, and re-centres when its recent-invites check answers: its point is
  // measured again on every try, or a point taken before the move can fall on its edge.
  await expect
    .poll(async () => {
      const onDialog = await insideOf(dialog);
      return brightness(await pixelAt(page, onDialog.x, onDialog.y));
    })
    .toBeGreaterThanOrEqual(250);
  // Out of reach: hidden from assistive technology, and a click there lands on the backdrop, which cancels.
  await expect(sendLater).toHaveCount(0);
  await page.mouse.click(behind.x, behind.y);
  await expect(dialog).toBeHidden();
  await expect(form.status).toHaveText('');
  // Off the button, so its hover tint does not count.
  await page.mouse.move(0, 0);
  await expect
    .poll(async () => brightness(await pixelAt(page, behind.x, behind.y)))
    .toBeGreaterThanOrEqual(250);
  expect(consoleErrors).toEqual([]);
});
