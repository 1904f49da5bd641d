/**
 * The admin Sessions page in the browser: Priya (the admin, her stored signed-in state) opens Sessions from the app
 * bar, finds Sofía Álvarez signed in, ends her sessions after confirming, and Sofía's next action in her own
 * browser asks her to sign in again.
 *
 * Sofía signs in afresh here, in a context of her own: no spec keeps a stored state of hers (e2e/auth.setup.ts
 * saves the admin's, the sender Marcus's and the viewer's), and the specs that sign her in do so themselves, one
 * spec at a time. Ending every session of hers therefore leaves every stored state other specs use alone.
 */
import { AUTH_STATE, PEOPLE, SIGNED_OUT, signIn } from './fixtures/auth.ts';
import { INSTANCES } from './fixtures/instances.ts';
import { expect, expectNoAxeViolations, test } from './fixtures/invite-test.ts';

const SOFIA = PEOPLE.sender2;

test.use({ storageState: AUTH_STATE.admin });

test('an admin ends a person’s sessions; that person’s next action asks them to sign in again', async ({
  page,
  browser,
  consoleErrors,
}) => {
  const sofias = await browser.newContext({ storageState: SIGNED_OUT });
  try {
    const sofia = await sofias.newPage();
    await sofia.goto('/events');
    await signIn(sofia, SOFIA);
    await expect(sofia).toHaveURL(`${INSTANCES.primary.url}/events`);
    await expect(sofia.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();

    await page.goto('/events');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    await expect(page).toHaveURL('/sessions');
    await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Signed-in people, most recently active first' });
    await expect(table).toHaveAttribute('aria-busy', 'false');
    const sofiasRow = table.getByRole('row').filter({ hasText: SOFIA.email });
    await expect(sofiasRow).toContainText(SOFIA.name);
    await expect(sofiasRow).toContainText('Sender');
    await expectNoAxeViolations(page);

    await sofiasRow.getByRole('button', { name: `End sessions of ${SOFIA.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `End ${SOFIA.name}’s sessions?` });
    await expect(dialog).toContainText('Their next action asks them to sign in again.');
    await dialog.getByRole('button', { name: 'End sessions', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Ended the sessions of' })).toHaveText(
      `Ended the sessions of ${SOFIA.name}.`,
    );
    await expect(sofiasRow).toHaveCount(0);
    // The admin's own session (the stored state other specs use) is untouched.
    await expect(table.getByRole('row').filter({ hasText: PEOPLE.admin.email })).toBeVisible();

    // Sofía moves on in her own browser: the console asks her to sign in again.
    await sofia.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
    await expect(sofia.getByRole('alertdialog', { name: 'Your session has ended' })).toBeVisible();
    const asked = await sofia.request.get('/auth/session');
    expect(asked.status()).toBe(401);
    expect(consoleErrors).toEqual([]);
  } finally {
    await sofias.close();
  }
});
