/**
 * Issue 10, "No cross-site path to a send": a signed-in manager (the sender's saved state) opens a page served on
 * another origin: the same host, another port, so the browser even sends the console's SameSite=Lax session
 * cookie along, the hardest case. The page tries the three "simple" requests that need no CORS preflight: an HTML
 * form posted with `enctype="text/plain"` (a body that parses as JSON), `fetch` with `mode: "no-cors"` and
 * `credentials: "include"`, and `navigator.sendBeacon`. Each reaches the console's server with the session cookie
 * and is refused there with 403; none reaches the sandbox: every traveler of the event keeps their RSVP state and
 * invitation time, and nobody becomes INVITED.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Request, Response } from '@playwright/test';
import { SEED_EVENT_IDS } from '../server/sandbox/seed/seed-ids.ts';
import { sessionCookie, sessionCookieName } from './fixtures/auth.ts';
import { INSTANCES } from './fixtures/instances.ts';
import { expect, test } from './fixtures/invite-test.ts';

const PRIMARY = INSTANCES.primary.url;
/** Sales Kickoff 2027: travelers in every state, several not invited: what an "invite all" `{}` would change. */
const EVENT = SEED_EVENT_IDS.kickoff;
const SEND_URL = `${PRIMARY}/api/v2/events/${EVENT}/invite/send`;

/** The attacker's page: harmless-looking, with a form that posts `{"prize":"="}` as text/plain to the send route. */
function attackerPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>You won a prize</title></head>
<body><main>
<h1>Claim your prize</h1>
<form method="post" enctype="text/plain" action="${SEND_URL}">
<input type="hidden" name='{"prize":"' value='"}'>
<button type="submit">Claim</button>
</form>
</main></body></html>`;
}

let attacker: Server;
let attackerUrl: string;

test.beforeAll(async () => {
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(attackerPage());
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/prize`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => attacker.close(() => resolve()));
});

/** Waits for the answer to the next POST to the send route that `act` causes. */
async function sendAnswer(
  page: Page,
  act: () => Promise<unknown>,
): Promise<{ request: Request; response: Response }> {
  const answered = page.waitForResponse(
    (response) => response.url() === SEND_URL && response.request().method() === 'POST',
  );
  await act();
  const response = await answered;
  return { request: response.request(), response };
}

test('a page on another origin cannot make a signed-in manager’s browser send: form, no-cors fetch, beacon', async ({
  page,
  sandbox,
  allowFailedLoad,
  consoleErrors,
}) => {
  const everyState = ['ADDED', 'INVITED', 'INVITE_ACCEPTED', 'INVITE_DECLINED', 'REMOVED'] as const;
  const statesNow = async () =>
    (await sandbox.travelers(EVENT, { states: [...everyState] })).travelers.sort((a, b) =>
      a.id.localeCompare(b.id),
    );
  const before = await statesNow();
  expect(
    before.filter((t) => t.rsvpState === 'ADDED').length,
    'travelers an invite-all would invite',
  ).toBeGreaterThan(0);
  const invitedBefore = await sandbox.countIn(EVENT, 'INVITED');

  // Signed in: the console answers this browser.
  const cookie = await sessionCookie(page.context(), PRIMARY);
  expect(cookie, 'the sender is signed in').toBeDefined();
  expect((await page.request.get(`${PRIMARY}/api/v2/events/${EVENT}`)).status()).toBe(200);

  allowFailedLoad(/\/invite\/send$/, 403);
  await page.goto(attackerUrl);
  await expect(page.getByRole('heading', { name: 'Claim your prize' })).toBeVisible();

  const attempts = {
    'no-cors fetch': await sendAnswer(page, () =>
      page.evaluate(
        (url) => fetch(url, { mode: 'no-cors', method: 'POST', credentials: 'include', body: '{}' }),
        SEND_URL,
      ),
    ),
    beacon: await sendAnswer(page, async () => {
      expect(await page.evaluate((url) => navigator.sendBeacon(url, '{}'), SEND_URL), 'beacon queued').toBe(
        true,
      );
    }),
    'text/plain form': await sendAnswer(page, () => page.getByRole('button', { name: 'Claim' }).click()),
  };

  for (const [how, { request, response }] of Object.entries(attempts)) {
    const headers = await request.allHeaders();
    // The session cookie went along (same site), so only the server's own check stands in the way.
    expect(headers.cookie ?? '', `${how}: carries the session cookie`).toContain(
      `${sessionCookieName(PRIMARY)}=${cookie!.value}`,
    );
    expect(headers.origin, `${how}: from the attacker's origin`).toBe(new URL(attackerUrl).origin);
    expect(response.status(), `${how}: refused`).toBe(403);
    expect(await response.json(), `${how}: refused as cross-site`).toMatchObject({
      errorMessages: [{ errorCode: 'CROSS_SITE_REQUEST_REFUSED' }],
    });
  }

  // Nothing reached the sandbox: every traveler as before, nobody newly invited.
  expect(await statesNow()).toEqual(before);
  expect(await sandbox.countIn(EVENT, 'INVITED')).toBe(invitedBefore);
  expect(consoleErrors).toEqual([]);
});
