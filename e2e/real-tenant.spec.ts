/**
 * A real tenant: a second console (`tenant`) whose Spotnana upstream is the primary console's
 * `/sandbox`, in another process, over HTTP, with client credentials; and a third (`badSecret`) whose secret the
 * tenant refuses. The tokens the tenant has issued are counted in its database, where the sandbox keeps one row
 * (a hash) per token it hands out. The tenant consoles sign managers in through the primary's embedded
 * OpenID Provider (their OIDC_ISSUER), the README's two-instance setup; the sender's saved state is signed in to
 * all three.
 */
import Database from 'better-sqlite3';
import type { Event } from '#contract';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import {
  PEOPLE,
  PROVIDER_PAGE_FAVICON,
  sessionCookie,
  SIGN_IN_PAGE_URL,
  SIGNED_OUT,
  signIn,
  signInPage,
} from './fixtures/auth.ts';
import { sameOrigin } from './fixtures/console.ts';
import { INSTANCES, PRIMARY_SANDBOX_DB_PATH } from './fixtures/instances.ts';
import { expect, test } from './fixtures/invite-test.ts';

/** Runs `fn` on the primary's sandbox database beside the running server (SQLite's locking keeps them apart). */
function withTenantDatabase<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(PRIMARY_SANDBOX_DB_PATH, { fileMustExist: true, timeout: 5_000 });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const tokensIssued = () =>
  withTenantDatabase((db) => db.prepare('SELECT count(*) FROM tokens').pluck().get() as number);

/** The tenant's upcoming events as its own API lists them: what a console pointed at it must show. */
async function tenantEvents(request: import('@playwright/test').APIRequestContext): Promise<Event[]> {
  const response = await request.post(`${INSTANCES.primary.url}/api/v2/events/list`, {
    data: { listEventType: 'UPCOMING', offset: 0, limit: 25 },
    headers: sameOrigin(INSTANCES.primary.url),
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { events?: Event[] }).events ?? [];
}

/** Failed requests show up in Chromium's console as "Failed to load resource"; anything else is a real error. */
const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource/.test(e));

test.describe('a console whose Spotnana tenant is another process', () => {
  test.use({ baseURL: INSTANCES.tenant.url });

  test('lists the tenant’s events and opens one, reusing the one token it fetched', async ({
    page,
    request,
    consoleErrors,
  }) => {
    const health = await (await request.get('/healthz')).json();
    expect(health).toMatchObject({
      status: 'ok',
      upstream: { kind: 'remote', reachable: true, status: 200 },
    });
    const events = await tenantEvents(request);
    expect(events.length).toBeGreaterThan(3);
    const tokensBefore = tokensIssued();

    await page.goto('/events');
    const table = page.getByRole('table', { name: 'upcoming events' });
    for (const event of events)
      await expect(table.getByRole('link', { name: event.name!, exact: true })).toBeVisible();

    const summit = events.find((e) => e.id === SEED_EVENT_IDS.largeSummit)!;
    await table.getByRole('link', { name: summit.name!, exact: true }).click();
    await expect(page).toHaveURL(`/events/${summit.id}`);
    const header = page.getByRole('region', { name: summit.name! });
    await expect(header.getByRole('heading', { level: 1 })).toHaveText(summit.name!);
    await expect(header).toContainText(`${summit.numTravelers!.toLocaleString('en-US')} travelers`);
    await expect(page.getByRole('region', { name: 'RSVP status' })).toHaveAttribute('aria-busy', 'false');

    await page.goto(`/events/${SEED_EVENT_IDS.kickoff}`);
    await expect(page.getByRole('region', { name: 'RSVP status' })).toHaveAttribute('aria-busy', 'false');

    // Every page above went through the tenant's token endpoint zero times: the token fetched at start-up served.
    expect(tokensIssued()).toBe(tokensBefore);
    expect(consoleErrors).toEqual([]);
  });

  test('gets a new token when the tenant expires or revokes the one it has, without the manager noticing', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/events');
    await expect(page.getByRole('table', { name: 'upcoming events' }).getByRole('row').nth(1)).toBeVisible();

    // The tenant expires every token it has issued (its clock says so; the console's does not yet).
    const beforeExpiry = tokensIssued();
    withTenantDatabase((db) => db.prepare('UPDATE tokens SET expires_at = 1').run());
    await page.reload();
    // An event's link, not just a row: this console renders in the browser, and its loading rows are rows too.
    await expect(page.getByRole('table', { name: 'upcoming events' }).getByRole('link').first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    // One new token (the expired one was purged when it was issued), used from then on.
    expect(tokensIssued()).toBe(1);
    expect(beforeExpiry).toBeGreaterThanOrEqual(1);

    // The tenant forgets every token, as after a revocation.
    withTenantDatabase((db) => db.prepare('DELETE FROM tokens').run());
    await page.goto(`/events/${SEED_EVENT_IDS.kickoff}`);
    await expect(page.getByRole('region', { name: 'RSVP status' })).toHaveAttribute('aria-busy', 'false');
    expect(tokensIssued()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('a tenant console signing in through the primary console’s OpenID Provider', () => {
  test.use({ baseURL: INSTANCES.tenant.url, storageState: SIGNED_OUT });

  test('a signed-out visit goes to the primary’s sign-in page and comes back signed in to the tenant only', async ({
    page,
    request,
    consoleErrors,
    allowFailedLoad,
  }) => {
    allowFailedLoad(...PROVIDER_PAGE_FAVICON);
    // Signed out, the tenant's API refuses.
    const refused = await request.post('/api/v2/events/list', { data: { listEventType: 'UPCOMING' } });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ errorMessages: [{ errorCode: 'SIGN_IN_REQUIRED' }] });

    await page.goto(`/events/${SEED_EVENT_IDS.kickoff}`);
    // The form is the primary's: the provider lives there.
    await expect(page).toHaveURL(SIGN_IN_PAGE_URL);
    await expect(signInPage(page).heading).toBeVisible();
    await signIn(page, PEOPLE.sender2);

    await expect(page).toHaveURL(`${INSTANCES.tenant.url}/events/${SEED_EVENT_IDS.kickoff}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sales Kickoff 2027' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'RSVP status' })).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByRole('group', { name: 'Signed in' })).toContainText(
      `${PEOPLE.sender2.name} · Sender`,
    );
    const session = await page.request.get(`${INSTANCES.tenant.url}/auth/session`);
    expect(await session.json()).toEqual({
      name: PEOPLE.sender2.name,
      email: PEOPLE.sender2.email,
      role: 'sender',
    });

    // A session of the tenant's own (its cookie carries its port); the primary console has none for this browser.
    expect(await sessionCookie(page.context(), INSTANCES.tenant.url)).toBeDefined();
    expect(await sessionCookie(page.context(), INSTANCES.primary.url)).toBeUndefined();
    expect((await page.request.get(`${INSTANCES.primary.url}/auth/session`)).status()).toBe(401);
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('a console with a secret the tenant refuses', () => {
  test.use({ baseURL: INSTANCES.badSecret.url });

  test('says the credentials were rejected on the events list and on an event page, without crashing', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/events');
    await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load the upcoming events');
    await expect(alert).toContainText("rejected the console's credentials");
    await expect(alert).toContainText('SPOTNANA_CLIENT_SECRET');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();

    await page.goto(`/events/${SEED_EVENT_IDS.kickoff}`);
    await expect(
      page.getByRole('heading', { level: 1, name: "Spotnana rejected the console's credentials" }),
    ).toBeVisible();
    await expect(
      page.getByText('Ask whoever runs the console to check its Spotnana settings.'),
    ).toBeVisible();
    await expect(page.getByText('HTTP 401 Unauthorized')).toBeVisible();
    await page.getByRole('link', { name: 'Back to events' }).click();
    await expect(page).toHaveURL(/\/events$/);

    // Nothing but the refused requests themselves in the console; no uncaught exception.
    expect(unexpected(consoleErrors)).toEqual([]);
  });
});
