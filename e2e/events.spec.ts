/**
 * The events list and the event page in Chromium, against the production build on a fresh sandbox. Expected
 * names and counts are read from the API during the test (other browser tests send invites and change counts).
 */
import type { APIRequestContext } from '@playwright/test';
import type { Event, ListEventType } from '#contract';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { expect, expectNoAxeViolations, test } from './fixtures/console.ts';

async function listedEvents(request: APIRequestContext, listEventType: ListEventType): Promise<Event[]> {
  const response = await request.post('/api/v2/events/list', {
    data: { listEventType, offset: 0, limit: 25 },
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { events?: Event[] }).events ?? [];
}

async function countInState(request: APIRequestContext, eventId: string, state: string): Promise<number> {
  const response = await request.post(`/api/v2/events/${eventId}/travelers-list`, {
    data: { offset: 0, limit: 0, filters: [{ type: 'INVITATION_STATUS_FILTER', rsvpStates: [state] }] },
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { paginationParams: { totalNumResults: number } }).paginationParams
    .totalNumResults;
}

test('the console loads without console errors and lists the seeded upcoming events', async ({
  page,
  request,
  consoleErrors,
}) => {
  const upcoming = await listedEvents(request, 'UPCOMING');
  expect(upcoming.length).toBeGreaterThan(3);

  await page.goto('/');
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  const table = page.getByRole('table', { name: 'upcoming events' });
  for (const event of upcoming) {
    await expect(table.getByRole('link', { name: event.name!, exact: true })).toBeVisible();
  }
  await expect(table.getByRole('row')).toHaveCount(upcoming.length + 1);
  await expect(page).toHaveTitle('Upcoming events · Invites Console');
  expect(consoleErrors).toEqual([]);
});

test('tabs switch between upcoming, past and cancelled events, and survive reload and back', async ({
  page,
  request,
  consoleErrors,
}) => {
  const [past, cancelled] = [
    await listedEvents(request, 'PAST_OR_COMPLETED'),
    await listedEvents(request, 'CANCELLED_EVENT'),
  ];
  expect(past.length).toBeGreaterThan(0);
  expect(cancelled.length).toBeGreaterThan(0);

  await page.goto('/events');
  await expect(page.getByRole('table', { name: 'upcoming events' })).toBeVisible();

  await page.getByRole('tab', { name: 'Past' }).click();
  await expect(page).toHaveURL(/\/events\?tab=past$/);
  for (const event of past)
    await expect(page.getByRole('link', { name: event.name!, exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Past', selected: true })).toBeVisible();
  await expect(page.getByRole('link', { name: past[0]!.name!, exact: true })).toBeVisible();

  // Keyboard: arrow to the next tab, Enter selects it.
  await page.getByRole('tab', { name: 'Past' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/events\?tab=cancelled$/);
  const cancelledTable = page.getByRole('table', { name: 'cancelled events' });
  for (const event of cancelled)
    await expect(cancelledTable.getByRole('link', { name: event.name! })).toBeVisible();
  await expect(cancelledTable).toContainText('Cancelled');

  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Past', selected: true })).toBeVisible();
  await expect(page.getByRole('link', { name: past[0]!.name!, exact: true })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('opening an event from the list shows its header with RSVP counts', async ({
  page,
  request,
  consoleErrors,
}) => {
  const id = SEED_EVENT_IDS.largeSummit;
  const event = (await (await request.get(`/api/v2/events/${id}`)).json()).event as Event;
  const states = {
    ADDED: 'Not invited',
    INVITED: 'Invited',
    INVITE_ACCEPTED: 'Accepted',
    INVITE_DECLINED: 'Declined',
  };
  const counts = Object.fromEntries(
    await Promise.all(Object.keys(states).map(async (s) => [s, await countInState(request, id, s)] as const)),
  );

  await page.goto('/events');
  // From the keyboard: focus the event's link and press Enter.
  await page.getByRole('link', { name: event.name!, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/events/${id}`);

  const header = page.getByRole('region', { name: event.name! });
  await expect(header.getByRole('heading', { level: 1 })).toHaveText(event.name!);
  await expect(header).toContainText('General event');
  await expect(header).toContainText('Published');
  await expect(header).toContainText(`${event.numTravelers!.toLocaleString('en-US')} travelers`);
  await expect(header).toContainText(event.location!.address!.locality!);

  const rsvp = header.getByRole('region', { name: 'RSVP status' });
  for (const [state, label] of Object.entries(states)) {
    const term = rsvp.locator('div', { has: page.getByText(label, { exact: true }) }).last();
    await expect(term).toContainText(counts[state]!.toLocaleString('en-US'));
  }
  await expect(page).toHaveTitle(`${event.name} · Invites Console`);

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Events' }).click();
  await expect(page).toHaveURL(/\/events$/);
  expect(consoleErrors).toEqual([]);
});

test('an unknown address shows the not-found page with a way back', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the events list' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
});

test('an unknown event and a forbidden one each get their own page-level message', async ({ page }) => {
  await page.goto('/events/e0000000-0000-4000-8000-0000000000ff');
  await expect(
    page.getByRole('heading', { level: 1, name: 'This event does not exist (anymore)' }),
  ).toBeVisible();
  await expect(page.getByText(/HTTP 404 Not Found/)).toBeVisible();

  await page.goto(`/events/${SEED_EVENT_IDS.otherCompany}`);
  await expect(
    page.getByRole('heading', { level: 1, name: "You don't have permission to view this event" }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Back to events' }).click();
  await expect(page).toHaveURL(/\/events$/);
});

// axe-core walks the whole DOM; on a busy 2-core CI machine one run can take several seconds.
test.describe('axe finds no accessibility violations', () => {
  test.describe.configure({ timeout: 60_000 });

  test('on the events list', async ({ page }) => {
    await page.goto('/events');
    await expect(page.getByRole('table', { name: 'upcoming events' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('/events?tab=cancelled');
    await expect(page.getByRole('table', { name: 'cancelled events' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the event page', async ({ page }) => {
    await page.goto(`/events/${SEED_EVENT_IDS.kickoff}`);
    const rsvp = page.getByRole('region', { name: 'RSVP status' });
    await expect(rsvp.getByText('Not invited')).toBeVisible();
    await expect(rsvp).toHaveAttribute('aria-busy', 'false');
    await expectNoAxeViolations(page);
  });

  test('on the error pages', async ({ page }) => {
    await page.goto('/events/e0000000-0000-4000-8000-0000000000ff');
    await expect(
      page.getByRole('heading', { level: 1, name: 'This event does not exist (anymore)' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
