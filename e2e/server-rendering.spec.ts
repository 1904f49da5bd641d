/**
 * Pages the server renders: the content is in the HTML (JavaScript off, the event page still shows its header,
 * RSVP counts and first travelers), the browser takes it over without a hydration warning, without asking again
 * for what the HTML carried and without a CSP violation, and the first click works.
 */
import type { Page } from '@playwright/test';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { AUTH_STATE } from './fixtures/auth.ts';
import { holdScripts } from './fixtures/hold-scripts.ts';
import { expect, test } from './fixtures/console.ts';

const EVENT_PAGE = `/events/${SEED_EVENT_IDS.largeSummit}`;

/** CSP violations the page reports, from before its first byte is parsed. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

/** The API requests the page makes, by method and path. */
function recordApiRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/') || pathname.startsWith('/auth/session')) {
      requests.push(`${request.method()} ${pathname}`);
    }
  });
  return requests;
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the event page shows its header, its RSVP counts and its first travelers with their states', async ({
    page,
  }) => {
    await page.goto(EVENT_PAGE);
    await expect(page.getByRole('heading', { level: 1, name: 'Global Partner Summit 2027' })).toBeVisible();
    // Other tests send to this event: its counts and states are whatever they are now, but all of them are there.
    const header = page.getByRole('region', { name: 'Global Partner Summit 2027' });
    await expect(header).toContainText(
      /RSVP status\s*Not invited\s*[\d,]+\s*Invited\s*[\d,]+\s*Accepted\s*[\d,]+\s*Declined\s*[\d,]+\s*Removed\s*[\d,]+/,
    );
    const travelers = page.getByRole('list', { name: 'Travelers' });
    await expect(travelers.getByRole('listitem').first()).toContainText('Aarav Fernando');
    // More than the list's box shows: the rows in view and the few below that the virtualizer keeps ready.
    expect(await travelers.getByRole('checkbox').count()).toBeGreaterThanOrEqual(7);
    await expect(travelers.getByRole('listitem').first()).toContainText(
      /Not invited|Invited|Accepted|Declined|Removed/,
    );
    // One under another, as the server laid them out: the second row starts below the first.
    const [first, second] = await travelers
      .getByRole('listitem')
      .evaluateAll((items) => items.slice(0, 2).map((item) => item.getBoundingClientRect().top));
    expect(second!).toBeGreaterThan(first! + 30);
  });

  test('the events list and the Activity page show their rows', async ({ page }) => {
    await page.goto('/events');
    await expect(page.getByRole('table', { name: 'upcoming events' }).getByRole('row').nth(1)).toBeVisible();
    await page.goto('/activity');
    await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  });

  test('a searched, filtered and sorted events list shows just what its URL asks for', async ({ page }) => {
    await page.goto('/events?q=leadership&type=PROGRAM_SESSION&sort=name');
    await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue('leadership');
    await expect(page.getByRole('table', { name: 'upcoming events' }).getByRole('link')).toHaveText([
      'Leadership Program · Session 1: Strategy',
      'Leadership Program · Session 2: Leading Teams',
      'Leadership Program · Session 3: Capstone',
    ]);
    await expect(page.getByText('3 upcoming events match')).toBeVisible();
  });
});

test.describe('with JavaScript on', () => {
  // Another zone than the server's: times are written in UTC by the server and in the viewer's zone after.
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('the event page is taken over without a warning, a repeated request or a CSP violation; the first click works', async ({
    page,
    consoleErrors,
  }) => {
    const violations = await recordViolations(page);
    const requests = recordApiRequests(page);
    await page.goto(EVENT_PAGE);
    const travelers = page.getByRole('list', { name: 'Travelers' });
    await travelers.getByRole('checkbox').first().check();
    await expect(page.getByRole('heading', { name: 'Selected: 1 traveler' })).toBeVisible();
    // The History loads after the first rows, on purpose; nothing the HTML carried is asked for again.
    await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
    // Its sends and, above them, the sends planned for later: two requests of one render, in either order.
    const history = `GET /api/history/events/${SEED_EVENT_IDS.largeSummit}`;
    await expect.poll(() => [...requests].sort()).toEqual([`${history}/scheduled`, `${history}/sends`]);
    expect(await violations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('what is typed into the traveler search before the page comes alive is searched, not lost', async ({
    page,
  }) => {
    const scripts = await holdScripts(page);
    await page.goto(EVENT_PAGE, { waitUntil: 'commit' });
    const search = page.getByRole('searchbox', { name: 'Search travelers' });
    await search.fill('zz no such traveler');
    scripts.release();

    await expect(page.getByText('No travelers match “zz no such traveler”.')).toBeVisible();
    await expect(search).toHaveValue('zz no such traveler');
  });

  test('the events list and the Activity page are taken over the same way', async ({
    page,
    consoleErrors,
  }) => {
    const violations = await recordViolations(page);
    const requests = recordApiRequests(page);
    await page.goto('/events');
    await expect(page.getByRole('table', { name: 'upcoming events' }).getByRole('row').nth(1)).toBeVisible();
    await page.goto('/activity');
    await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
    expect(requests).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: AUTH_STATE.viewer });

  test('gets the event page rendered with the form read-only, and it stays so once taken over', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto(EVENT_PAGE);
    await expect(page.getByText('Your role (viewer) lets you see this event')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send invites' })).toBeDisabled();
    await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
