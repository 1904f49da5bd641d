/**
 * No cross-site path to a send: a signed-in manager (the sender's saved state) opens a page served on
 * another origin: the same host on another port, so the browser even sends the console's SameSite=Lax session
 * cookie along, the hardest case. The page tries the three "simple" requests that need no CORS preflight: an HTML
 * form posted with `enctype="text/plain"` (a body that parses as JSON), `fetch` with `mode: "no-cors"` and
 * `credentials: "include"`, and `navigator.sendBeacon`. Each reaches the console's server as a same-site request
 * and is refused there, before the forwarder, with 403 (its request log says so); none reaches the sandbox: every
 * traveler of the event keeps their RSVP state and invitation time, and nobody becomes INVITED.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request } from '@playwright/test';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { sessionCookie, sessionCookieName } from './fixtures/auth.ts';
import { INSTANCES } from './fixtures/instances.ts';
import { expect, test } from './fixtures/invite-test.ts';
import { logMark } from './fixtures/server-log.ts';

const PRIMARY = INSTANCES.primary;
/** Sales Kickoff 2027: travelers in every state, several not invited: what an "invite all" `{}` would change. */
const EVENT = SEED_EVENT_IDS.kickoff;
const SEND_PATH = `/api/v2/events/${EVENT}/invite/send`;
const SEND_URL = `${PRIMARY.url}${SEND_PATH}`;

/** The attacker's page: harmless-looking, with a form that posts `{"prize":"="}` as text/plain to the send route. */
const ATTACKER_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>You won a prize</title></head>
<body><main>
<h1>Claim your prize</h1>
<form method="post" enctype="text/plain" action="${SEND_URL}">
<input type="hidden" name='{"prize":"' value='"}'>
<button type="submit">Claim</button>
</form>
</main></body></html>`;

let attacker: Server;
let attackerUrl: string;

test.beforeAll(async () => {
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(ATTACKER_PAGE);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/prize`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => attacker.close(() => resolve()));
});

test('a page on another origin cannot make a signed-in manager’s browser send: form, no-cors fetch, beacon', async ({
  page,
  sandbox,
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
  const cookie = await sessionCookie(page.context(), PRIMARY.url);
  expect(cookie, 'the sender is signed in').toBeDefined();
  expect((await page.request.get(`${PRIMARY.url}/api/v2/events/${EVENT}`)).status()).toBe(200);

  // Every request the attacker's page makes to the send route, as the browser sent it.
  const sent: Request[] = [];
  page.on('request', (request) => {
    if (request.url() === SEND_URL && request.method() === 'POST') sent.push(request);
  });
  const log = logMark(PRIMARY.port);
  const sendLines = () => log.since().filter((e) => e.method === 'POST' && e.path === SEND_PATH);

  await page.goto(attackerUrl);
  await expect(page.getByRole('heading', { name: 'Claim your prize' })).toBeVisible();

  // The page learns nothing either way (an opaque answer, or a network error under the answer's
  // Cross-Origin-Resource-Policy); what counts is what the server did with it.
  await page.evaluate(
    (url) =>
      fetch(url, { mode: 'no-cors', method: 'POST', credentials: 'include', body: '{}' }).then(
        (answer) => answer.type,
        (error: unknown) => String(error),
      ),
    SEND_URL,
  );
  await expect.poll(() => sendLines().length, 'the no-cors fetch was answered').toBe(1);

  expect(await page.evaluate((url) => navigator.sendBeacon(url, '{}'), SEND_URL), 'beacon queued').toBe(true);
  await expect.poll(() => sendLines().length, 'the beacon was answered').toBe(2);

  await page.getByRole('button', { name: 'Claim' }).click();
  await expect(page).toHaveURL(SEND_URL);
  await expect(page.getByText('CROSS_SITE_REQUEST_REFUSED')).toBeVisible();
  await expect.poll(() => sendLines().length, 'the form post was answered').toBe(3);

  // All three left the browser as same-site requests (same host, another port), so the browser attached the
  // SameSite=Lax session cookie: the form's navigation request shows it (Chromium reports the no-cors fetch's
  // and the beacon's final headers to no one once their answer is blocked). Only the server's check stood in the way.
  expect(sent).toHaveLength(3);
  const formPost = sent.find((request) => request.isNavigationRequest());
  expect(formPost, 'the form post').toBeDefined();
  const formHeaders = await formPost!.allHeaders();
  expect(formHeaders.cookie ?? '', 'the form post carries the session cookie').toContain(
    `${sessionCookieName(PRIMARY.url)}=${cookie!.value}`,
  );
  expect(formHeaders.origin, "from the attacker's origin").toBe(new URL(attackerUrl).origin);
  for (const line of sendLines()) {
    expect(line.status).toBe(403);
    expect(line.detail).toBe('cross-site: origin foreign, sec-fetch-site same-site');
  }

  // Nothing reached the sandbox: every traveler as before, nobody newly invited.
  expect(await statesNow()).toEqual(before);
  expect(await sandbox.countIn(EVENT, 'INVITED')).toBe(invitedBefore);
});
