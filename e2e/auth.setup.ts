/**
 * The `sign-in` project, run before every other test: each role signs in through the real sign-in page of the
 * primary's embedded OpenID Provider (email, password, "Sign in") and the browser state is saved for the tests
 * (`AUTH_STATE`). The sender also signs in to the other consoles, which send them to the same provider: it
 * remembers them, so they come straight back signed in, as in the README's two-instance setup.
 */
import { test as setup, expect, type Page } from '@playwright/test';
import type { Role } from './fixtures/auth.ts';
import { AUTH_STATE, ensureAuthDir, PEOPLE, sessionCookie, SIGNED_OUT, signIn } from './fixtures/auth.ts';
import { INSTANCES } from './fixtures/instances.ts';

setup.use({ storageState: SIGNED_OUT });

/** Signs in at `instanceUrl` (a signed-out visit to /events goes to the sign-in page) and checks who the console says. */
async function expectSignedIn(page: Page, instanceUrl: string, role: Role) {
  await expect(page).toHaveURL(`${instanceUrl}/events`);
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  expect(await sessionCookie(page.context(), instanceUrl), `session cookie of ${instanceUrl}`).toBeDefined();
  const session = await page.request.get(`${instanceUrl}/auth/session`);
  expect(session.status()).toBe(200);
  expect(await session.json()).toEqual({ name: PEOPLE[role].name, email: PEOPLE[role].email, role });
}

for (const role of ['sender', 'viewer', 'admin'] as const) {
  setup(`${role}: ${PEOPLE[role].name} signs in through the sign-in page`, async ({ page }) => {
    ensureAuthDir();
    await page.goto('/events');
    await signIn(page, PEOPLE[role]);
    await expectSignedIn(page, INSTANCES.primary.url, role);

    if (role === 'sender') {
      // The tenant consoles use the primary's provider, which still knows the sender: no form this time.
      for (const instance of [INSTANCES.tenant, INSTANCES.badSecret, INSTANCES.slow]) {
        await page.goto(`${instance.url}/events`);
        await expectSignedIn(page, instance.url, role);
      }
    }
    await page.context().storageState({ path: AUTH_STATE[role] });
  });
}
