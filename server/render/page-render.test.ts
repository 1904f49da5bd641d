// @vitest-environment node
/**
 * The server renders the event page, the events list and the Activity page for a signed-in person, with the
 * browser's own routes, loaders and components, its requests going through the server's /api in process; when
 * the data is late or fails it sends the shell, and the browser renders the page as it would without the server.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#contract/console-auth';
import { PAGE_STATE_ID, parsePageState } from '../../src/app/ssr/page-state.ts';
import { createSandbox, SANDBOX_CREDENTIALS, SEED_EVENT_IDS } from '../../sandbox/index.ts';
import { seededDatabase } from '../../sandbox/testing/harness.ts';
import { createTestAuth } from '../auth/testing/test-auth.ts';
import { sqliteDialect, useTestDatabase } from '../console-db/testing/test-databases.ts';
import { createSendQueries } from '../history/send-queries.ts';
import { createSendRecords } from '../history/send-records.ts';
import { createServerApp } from '../http/app.ts';

const SHELL_ROOT = '<div id="root"></div>';
const EVENT_PAGE = `/events/${SEED_EVENT_IDS.largeSummit}`;
let dist: string;

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'console-render-'));
  writeFileSync(
    join(dist, 'index.html'),
    `<!doctype html><html><head><title>Invites Console</title></head><body>${SHELL_ROOT}` +
      '<script type="module" src="/assets/index.js"></script></body></html>',
  );
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

interface Setup {
  /** Changes the sandbox's data before the server starts. */
  data?: (db: ReturnType<typeof seededDatabase>) => void;
  /** Holds every upstream call whose path matches, this long. */
  slow?: { path: RegExp; ms: number };
  /** Answers every upstream call whose path matches with a 500. */
  failing?: RegExp;
  boundMs?: number;
}

const database = useTestDatabase(sqliteDialect);

async function setup({ slow, failing, data, boundMs = 300 }: Setup = {}) {
  const consoleDb = await database.open();
  const history = {
    records: createSendRecords(consoleDb, { staleInFlightMs: 60_000 }),
    queries: createSendQueries(consoleDb),
    instance: 'test-instance',
  };
  const db = seededDatabase();
  data?.(db);
  const sandbox = createSandbox({ db });
  const upstreamCalls: string[] = [];
  const upstream = {
    fetch: async (request: Request) => {
      const path = new URL(request.url).pathname;
      upstreamCalls.push(path);
      if (slow?.path.test(path)) await new Promise((resolve) => setTimeout(resolve, slow.ms));
      if (failing?.test(path)) return Response.json({ errorMessages: [] }, { status: 500 });
      return sandbox.fetch(request);
    },
  };
  const testAuth = createTestAuth();
  const app = createServerApp(
    {
      upstream: { kind: 'embedded-sandbox' },
      upstreamTimeoutMs: 5_000,
      bodyLimitBytes: 1 << 20,
      staticRoot: dist,
      renderBoundMs: boundMs,
    },
    {
      sandbox: { app: upstream, credentials: SANDBOX_CREDENTIALS },
      log: () => {},
      auth: testAuth.auth,
      history,
    },
  );
  const open = async (path: string, role: Role | null = 'sender') => {
    const cookie = role === null ? '' : (await testAuth.signedIn(role)).cookie;
    const started = performance.now();
    const response = await app.request(path, { headers: { cookie, accept: 'text/html' } });
    const html = await response.text();
    return { response, html, ms: performance.now() - started };
  };
  return { open, upstreamCalls };
}

/** The text a person reads: the markup's text without its tags, the state and the styles. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('a page rendered on the server', () => {
  it('carries the event’s header, its RSVP counts and its first travelers with their states', async () => {
    const { open } = await setup();
    const { response, html } = await open(EVENT_PAGE);
    expect(response.status).toBe(200);
    const text = visibleText(html);
    expect(text).toContain('Global Partner Summit 2027');
    expect(text).toContain('RSVP status Not invited 8,450 Invited 900 Accepted 400 Declined 200 Removed 50');
    expect(html.match(/type="checkbox"/g)?.length ?? 0).toBeGreaterThanOrEqual(10);
    expect(text).toMatch(/Aarav Fernando aarav\.fernando@acme\.example Not invited/);
    expect(text).toContain('Send invites');
  });

  it('hands the browser the answers it rendered from, as JSON that never runs', async () => {
    const { open } = await setup();
    const { html } = await open(EVENT_PAGE);
    const json = html.match(
      new RegExp(`<script type="application/json" id="${PAGE_STATE_ID}">([^<]*)</script>`),
    );
    expect(json).not.toBeNull();
    const state = parsePageState(json![1]!);
    const keys = state.queries.queries.map((query) => JSON.stringify(query.queryKey));
    expect(keys).toEqual(
      expect.arrayContaining([
        JSON.stringify(['auth', 'session']),
        JSON.stringify(['events', 'detail', SEED_EVENT_IDS.largeSummit]),
        expect.stringContaining('"travelers","pages"'),
        expect.stringContaining('"rsvp-counts"'),
      ]),
    );
    // Every other script is the app's own file: no inline script that the CSP would have to allow.
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.filter((attributes) => !/type="application\/json"|src="/.test(attributes))).toEqual([]);
  });

  it('styles its markup with one style tag carrying the nonce the response’s CSP names', async () => {
    const { open } = await setup();
    const { response, html } = await open(EVENT_PAGE);
    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = csp.match(/style-src [^;]*'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).not.toMatch(/style-src [^;]*'unsafe-inline'/);
    const styleTags = [...html.matchAll(/<style([^>]*)>/g)].map((m) => m[1]!);
    expect(styleTags).toHaveLength(1);
    expect(styleTags[0]).toContain(`nonce="${nonce}"`);
    expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
  });

  it('renders the parts that load on demand (a link to one send opens the History) in place, with no script', async () => {
    const { open } = await setup();
    // Twice: the first render in a process meets those parts' code still loading, the second has it at hand.
    for (let i = 0; i < 2; i++) {
      const { html } = await open(`${EVENT_PAGE}?send=0b7c6c3e-0000-4000-8000-000000000001`);
      expect(html).toContain(`id="${PAGE_STATE_ID}"`);
      expect(visibleText(html)).toContain('History');
      const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
      expect(scripts.filter((attributes) => !/type="application\/json"|src="/.test(attributes))).toEqual([]);
    }
  });

  it('renders a viewer’s event page with the form read-only and the reason given', async () => {
    const { open } = await setup();
    const { html } = await open(EVENT_PAGE, 'viewer');
    expect(visibleText(html)).toContain('Your role (viewer) lets you see this event');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>[^]*?Send invites/);
  });

  it('renders two people’s pages at once, each with their own role and nothing of the other’s', async () => {
    const { open } = await setup();
    const [viewer, sender] = await Promise.all([open(EVENT_PAGE, 'viewer'), open(EVENT_PAGE, 'sender')]);
    const roleOf = (html: string) => {
      const json = html.match(new RegExp(`id="${PAGE_STATE_ID}">([^<]*)</script>`))![1]!;
      const session = parsePageState(json).queries.queries.find((q) => q.queryKey[1] === 'session');
      return (session?.state.data as { role?: string } | undefined)?.role;
    };
    expect(roleOf(viewer.html)).toBe('viewer');
    expect(roleOf(sender.html)).toBe('sender');
    expect(visibleText(viewer.html)).toContain('Your role (viewer)');
    expect(visibleText(sender.html)).not.toContain('Your role (viewer)');
  });

  it('counts "3 minutes ago" from the moment it renders, as the browser taking it over does', async () => {
    const { open } = await setup({
      data: (db) => {
        const minutesAgo = new Date(Date.now() - 3 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
        db.prepare(
          "UPDATE event_travelers SET rsvp_state = 'INVITED', invited_at = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)",
        ).run(minutesAgo, 'aarav.fernando@acme.example');
      },
    });
    const { html } = await open(EVENT_PAGE);
    expect(visibleText(html)).toMatch(
      /Aarav Fernando aarav\.fernando@acme\.example Invited Invited 3 minutes ago/,
    );
  });

  it.each([
    ['the events list', '/events', 'Events'],
    ['the Activity page', '/activity', 'Activity'],
  ])('renders %s', async (_what, path, heading) => {
    const { open } = await setup();
    const { html } = await open(path, 'admin');
    expect(html).toContain(`id="${PAGE_STATE_ID}"`);
    expect(visibleText(html)).toContain(heading);
  });
});

it('writes markup from the API as text, in the page and in its state', async () => {
  const SCRIPT = '<script>window.__pwned=1</script>';
  const IMG = '<img src=x onerror="window.__pwned=1">';
  const { open } = await setup({
    data: (db) => {
      db.prepare('UPDATE events SET name = ? WHERE id = ?').run(IMG, SEED_EVENT_IDS.largeSummit);
      db.prepare("UPDATE users SET given = ?, family = '' WHERE email = ?").run(
        SCRIPT,
        'aarav.fernando@acme.example',
      );
    },
  });
  const { html } = await open(EVENT_PAGE);
  expect(html).not.toContain(SCRIPT);
  expect(html).not.toContain('<img');
  expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
  expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
  const state = html.match(new RegExp(`id="${PAGE_STATE_ID}">([^]*?)</script>`))![1]!;
  expect(state).not.toContain('<');
  expect(JSON.stringify(parsePageState(state))).toContain(SCRIPT);
});

describe('the shell instead of a rendered page', () => {
  it('goes out within the bound when the upstream is slow, and the browser asks for the data itself', async () => {
    const { open } = await setup({ slow: { path: /travelers-list$/, ms: 3_000 } });
    const { html, ms } = await open(EVENT_PAGE);
    expect(ms).toBeLessThan(2_000);
    expect(html).toContain(SHELL_ROOT);
    expect(html).not.toContain(PAGE_STATE_ID);
  });

  it('goes out when a request of the page fails, at once: the browser renders its own error page', async () => {
    // A bound far above the answer's time: the shell is there because the request failed, not because it was late.
    const { open } = await setup({ failing: /^\/v2\/events\/[^/]+$/, boundMs: 5_000 });
    const { response, html, ms } = await open(EVENT_PAGE);
    expect(ms).toBeLessThan(2_500);
    expect(response.status).toBe(200);
    expect(html).toContain(SHELL_ROOT);
    expect(html).not.toContain(PAGE_STATE_ID);
  });

  it.each([
    ['the sessions page', '/sessions'],
    ['/, which only redirects', '/'],
    ['the Activity page between dates (days in the viewer’s time zone)', '/activity?from=2026-12-01'],
  ])('goes out for %s', async (_what, path) => {
    const { open } = await setup();
    const { html } = await open(path, 'admin');
    expect(html).toContain(SHELL_ROOT);
    expect(html).not.toContain(PAGE_STATE_ID);
  });
});

it('sends a navigation without a session to sign in before anything is rendered or asked upstream', async () => {
  const { open, upstreamCalls } = await setup();
  const { response } = await open(EVENT_PAGE, null);
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toMatch(/^\/auth\/sign-in\?returnTo=/);
  expect(upstreamCalls).toEqual([]);
});
