/**
 * Signing in and out, in Chromium against the production server and its embedded OpenID Provider. Every
 * test starts signed out (no cookie at all) and signs in through the real sign-in page; none touches the shared
 * signed-in states of the other specs (sign-out here ends only this test's own session).
 */
import type { Page } from '@playwright/test';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import {
  PEOPLE,
  PROVIDER_PAGE_FAVICON,
  sessionCookie,
  sessionCookieName,
  SIGN_IN_HEADING,
  SIGN_IN_PAGE_URL,
  SIGNED_OUT,
  signIn,
  signInPage,
  WRONG_CREDENTIALS,
} from './fixtures/auth.ts';
import { sameOrigin } from './fixtures/console.ts';
import { expect, expectNoAxeViolations, test } from './fixtures/invite-test.ts';
import { INSTANCES } from './fixtures/instances.ts';

test.use({ storageState: SIGNED_OUT });

const PRIMARY = INSTANCES.primary.url;
const KICKOFF = SEED_EVENT_IDS.kickoff;
const EVENT_URL = `${PRIMARY}/events/${KICKOFF}`;

/** The kickoff's event page is on screen: its heading, and the picker has listed travelers. */
async function expectEventPage(page: Page) {
  await expect(page).toHaveURL(EVENT_URL);
  await expect(page.getByRole('heading', { level: 1, name: 'Sales Kickoff 2027' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Travelers', exact: true }).getByRole('checkbox').first(),
  ).toBeVisible();
}

const signedIn = (page: Page) => page.getByRole('banner').getByRole('group', { name: 'Signed in' });

test('a signed-out visit to an event page goes to the sign-in page and, signed in, lands on that event page', async ({
  page,
  consoleErrors,
  allowFailedLoad,
}) => {
  allowFailedLoad(...PROVIDER_PAGE_FAVICON);
  const visited: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  });
  await page.goto(`/events/${KICKOFF}`);
  await expect(page).toHaveURL(SIGN_IN_PAGE_URL);
  await expect(signInPage(page).heading).toBeVisible();
  await expect(page).toHaveTitle('Sign in · Invites Console');
  // Nothing of the console was shown before: the server redirected the navigation itself.
  expect(visited).toEqual([page.url()]);

  await signIn(page, PEOPLE.sender2);
  await expectEventPage(page);
  const header = signedIn(page);
  await expect(header).toContainText(PEOPLE.sender2.name);
  await expect(header).toContainText('Sender');
  await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(await sessionCookie(page.context(), PRIMARY)).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  expect(consoleErrors).toEqual([]);
});

test('sign-out ends the session on the server: the old cookie gets 401, and a new visit asks to sign in again', async ({
  page,
  playwright,
}) => {
  await page.goto(`/events/${KICKOFF}`);
  await signIn(page, PEOPLE.sender);
  await expectEventPage(page);

  // The browser's cookies as they are now, replayed later by another client, as a thief who copied them would.
  const saved = await page.context().storageState();
  expect(saved.cookies.map((c) => c.name)).toContain(sessionCookieName(PRIMARY));
  const replay = await playwright.request.newContext({
    baseURL: PRIMARY,
    storageState: saved,
    extraHTTPHeaders: sameOrigin(PRIMARY),
  });
  try {
    // The saved cookie works while the session lasts...
    expect((await replay.get(`/api/v2/events/${KICKOFF}`)).status()).toBe(200);

    await signedIn(page).getByRole('button', { name: 'Sign out' }).click();
    // The console's session is over; the provider asks whether to end its own too.
    await expect(
      page.getByRole('heading', { name: 'You are signed out of the Invites Console' }),
    ).toBeVisible();
    expect(await sessionCookie(page.context(), PRIMARY)).toBeUndefined();

    // ...and not after sign-out, though the client still sends it: the server has forgotten the session.
    const api = await replay.get(`/api/v2/events/${KICKOFF}`);
    expect(api.status()).toBe(401);
    expect(await api.json()).toMatchObject({ errorMessages: [{ errorCode: 'SIGN_IN_REQUIRED' }] });
    const write = await replay.post(`/api/v2/events/${KICKOFF}/travelers-list`, {
      data: { offset: 0, limit: 1 },
    });
    expect(write.status()).toBe(401);
    expect((await replay.get('/auth/session')).status()).toBe(401);
  } finally {
    await replay.dispose();
  }

  // Signed out of the provider too, the browser lands on the console's start, which asks to sign in.
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(SIGN_IN_PAGE_URL);
  await expect(signInPage(page).heading).toBeVisible();

  // A new visit to the event page: the sign-in form again, not the console.
  await page.goto(`/events/${KICKOFF}`);
  await expect(page).toHaveURL(SIGN_IN_PAGE_URL);
  await expect(signInPage(page).heading).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sales Kickoff 2027' })).toHaveCount(0);
});

test('a wrong password shows the error and keeps you signed out; the right one then signs you in', async ({
  page,
}) => {
  await page.goto(`/events/${KICKOFF}`);
  await signIn(page, { email: PEOPLE.sender.email, password: 'not-my-password' });

  const form = signInPage(page);
  await expect(page).toHaveURL(SIGN_IN_PAGE_URL);
  await expect(page).toHaveTitle('Error: Sign in · Invites Console');
  await expect(form.errorSummary).toContainText('There is a problem');
  await expect(form.errorSummary).toContainText(WRONG_CREDENTIALS);
  // The summary takes focus, so a screen reader announces it; the fields say what is wrong too.
  await expect(form.errorSummary).toBeFocused();
  await expect(form.email).toHaveValue(PEOPLE.sender.email);
  await expect(form.password).toHaveValue('');
  await expect(form.password).toHaveAccessibleDescription(`Error: ${WRONG_CREDENTIALS}`);
  expect(await sessionCookie(page.context(), PRIMARY)).toBeUndefined();
  expect((await page.request.get('/auth/session')).status()).toBe(401);
  await expectNoAxeViolations(page);

  await form.password.fill(PEOPLE.sender.password);
  await form.submit.click();
  await expectEventPage(page);
});

test('the sign-in page passes axe and works by keyboard alone', async ({ page }) => {
  await page.goto(`/events/${KICKOFF}`);
  const form = signInPage(page);
  await expect(form.heading).toBeVisible();
  await expectNoAxeViolations(page);

  // The email field has focus on arrival; Tab moves on to the password, then to "Sign in".
  await expect(form.email).toBeFocused();
  await page.keyboard.type(PEOPLE.viewer.email);
  await page.keyboard.press('Tab');
  await expect(form.password).toBeFocused();
  await page.keyboard.type(PEOPLE.viewer.password);
  await page.keyboard.press('Tab');
  await expect(form.submit).toBeFocused();
  await page.keyboard.press('Enter');

  await expectEventPage(page);
  await expect(signedIn(page)).toContainText(PEOPLE.viewer.name);
  await expect(page.getByRole('heading', { name: SIGN_IN_HEADING })).toHaveCount(0);
});

test('a return URL that resolves to another site lands on the events list, with a provider session or without', async ({
  page,
}) => {
  const hosts = new Set<string>();
  page.on('request', (request) => hosts.add(new URL(request.url()).hostname));
  const signInWith = (returnTo: string) =>
    page.goto(`${PRIMARY}/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`);

  // No provider session: the sign-in form in between.
  await signInWith('/.//evil.example/x');
  await signIn(page, PEOPLE.sender);
  await expect(page).toHaveURL(`${PRIMARY}/events`);
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();

  // The provider knows the person now: no form, straight back. These still land on the events list.
  for (const returnTo of ['/a/..//evil.example', '/%2e//evil.example', 'https:evil.example']) {
    await signInWith(returnTo);
    await expect(page).toHaveURL(`${PRIMARY}/events`);
    await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  }
  expect([...hosts].filter((host) => host.includes('evil'))).toEqual([]);
});

test('a visit on another name for the server (localhost for 127.0.0.1) moves to the console’s own host and signs in there', async ({
  page,
  allowFailedLoad,
}) => {
  allowFailedLoad(...PROVIDER_PAGE_FAVICON);
  const otherName = new URL(PRIMARY);
  otherName.hostname = 'localhost';
  await page.goto(`${otherName.origin}/events/${KICKOFF}`);
  await expect(page).toHaveURL(SIGN_IN_PAGE_URL);
  await signIn(page, PEOPLE.sender2);
  // Not "This sign-in has expired": the callback came back to the host the sign-in started on.
  await expectEventPage(page);
});
