/**
 * Every error a send can meet, shown against its field, in Chromium against the production build on the
 * sandbox. The sandbox produces the real ones (a type that is not the event's, a traveler removed between
 * choosing and sending, a draft event); request interception crafts what it cannot (entries with no, several or
 * unknown parameters, many entries, a debug identifier, statuses and bodies from a proxy).
 *
 * Failures here are the point, so each test allows exactly the failed loads it causes (by URL and status) and
 * still fails on any other console error.
 */
import type { Page, Route } from '@playwright/test';
import type { ErrorResponse, SendInviteRequest } from '#contract';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import {
  chooseTravelers,
  errorDescription,
  expectCleanSuccess,
  expectFormKept,
  inviteForm,
  openEvent,
  recordSends,
  SEND_ROUTE,
  SEND_URL,
  sendAndConfirm,
  tickTravelers,
} from './fixtures/invite-form.ts';
import type { Person, SandboxClient } from './fixtures/sandbox-client.ts';
import { expect, expectNoAxeViolations, test } from './fixtures/invite-test.ts';

// A busy 2-core machine (other builds and test runs beside this one) can make one send take seconds.
test.describe.configure({ timeout: 90_000 });

const KICKOFF = SEED_EVENT_IDS.kickoff;
const SUMMIT = SEED_EVENT_IDS.largeSummit;

/**
 * The first two travelers the kickoff's picker lists, ticked without a search, for the tests whose sends never
 * reach the sandbox or are refused by it (their states do not matter and never change here).
 */
const twoKickoffTravelers = (sandbox: SandboxClient) => sandbox.firstTravelers(KICKOFF, 2);

/** Answers every send with `body` (a function of the request, so entries can name the ids that were sent). */
async function answerSends(page: Page, status: number, body: (sent: SendInviteRequest) => ErrorResponse) {
  await page.route(SEND_ROUTE, (route: Route) =>
    route.fulfill({
      status,
      contentType: 'application/json',
      body: JSON.stringify(body(route.request().postDataJSON() as SendInviteRequest)),
    }),
  );
}

test('a type that is not the event’s is shown under "Event type", linked from the summary, and clears on change', async ({
  page,
  sandbox,
  allowFailedLoad,
  consoleErrors,
}) => {
  allowFailedLoad(SEND_URL, 400);
  const people = await twoKickoffTravelers(sandbox);
  await openEvent(page, KICKOFF);
  const form = inviteForm(page);
  await expect(form.type).toHaveValue('GENERIC');
  await tickTravelers(page, people.slice(0, 1));
  await form.type.selectOption({ label: 'Program' });

  await sendAndConfirm(page, 'Send invites to 1 traveler?');
  const message = 'The event is of type GENERIC, but the request says PROGRAM.';
  await expect(form.summary).toBeFocused();
  await expect(form.summary).toContainText('The invites could not be sent (HTTP 400).');
  await expect(form.type).toHaveAccessibleDescription(errorDescription(message, 'EVENT_TYPE_MISMATCH'));
  await expect(form.type).toHaveAttribute('aria-invalid', 'true');
  await expectFormKept(page, { type: 'PROGRAM', inviteAll: false, chosen: [people[0]!.name] });

  await form.summary.getByRole('link', { name: message }).click();
  await expect(form.type).toBeFocused();

  // Back to the event's own type: the message and the summary go.
  await form.type.selectOption({ label: 'General event' });
  await expect(form.type).toHaveAccessibleDescription('');
  await expect(form.type).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.summary).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('a traveler removed from the event between choosing and sending: the error is on them; remove and resend', async ({
  page,
  sandbox,
  allowFailedLoad,
  consoleErrors,
}) => {
  allowFailedLoad(SEND_URL, 400);
  const people = await sandbox.pickTravelers(SUMMIT, 3);
  const [kept1, kept2, removed] = people as [Person, Person, Person];
  const sends = recordSends(page);
  await openEvent(page, SUMMIT);
  const form = inviteForm(page);
  // The removed traveler is ticked last, so their row is on screen when the answer comes.
  await chooseTravelers(page, people);

  // Someone removes them in Spotnana while the manager is still on the page.
  expect(await sandbox.removeTravelers(SUMMIT, [removed.id])).toEqual([removed.id]);

  await sendAndConfirm(page, 'Send invites to 3 travelers?');
  const message = errorDescription('This traveler has been removed from the event.', 'TRAVELER_REMOVED');
  await expect(form.summary).toBeFocused();
  await expect(form.chip(removed.name)).toHaveAccessibleDescription(message);
  await expect(form.chip(removed.name)).toHaveAttribute('aria-invalid', 'true');
  await expect(form.checkbox(removed.name)).toHaveAccessibleDescription(message);
  await expect(form.row(removed.name)).toContainText('This traveler has been removed from the event.');
  for (const person of [kept1, kept2]) {
    await expect(form.chip(person.name)).not.toHaveAttribute('aria-invalid', 'true');
  }
  // The summary links to their chip.
  await form.summary.getByRole('link', { name: /This traveler has been removed from the event\./ }).click();
  await expect(form.chip(removed.name)).toBeFocused();
  // Nothing was sent to the other two: the sandbox refuses a request with any bad id.
  expect((await sandbox.stateOf(SUMMIT, kept1))?.rsvpState).toBe('ADDED');

  // From the keyboard: the button leaves with the errors, and focus stays in the selection on its new count.
  await page.getByRole('button', { name: 'Remove 1 traveler with errors from the selection' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.chip(removed.name)).toHaveCount(0);
  await expect(form.chips).toHaveText([kept1.name, kept2.name]);
  await expect(form.selectedHeading).toHaveText('Selected: 2 travelers');
  await expect(form.selectedHeading).toBeFocused();
  await expect(form.summary).toHaveCount(0);

  await sendAndConfirm(page, 'Send invites to 2 travelers?');
  await expectCleanSuccess(page, 'Invites sent to 2 travelers.');
  expect(sends).toHaveLength(2);
  for (const person of [kept1, kept2]) {
    expect((await sandbox.stateOf(SUMMIT, person))?.rsvpState).toBe('INVITED');
  }
  expect((await sandbox.stateOf(SUMMIT, removed))?.rsvpState).toBe('REMOVED');
  expect(consoleErrors).toEqual([]);
});

test('a draft event: the summary takes focus and shows the eventId error', async ({
  page,
  allowFailedLoad,
  consoleErrors,
}) => {
  allowFailedLoad(SEND_URL, 400);
  const draft = SEED_EVENT_IDS.draft;
  await openEvent(page, draft);
  const form = inviteForm(page);
  await expect(page.getByRole('note').filter({ hasText: 'This event is a draft.' })).toBeVisible();
  const first = form.list.getByRole('checkbox').first();
  const name = (await first.getAttribute('aria-label'))!;
  await first.check();

  await sendAndConfirm(page, 'Send invites to 1 traveler?');
  await expect(form.summary).toBeFocused();
  await expect(form.summary).toContainText('The invites could not be sent (HTTP 400).');
  const entry = form.summary.getByRole('listitem');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('The event is a draft. Publish it before sending invites.');
  await expect(entry).toContainText('Code: EVENT_NOT_PUBLISHED');
  await expect(entry).toContainText(`About: eventId = ${draft}`);
  // It belongs to no field: no link, no field marked.
  await expect(form.summary.getByRole('link')).toHaveCount(0);
  await expect(form.type).toHaveAccessibleDescription('');
  await expect(form.summary.getByRole('button', { name: 'Copy debug identifier' })).toBeVisible();
  await expectFormKept(page, { type: 'GENERIC', inviteAll: false, chosen: [name] });
  expect(consoleErrors).toEqual([]);
});

test.describe('crafted answers the sandbox cannot give', () => {
  test('an entry with several parameters is shown at each field; its debug identifier can be copied', async ({
    page,
    context,
    sandbox,
    allowFailedLoad,
    consoleErrors,
  }) => {
    allowFailedLoad(SEND_URL, 400);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const [first, second] = (await twoKickoffTravelers(sandbox)) as [Person, Person];
    const debugIdentifier = 'dbg-7f3a9c1e-several-parameters';
    const message = 'This traveler cannot be invited to a program session.';
    await answerSends(page, 400, (sent) => ({
      debugIdentifier,
      errorMessages: [
        {
          errorCode: 'TYPE_NOT_ALLOWED_FOR_TRAVELER',
          message,
          errorParameters: [
            { name: 'type', value: sent.type },
            { name: 'userIds[0].id', value: sent.userIds![0]!.id },
          ],
        },
      ],
    }));
    await openEvent(page, KICKOFF);
    const form = inviteForm(page);
    await form.type.selectOption({ label: 'Program session' });
    await tickTravelers(page, [first, second]);

    await sendAndConfirm(page, 'Send invites to 2 travelers?');
    await expect(form.summary).toBeFocused();
    const description = errorDescription(message, 'TYPE_NOT_ALLOWED_FOR_TRAVELER');
    await expect(form.type).toHaveAccessibleDescription(description);
    await expect(form.chip(first.name)).toHaveAccessibleDescription(description);
    await expect(form.chip(second.name)).not.toHaveAttribute('aria-invalid', 'true');
    await expect(form.checkbox(first.name)).toHaveAccessibleDescription(description);

    // Listed once, with a link to each field.
    await expect(form.summary.getByRole('listitem')).toHaveCount(1);
    await form.summary.getByRole('link', { name: first.name, exact: true }).click();
    await expect(form.chip(first.name)).toBeFocused();
    await form.summary.getByRole('link', { name: message }).click();
    await expect(form.type).toBeFocused();

    await expect(form.summary).toContainText(`Debug identifier: ${debugIdentifier}`);
    await form.summary.getByRole('button', { name: 'Copy debug identifier' }).click();
    await expect(form.summary.getByText('Copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(debugIdentifier);

    await expectFormKept(page, {
      type: 'PROGRAM_SESSION',
      inviteAll: false,
      chosen: [first.name, second.name],
    });
    expect(consoleErrors).toEqual([]);
  });

  test('entries with no parameters or unknown ones go to the summary, every one of them', async ({
    page,
    sandbox,
    allowFailedLoad,
    consoleErrors,
  }) => {
    allowFailedLoad(SEND_URL, 400);
    const [first, second] = (await twoKickoffTravelers(sandbox)) as [Person, Person];
    const entries = [
      { errorCode: 'INVITE_QUEUE_PAUSED', message: 'Invites for this company are paused.' },
      {
        errorCode: 'POLICY_VIOLATION',
        message: 'The travel policy does not allow this invitation.',
        errorDetail: 'Policy P-17',
        errorParameters: [{ name: 'travelPolicy.flightClass', value: 'FIRST' }],
      },
      {
        errorCode: 'RATE_WINDOW',
        message: 'Too many invites today.',
        errorParameters: [{ name: 'eventId' }],
      },
      // Two identical entries: both are shown, not merged.
      {
        errorCode: 'RATE_WINDOW',
        message: 'Too many invites today.',
        errorParameters: [{ name: 'eventId' }],
      },
      { errorCode: 'NO_MESSAGE_GIVEN' },
    ];
    await answerSends(page, 400, () => ({ errorMessages: entries }));
    await openEvent(page, KICKOFF);
    const form = inviteForm(page);
    await tickTravelers(page, [first, second]);

    await sendAndConfirm(page, 'Send invites to 2 travelers?');
    await expect(form.summary).toBeFocused();
    const items = form.summary.getByRole('listitem');
    await expect(items).toHaveCount(entries.length);
    await expect(items.nth(0)).toContainText('Invites for this company are paused.');
    await expect(items.nth(0)).toContainText('Code: INVITE_QUEUE_PAUSED');
    await expect(items.nth(1)).toContainText('The travel policy does not allow this invitation.');
    await expect(items.nth(1)).toContainText('Code: POLICY_VIOLATION · Detail: Policy P-17');
    await expect(items.nth(1)).toContainText('About: travelPolicy.flightClass = FIRST');
    await expect(items.nth(2)).toContainText('Too many invites today.');
    await expect(items.nth(3)).toContainText('Too many invites today.');
    await expect(items.nth(4)).toContainText('The server gave no message for this error.');
    await expect(items.nth(4)).toContainText('Code: NO_MESSAGE_GIVEN');
    // None of them belongs to a field.
    await expect(form.summary.getByRole('link')).toHaveCount(0);
    await expect(form.type).toHaveAccessibleDescription('');
    await expect(form.chip(first.name)).not.toHaveAttribute('aria-invalid', 'true');
    // No debug identifier was given, so none is offered.
    await expect(form.summary.getByRole('button', { name: 'Copy debug identifier' })).toHaveCount(0);

    await expectFormKept(page, { type: 'GENERIC', inviteAll: false, chosen: [first.name, second.name] });
    expect(consoleErrors).toEqual([]);
  });

  test('an HTML 502 from a proxy gives a clear error naming the status; the form keeps every value', async ({
    page,
    sandbox,
    allowFailedLoad,
    consoleErrors,
  }) => {
    allowFailedLoad(SEND_URL, 502);
    const [first, second] = (await twoKickoffTravelers(sandbox)) as [Person, Person];
    const sends = recordSends(page);
    await page.route(SEND_ROUTE, (route) =>
      route.fulfill({
        status: 502,
        contentType: 'text/html',
        body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
      }),
    );
    const numTravelers = (await (await page.request.get(`/api/v2/events/${KICKOFF}`)).json()).event
      .numTravelers as number;
    await openEvent(page, KICKOFF);
    const form = inviteForm(page);
    await tickTravelers(page, [first, second]);
    await form.type.selectOption({ label: 'Program trip' });
    await form.inviteAll.check();

    await sendAndConfirm(page, `Send invites to all ${numTravelers} travelers?`);
    await expect(form.summary).toBeFocused();
    await expect(form.summary).toContainText('The server failed (HTTP 502).');
    await expect(form.summary).toContainText("Some invites may have been sent. Check the travelers' states");
    // The outcome is unknown: the manager can refresh the travelers' states before deciding to send again.
    await form.summary.getByRole('button', { name: "Check travelers' states" }).click();
    await expect(form.summary).toContainText("Travelers' states refreshed at");
    // The proxy's page is not shown as if it were a message.
    await expect(page.getByText('nginx')).toHaveCount(0);
    expect(sends).toHaveLength(1);
    expect(sends[0]!.postDataJSON()).toEqual({ type: 'PROGRAM_TRIP' });
    await expectFormKept(page, { type: 'PROGRAM_TRIP', inviteAll: true, chosen: [first.name, second.name] });

    // Switching "Invite all travelers" off gives the chosen travelers back to the picker.
    await form.inviteAll.uncheck();
    await expect(form.checkbox(second.name)).toBeChecked();
    await expect(form.search).toBeEnabled();
    expect(consoleErrors).toEqual([]);
  });

  test('401, 403, 404 and an unreadable body each get their own message, and the form stays as it was', async ({
    page,
    sandbox,
    allowFailedLoad,
    consoleErrors,
  }) => {
    const [first] = (await twoKickoffTravelers(sandbox)) as [Person];
    const cases = [
      {
        status: 401,
        body: { errorMessages: [{ errorCode: 'INVALID_TOKEN', message: 'The bearer token is not known.' }] },
        says: "Spotnana rejected the console's credentials (HTTP 401).",
      },
      {
        status: 403,
        body: { errorMessages: [{ errorCode: 'FORBIDDEN', message: 'No access to this event.' }] },
        says: "You don't have permission to send invites for this event (HTTP 403).",
      },
      {
        status: 404,
        body: { errorMessages: [{ errorCode: 'EVENT_NOT_FOUND', message: 'No such event.' }] },
        says: 'This event no longer exists (HTTP 404).',
      },
      {
        status: 400,
        body: { errorMessages: 'not a list' },
        says: 'The server answered HTTP 400 with a response the console cannot read.',
      },
    ];
    let current = cases[0]!;
    for (const { status } of cases) allowFailedLoad(SEND_URL, status);
    await page.route(SEND_ROUTE, (route) =>
      route.fulfill({
        status: current.status,
        contentType: 'application/json',
        body: JSON.stringify(current.body),
      }),
    );
    await openEvent(page, KICKOFF);
    const form = inviteForm(page);
    await tickTravelers(page, [first]);

    for (const each of cases) {
      current = each;
      await sendAndConfirm(page, 'Send invites to 1 traveler?');
      await expect(form.summary).toBeFocused();
      await expect(form.summary).toContainText(each.says);
      await expectFormKept(page, { type: 'GENERIC', inviteAll: false, chosen: [first.name] });
    }
    await expect(form.summary).toContainText('Try again; if it keeps happening, tell an administrator.');
    expect(consoleErrors).toEqual([]);
  });
});

// axe-core walks the whole DOM: on a busy machine one run takes several seconds (within the file's timeout).
test('axe finds no accessibility violations on the event page with errors at every field', async ({
  page,
  sandbox,
  allowFailedLoad,
  consoleErrors,
}) => {
  allowFailedLoad(SEND_URL, 400);
  const [first, second] = (await twoKickoffTravelers(sandbox)) as [Person, Person];
  await answerSends(page, 400, (sent) => ({
    debugIdentifier: 'dbg-axe',
    errorMessages: [
      {
        errorCode: 'EVENT_TYPE_MISMATCH',
        message: 'Wrong type.',
        errorParameters: [{ name: 'type', value: sent.type }],
      },
      {
        errorCode: 'TRAVELER_REMOVED',
        message: 'This traveler has been removed from the event.',
        errorParameters: [{ name: 'userIds[1].id', value: sent.userIds![1]!.id }],
      },
      {
        errorCode: 'USER_IDS',
        message: 'Too many travelers at once.',
        errorParameters: [{ name: 'userIds' }],
      },
      { errorCode: 'EVENT_LOCKED', message: 'The event is locked.', errorParameters: [{ name: 'eventId' }] },
    ],
  }));
  await openEvent(page, KICKOFF);
  const form = inviteForm(page);
  await tickTravelers(page, [first, second]);
  await sendAndConfirm(page, 'Send invites to 2 travelers?');
  await expect(form.summary).toBeFocused();
  await expect(form.summary.getByRole('listitem')).toHaveCount(4);
  await expect(form.type).toHaveAccessibleDescription(/Wrong type\./);
  await expect(form.chip(second.name)).toHaveAccessibleDescription(/removed from the event/);
  await expect(form.checkbox(second.name)).toHaveAccessibleDescription(/removed from the event/);
  await expect(form.search).toHaveAccessibleDescription(/Too many travelers at once\./);
  await expect(page.getByRole('region', { name: 'RSVP status' })).toHaveAttribute('aria-busy', 'false');
  await expectNoAxeViolations(page);
  expect(consoleErrors).toEqual([]);
});
