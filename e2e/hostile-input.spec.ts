/**
 * Text from the API is only ever text: markup and `javascript:` URLs in error entries, travelers' names and the
 * event's name show literally and never run, and very long unbroken strings wrap instead of widening the page.
 * The hostile text is put in the API's answers with request interception; the sandbox's data never changes.
 */
import type { Page } from '@playwright/test';
import type { ErrorMessage, ListUsersV3Request } from '#contract';
import { test } from './fixtures/console.ts';
import { INSTANCES } from './fixtures/instances.ts';
import {
  CHOSEN_TYPE,
  inviteForm,
  recordSends,
  SEND_ROUTE,
  sendAndConfirm,
  sendQuestion,
  SMALL_EVENT_ID,
} from './fixtures/invite-form.ts';
import { expect } from './fixtures/invite-test.ts';

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const JS_URL = 'javascript:window.__pwned=1';
const EVENT_PAGE = `/events/${SMALL_EVENT_ID}`;

declare global {
  interface Window {
    __pwned?: unknown;
    __cspViolations?: string[];
  }
}

test.describe.configure({ timeout: 90_000 });
// The tenant console renders its pages in the browser (RENDER_BOUND_MS=0): the answers rewritten below are the
// browser's own requests. What the server renders from hostile data is server/render/page-render.test.ts's.
test.use({ baseURL: INSTANCES.tenant.url });

test.beforeEach(async ({ page }) => {
  // A blocked injection would still show up here: the page's CSP reports what it refused to run.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__cspViolations!.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
});

/** Nothing the API sent ran, became an element, or became a link. */
async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.locator('[onerror]')).toHaveCount(0);
  // The only script that runs is the build's own module (a server-rendered page's state is JSON, which never runs).
  await expect(page.locator('script:not([type="application/json"])')).toHaveCount(1);
  await expect(page.locator('script[type="module"][src^="/assets/"]')).toHaveCount(1);
  await expect(page.locator('[href*="javascript:" i], [src*="javascript:" i]')).toHaveCount(0);
}

/**
 * Renames the first travelers the picker asks the Users API about (the first rows of the list), keeping the
 * same people under the same names for every later request.
 */
async function renameTravelers(page: Page, names: string[]) {
  const renamed = new Map<string, string>();
  await page.route('**/api/v3/users/list', async (route) => {
    const request = route.request().postDataJSON() as ListUsersV3Request;
    const ids = request.filters?.flatMap((f) => f.userIds?.map((u) => u.id) ?? []) ?? [];
    if (renamed.size === 0) names.forEach((name, i) => ids[i] && renamed.set(ids[i], name));
    const response = await route.fetch();
    const body = (await response.json()) as {
      users?: { userId: { id: string }; personalDetail?: { name?: object } }[];
    };
    for (const user of body.users ?? []) {
      const name = renamed.get(user.userId.id);
      // `family1` is required; empty, it adds nothing to the name the console shows.
      if (name !== undefined)
        user.personalDetail = { ...user.personalDetail, name: { given: name, family1: '' } };
    }
    await route.fulfill({ response, json: body });
  });
}

/** Gives the small event another name (and description), on its page and in the events list. */
async function renameEvent(page: Page, name: string, description?: string) {
  await page.route('**/api/v2/events/*', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as {
      event?: { id?: string; name?: string; description?: string };
      events?: { id?: string; name?: string; description?: string }[];
    };
    for (const event of [body.event, ...(body.events ?? [])])
      if (event?.id === SMALL_EVENT_ID) Object.assign(event, { name }, description && { description });
    await route.fulfill({ response, json: body });
  });
}

async function answerSendWith(page: Page, errorMessages: ErrorMessage[], debugIdentifier: string) {
  await page.route(SEND_ROUTE, (route) =>
    route.fulfill({ status: 400, contentType: 'application/json', json: { errorMessages, debugIdentifier } }),
  );
}

/** Ticks the first `count` travelers (whose names `renameTravelers` may have changed). */
async function tickFirst(page: Page, count: number) {
  const boxes = inviteForm(page).rows.getByRole('checkbox');
  await expect(boxes.nth(count - 1)).toBeEnabled();
  for (let i = 0; i < count; i++) await boxes.nth(i).check();
  await expect(inviteForm(page).selectedHeading).toHaveText(`Selected: ${count} travelers`);
}

/** Follows every link of the error summary: each moves focus within the page, none navigates. */
async function followSummaryLinks(page: Page) {
  const links = inviteForm(page).summary.getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    await expect(link).toHaveAttribute('href', /^#[A-Za-z0-9_-]+$/);
    await link.click();
    await expect(page).toHaveURL(EVENT_PAGE);
    await expect(link).not.toBeFocused();
    expect(await page.evaluate(() => document.activeElement?.closest('form') !== null)).toBe(true);
  }
}

test('markup and javascript: URLs in error entries and the debug identifier are shown as text', async ({
  page,
  consoleErrors,
}) => {
  const sends = recordSends(page);
  await answerSendWith(
    page,
    [
      {
        message: SCRIPT,
        errorCode: JS_URL,
        errorDetail: IMG,
        errorParameters: [{ name: 'type', value: JS_URL }],
      },
      {
        message: IMG,
        errorDetail: JS_URL,
        errorParameters: [{ name: 'userIds[0].id', value: SCRIPT }],
      },
      { message: JS_URL, errorDetail: SCRIPT, errorParameters: [{ name: JS_URL, value: IMG }] },
      {
        message: `<a href="${JS_URL}">Open the event</a>`,
        errorDetail: `<b onmouseover="window.__pwned=1">x</b>`,
      },
    ],
    `${SCRIPT}${IMG}${JS_URL}`,
  );
  await page.goto(EVENT_PAGE);
  await tickFirst(page, 2);
  await inviteForm(page).type.selectOption(CHOSEN_TYPE);
  await sendAndConfirm(page, sendQuestion(2));

  const summary = inviteForm(page).summary;
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('listitem')).toHaveCount(4);
  await expect(summary.getByRole('listitem').nth(0)).toContainText(SCRIPT);
  await expect(summary.getByRole('listitem').nth(0)).toContainText(`Code: ${JS_URL} · Detail: ${IMG}`);
  await expect(summary.getByRole('listitem').nth(1)).toContainText(`${IMG}Detail: ${JS_URL}`);
  await expect(summary.getByRole('listitem').nth(2)).toContainText(`About: ${JS_URL} = ${IMG}`);
  await expect(summary.getByRole('listitem').nth(3)).toContainText(`<a href="${JS_URL}">Open the event</a>`);
  await expect(summary.locator('code')).toHaveText(`${SCRIPT}${IMG}${JS_URL}`);
  // The same text at the fields it names: under Event type, and on the first traveler's chip.
  await expect(inviteForm(page).type).toHaveAccessibleDescription(
    `${SCRIPT} Code: ${JS_URL} · Detail: ${IMG}`,
  );
  await expect(page.getByRole('list', { name: 'Travelers with errors' })).toContainText(IMG);
  await expectNothingRan(page);

  await followSummaryLinks(page);
  await page.getByRole('button', { name: 'Copy debug identifier' }).click();
  await expectNothingRan(page);
  expect(sends).toHaveLength(1);
  expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

test("markup and javascript: URLs in travelers' names are shown as text", async ({ page, consoleErrors }) => {
  const names = [SCRIPT, IMG, JS_URL];
  await renameTravelers(page, names);
  await answerSendWith(
    page,
    [
      { message: 'Traveler is not on the event', errorParameters: [{ name: 'userIds[0].id' }] },
      { message: 'Traveler has no email', errorParameters: [{ name: 'type' }, { name: 'userIds[2].id' }] },
    ],
    'dbg-names',
  );
  await page.goto(EVENT_PAGE);
  const form = inviteForm(page);
  for (const name of names) await expect(form.rows.getByText(name, { exact: true })).toBeVisible();
  await tickFirst(page, 3);
  // The checkbox is labelled with the name as it came, and the chips show it as it came.
  for (const name of names)
    await expect(form.rows.getByRole('checkbox', { name, exact: true })).toBeChecked();
  await expect(form.chips).toHaveText(names);
  await expectNothingRan(page);

  await sendAndConfirm(page, sendQuestion(3));
  await expect(form.summary).toBeFocused();
  const withErrors = page.getByRole('list', { name: 'Travelers with errors' });
  await expect(withErrors.getByRole('button', { name: SCRIPT, exact: true })).toHaveAccessibleDescription(
    'Traveler is not on the event',
  );
  await expect(withErrors.getByRole('button', { name: JS_URL, exact: true })).toHaveAccessibleDescription(
    'Traveler has no email',
  );
  // "Also at" names the traveler the second entry belongs to, by name, as text.
  await expect(form.summary.getByRole('link', { name: JS_URL, exact: true })).toBeVisible();
  await expectNothingRan(page);
  await followSummaryLinks(page);
  await expectNothingRan(page);
  expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

test("markup in the event's name is shown as text in the list, the header and the title", async ({
  page,
  consoleErrors,
}) => {
  const name = `${SCRIPT}${IMG} ${JS_URL}`;
  await renameEvent(page, name);
  await page.goto('/events');
  const link = page.getByRole('link', { name, exact: true });
  await expect(link).toHaveAttribute('href', EVENT_PAGE);
  await expectNothingRan(page);

  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(name);
  await expect(page).toHaveTitle(`${name} · Invites Console`);
  await expect(inviteForm(page).rows.first()).toBeVisible();
  await expectNothingRan(page);
  expect(consoleErrors).toEqual([]);
});

const LONG_MESSAGE = 'W'.repeat(2_000);
const LONG_NAME = 'W'.repeat(300);

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width} px wide`, () => {
    test.use({ viewport });

    test('very long messages and names wrap without widening the page', async ({ page }) => {
      await renameEvent(page, `Event${LONG_NAME}`, `Description${LONG_MESSAGE}`);
      await renameTravelers(page, [`A${LONG_NAME}`, `B${LONG_NAME}`]);
      await answerSendWith(
        page,
        [
          { message: `Type${LONG_MESSAGE}`, errorDetail: LONG_MESSAGE, errorParameters: [{ name: 'type' }] },
          {
            message: `Chip${LONG_MESSAGE}`,
            errorCode: LONG_NAME,
            errorParameters: [{ name: 'userIds[0].id' }, { name: 'userIds' }],
          },
          {
            message: `Summary${LONG_MESSAGE}`,
            errorDetail: LONG_MESSAGE,
            errorParameters: [{ name: LONG_NAME, value: LONG_MESSAGE }],
          },
        ],
        LONG_MESSAGE,
      );

      await page.goto('/events');
      const listed = page.getByRole('link', { name: `Event${LONG_NAME}` });
      await expect(listed).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await expectWithinViewport(page, listed);

      await page.goto(EVENT_PAGE);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Event${LONG_NAME}`);
      await tickFirst(page, 2);
      await expectNoHorizontalOverflow(page);

      await sendAndConfirm(page, sendQuestion(2));
      const summary = inviteForm(page).summary;
      await expect(summary).toContainText(`Summary${LONG_MESSAGE}`);
      await expectNoHorizontalOverflow(page);
      const within = [
        page.getByRole('heading', { level: 1 }),
        page.getByText(`Description${LONG_MESSAGE}`),
        summary,
        summary.locator('code'),
        page.getByText(`Type${LONG_MESSAGE}`, { exact: true }).first(),
        page.getByRole('list', { name: 'Travelers with errors' }),
        page.getByRole('button', { name: `A${LONG_NAME}` }),
        inviteForm(page).rows.getByText(`B${LONG_NAME}`, { exact: true }),
      ];
      for (const locator of within) await expectWithinViewport(page, locator);
    });
  });
}

async function expectNoHorizontalOverflow(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    )
    .toBeLessThanOrEqual(0);
}

/** Wrapped, not clipped: the element's box lies within the page's width. */
async function expectWithinViewport(page: Page, locator: ReturnType<Page['locator']>) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  expect(box, 'the element is rendered').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}
