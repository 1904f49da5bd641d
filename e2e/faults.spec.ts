/**
 * Faults between the browser and Spotnana, injected with request interception on invite/send. For each one the
 * manager reads what happened and what to do, the form keeps every value it had, exactly one POST left the
 * browser, and "Send invites" works again. No fault reaches Spotnana, so the sandbox's data never changes here.
 */
import type { Page, Route } from '@playwright/test';
import { BROWSER_SEND_TIMEOUT_MS } from '../contract/send-timing.ts';
import { test } from './fixtures/console.ts';
import {
  expectFormAsBefore,
  expectOnlyTheExplanation,
  expectSendUsable,
  inviteForm,
  prepareForm,
  recordSends,
  SEND_ROUTE,
  sendAndConfirm,
  sendQuestion,
} from './fixtures/invite-form.ts';
import { expect } from './fixtures/invite-test.ts';

const envelope = (errorMessages?: unknown[], debugIdentifier?: string) =>
  JSON.stringify({ ...(errorMessages && { errorMessages }), ...(debugIdentifier && { debugIdentifier }) });

interface Fault {
  name: string;
  fulfil: (route: Route) => Promise<void>;
  /** What the manager reads, in the product's words. */
  says: (string | RegExp)[];
  /** The outcome may be unknown: the summary offers to check the travelers' states. */
  offersCheck?: boolean;
}

const FAULTS: Fault[] = [
  {
    name: 'connection refused',
    fulfil: (route) => route.abort('connectionrefused'),
    // The browser cannot tell a refused connection from one that broke after the request left.
    says: [
      'Could not reach the server: the connection failed.',
      "The invites were most likely not sent, but if the connection broke after the request left, some may have been. Check your connection and the travelers' states, then try again.",
    ],
    offersCheck: true,
  },
  {
    name: '500 with an HTML body',
    fulfil: (route) =>
      route.fulfill({
        status: 500,
        contentType: 'text/html',
        body: '<!doctype html><html><body><h1>Internal Server Error</h1></body></html>',
      }),
    says: ['The server failed (HTTP 500).', /Some invites may have been sent\. Check the travelers' states/],
    offersCheck: true,
  },
  {
    name: '502 with an empty body',
    fulfil: (route) => route.fulfill({ status: 502, body: '' }),
    says: ['The server failed (HTTP 502).', /Some invites may have been sent\. Check the travelers' states/],
    offersCheck: true,
  },
  {
    name: '400 with a non-JSON body',
    fulfil: (route) => route.fulfill({ status: 400, contentType: 'text/plain', body: 'Bad Request: nope' }),
    says: [
      'The server answered HTTP 400 with a response the console cannot read.',
      'The invites were not sent. Try again; if it keeps happening, tell an administrator.',
    ],
  },
  {
    name: '400 with JSON that has no errorMessages',
    fulfil: (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: '{"debugIdentifier":"dbg-400"}' }),
    says: ['The server refused the invites (HTTP 400) without saying why.', 'Check the form and try again.'],
  },
  {
    name: '401',
    fulfil: (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: envelope([{ errorCode: 'UNAUTHORIZED', message: 'Invalid access token' }]),
      }),
    says: [
      "Spotnana rejected the console's credentials (HTTP 401).",
      /No invites were sent\. An administrator must fix the server's SPOTNANA_\* settings/,
      'Invalid access token',
    ],
  },
  {
    name: '403',
    fulfil: (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: envelope([{ errorCode: 'FORBIDDEN', message: 'Access denied to event' }]),
      }),
    says: [
      "You don't have permission to send invites for this event (HTTP 403).",
      /No invites were sent\. Ask an administrator of the event's company for access\./,
      'Access denied to event',
    ],
  },
  {
    // What a console server answers while it stops (a deploy): it refused the send before anything left.
    name: '503 SERVER_SHUTTING_DOWN',
    fulfil: (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'retry-after': '5' },
        body: envelope(
          [
            {
              errorCode: 'SERVER_SHUTTING_DOWN',
              message:
                'This console server is stopping. Nothing was sent or recorded: try again in a moment.',
            },
          ],
          '3f1c2a9e-0b7d-4e55-9a61-2d8f4c7b1e03',
        ),
      }),
    says: [
      "The console's server is restarting (HTTP 503).",
      'No invites were sent. Try again in a moment: your choices on this page are kept.',
    ],
  },
];

// Loading, ticking and searching the travelers can take a while on a loaded 2-core machine.
const FILLED_FORM_TIMEOUT = 90_000;

/** Console errors a failed request logs by itself ("Failed to load resource"), which are the point here. */
function unexpected(errors: string[]) {
  return errors.filter((e) => !/Failed to load resource/.test(e));
}

async function expectSummarySays(page: Page, says: (string | RegExp)[]) {
  const summary = inviteForm(page).summary;
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  for (const words of says) await expect(summary).toContainText(words);
}

test.describe('a send that fails', () => {
  test.describe.configure({ timeout: FILLED_FORM_TIMEOUT });

  for (const fault of FAULTS) {
    test(`${fault.name}: says what happened and what to do, keeps the form, sent once`, async ({
      page,
      consoleErrors,
    }) => {
      const sends = recordSends(page);
      await page.route(SEND_ROUTE, fault.fulfil);
      const prepared = await prepareForm(page);

      await sendAndConfirm(page, sendQuestion(2));
      await expectSummarySays(page, fault.says);
      const check = page.getByRole('button', { name: "Check travelers' states" });
      await expect(check).toHaveCount(fault.offersCheck ? 1 : 0);

      await expectFormAsBefore(page, prepared);
      await expectSendUsable(page, sendQuestion(2));
      expect(sends).toHaveLength(1);
      expect(unexpected(consoleErrors)).toEqual([]);
    });
  }
});

test.describe('a send that fails in ways that need more than a message', () => {
  test.describe.configure({ timeout: FILLED_FORM_TIMEOUT });

  test('a request that never answers: the outcome is unknown after the stated timeout; the states can be checked', async ({
    page,
    consoleErrors,
  }) => {
    const sends = recordSends(page);
    // The browser's clock drives `AbortSignal.timeout`, so the test need not wait 20 real seconds.
    await page.clock.install();
    let arrived!: () => void;
    const sendArrived = new Promise<void>((resolve) => (arrived = resolve));
    await page.route(SEND_ROUTE, () => arrived()); // never fulfilled, aborted or continued
    const prepared = await prepareForm(page);
    const form = inviteForm(page);

    await sendAndConfirm(page, sendQuestion(2));
    await sendArrived;
    await expect(
      page.getByRole('status').filter({ hasText: 'Sending invites to 2 travelers…' }),
    ).toBeVisible();
    await expect(form.send).toBeDisabled();
    await expect(form.send).toHaveAttribute('aria-busy', 'true');

    await page.clock.fastForward(BROWSER_SEND_TIMEOUT_MS);
    const seconds = BROWSER_SEND_TIMEOUT_MS / 1000;
    await expectSummarySays(page, [
      `The outcome of the send is unknown: the server did not answer within ${seconds} seconds.`,
      "Some or all invites may have been sent. Check the travelers' states before sending again.",
    ]);
    await expectFormAsBefore(page, prepared);
    await expectSendUsable(page, sendQuestion(2));
    expect(sends).toHaveLength(1);

    // Checking the states asks the server for the travelers again, then says when they were refreshed.
    const refreshed = page.waitForRequest((r) => r.method() === 'POST' && /\/travelers-list$/.test(r.url()));
    await page.getByRole('button', { name: "Check travelers' states" }).click();
    await refreshed;
    await expect(form.summary).toContainText(
      /Travelers' states refreshed at .+\. Look at their RSVP states in the list before sending again\./,
    );
    await expectOnlyTheExplanation(page);
    await expectFormAsBefore(page, prepared);
    expect(sends).toHaveLength(1);
    expect(unexpected(consoleErrors)).toEqual([]);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test('400 with 50 entries: every one of them is listed in the summary', async ({ page, consoleErrors }) => {
    const sends = recordSends(page);
    const entries = Array.from({ length: 50 }, (_, i) => ({
      errorCode: `RULE_${i + 1}`,
      message: `Problem ${i + 1} of 50`,
      // Every tenth names the event type; the others name nothing the form has, or nothing at all.
      ...(i % 10 === 0
        ? { errorParameters: [{ name: 'type', value: 'PROGRAM_SESSION' }] }
        : i % 2 === 0
          ? { errorParameters: [{ name: 'eventId', value: 'e-1' }] }
          : {}),
    }));
    await page.route(SEND_ROUTE, (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: envelope(entries, 'dbg-fifty') }),
    );
    const prepared = await prepareForm(page);

    await sendAndConfirm(page, sendQuestion(2));
    await expectSummarySays(page, [
      'The invites could not be sent (HTTP 400).',
      'Fix the problems listed below',
    ]);
    const items = inviteForm(page).summary.getByRole('listitem');
    await expect(items).toHaveCount(50);
    await expect(items).toContainText(entries.map((e) => e.message));
    await expect(inviteForm(page).summary).toContainText('Debug identifier: dbg-fifty');
    // The five about the type are under Event type too, as its description.
    await expect(inviteForm(page).type).toHaveAccessibleDescription(
      /Problem 1 of 50.*Problem 11 of 50.*Problem 21 of 50.*Problem 31 of 50.*Problem 41 of 50/,
    );

    await expectFormAsBefore(page, prepared);
    await expectSendUsable(page, sendQuestion(2));
    expect(sends).toHaveLength(1);
    expect(unexpected(consoleErrors)).toEqual([]);
  });

  test('429 with Retry-After: says when to try again, and nothing was sent', async ({
    page,
    consoleErrors,
  }) => {
    const sends = recordSends(page);
    await page.route(SEND_ROUTE, (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '120' },
        contentType: 'application/json',
        body: envelope([{ errorCode: 'RATE_LIMITED', message: 'Rate limit exceeded' }]),
      }),
    );
    const prepared = await prepareForm(page);

    await sendAndConfirm(page, sendQuestion(2));
    await expectSummarySays(page, [
      /Too many requests: try again in 2 minutes \(at \d{1,2}:\d{2}\s?[AP]M\)\./,
      'No invites were sent.',
    ]);
    await expectFormAsBefore(page, prepared);
    // Nothing was sent, so sending early is harmless (another 429): the button stays usable, the message says when.
    await expectSendUsable(page, sendQuestion(2));
    expect(sends).toHaveLength(1);
    expect(unexpected(consoleErrors)).toEqual([]);
  });
});
