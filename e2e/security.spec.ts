/**
 * Security headers: what the production server sends on pages, scripts, API answers and errors, and
 * that the production build actually works in Chromium under that policy, with no violation reported.
 */
import type { APIResponse, Page } from '@playwright/test';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { expect, test } from './fixtures/console.ts';

/** The CSP header as directive → sources. */
function parseCsp(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  const csp = parseCsp(headers['content-security-policy']);
  // Scripts fall back to default-src when script-src is absent: judge whichever applies.
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  expect(scripts, `${what}: script sources`).toBeDefined();
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:'])
    expect(scripts, `${what}: script-src`).not.toContain(unsafe);
  expect(csp.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(csp.get('object-src'), `${what}: object-src`).toEqual(["'none'"]);
  expect(headers['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
  expect(headers['referrer-policy'], `${what}: Referrer-Policy`).toBe('no-referrer');
}

test('every kind of response carries the security headers', async ({ request }) => {
  const html = { Accept: 'text/html' };
  const page = await request.get('/', { headers: html });
  expect(page.status()).toBe(200);
  expect(page.headers()['content-type']).toMatch(/^text\/html/);
  expectSecurityHeaders(page, 'the page');

  // The scripts the page loads, by the names the build gave them.
  const scripts = [...(await page.text()).matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) {
    const script = await request.get(src);
    expect(script.status(), src).toBe(200);
    expect(script.headers()['content-type'], src).toMatch(/javascript/);
    expectSecurityHeaders(script, src);
  }

  const cases: [string, Promise<APIResponse>, number][] = [
    ['deep link', request.get(`/events/${SEED_EVENT_IDS.kickoff}`, { headers: html }), 200],
    ['API list', request.post('/api/v2/events/list', { data: { listEventType: 'UPCOMING' } }), 200],
    ['API event', request.get(`/api/v2/events/${SEED_EVENT_IDS.kickoff}`), 200],
    ['API unknown event', request.get('/api/v2/events/e0000000-0000-4000-8000-0000000000ff'), 404],
    ['API forbidden event', request.get(`/api/v2/events/${SEED_EVENT_IDS.otherCompany}`), 403],
    ['API route not offered', request.post('/api/v2/auth/oauth2-token', { data: { a: 'b' } }), 404],
    // A write that is not JSON is refused before anything else: a cross-site form could send it.
    ['API write not JSON', request.post('/api/v2/events/list', { form: { a: 'b' } }), 403],
    ['missing asset', request.get('/assets/no-such-file.js'), 404],
    ['not a page', request.get('/no/such/thing', { headers: { Accept: 'application/json' } }), 404],
    ['sandbox without a token', request.post('/sandbox/v2/events/list', { data: {} }), 401],
    ['health', request.get('/healthz'), 200],
  ];
  for (const [what, pending, status] of cases) {
    const response = await pending;
    expect(response.status(), what).toBe(status);
    expectSecurityHeaders(response, what);
  }
});

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}`),
    );
  });
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) fromConsole.push(message.text());
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)),
    ...fromConsole,
  ];
}

test('the policy is enforced in the browser: injected inline script and handlers do not run', async ({
  page,
}) => {
  const violations = await recordViolations(page);
  await page.goto('/events');
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();

  // What an API text rendered as markup would amount to: an inline script and an inline event handler.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injectedRan = "script"';
    document.body.append(script);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__injectedRan = "onerror"');
    img.src = '/no-such-image.png';
    document.body.append(img);
  });
  // ...and the recorder sees both refusals, so its silence in the next test means something.
  await expect
    .poll(violations)
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^script-src-elem blocked inline/),
        expect.stringMatching(/^script-src-attr blocked inline/),
      ]),
    );
  expect(await page.evaluate(() => (window as unknown as { __injectedRan?: string }).__injectedRan)).toBe(
    undefined,
  );
});

test('the events list and an event page work under the policy with no violation reported', async ({
  page,
  consoleErrors,
}) => {
  const violations = await recordViolations(page);

  await page.goto('/events');
  const upcoming = page.getByRole('table', { name: 'upcoming events' });
  await expect(upcoming.getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('tab', { name: 'Past' }).click();
  await expect(page.getByRole('table', { name: 'past events' }).getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('tab', { name: 'Upcoming' }).click();

  // Into an event through its link, as a manager would, and wait for everything the page loads.
  const kickoff = (await (await page.request.get(`/api/v2/events/${SEED_EVENT_IDS.kickoff}`)).json()) as {
    event: { name: string };
  };
  await page.getByRole('link', { name: kickoff.event.name, exact: true }).click();
  await expect(page).toHaveURL(`/events/${SEED_EVENT_IDS.kickoff}`);
  const header = page.getByRole('region', { name: kickoff.event.name });
  await expect(header.getByRole('heading', { level: 1 })).toHaveText(kickoff.event.name);
  await expect(page.getByRole('region', { name: 'RSVP status' })).toHaveAttribute('aria-busy', 'false');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Events' }).click();
  await expect(upcoming).toBeVisible();

  expect(await violations()).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
