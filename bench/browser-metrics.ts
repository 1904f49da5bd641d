/**
 * What a manager would feel on the 10,000-traveler event, measured in Chromium. Every run gets a fresh browser
 * context (cold HTTP cache, no React Query cache), and every time is taken inside the page with
 * `performance.now()`, so the Playwright driver's round trips are not in the numbers.
 *
 * "Shown" means: the DOM has it (seen by a MutationObserver) and the next animation frame has started, which
 * is the frame that paints it. Both moments are kept; the tables report the frame.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import { waitForChromiumToSettle } from './settle.ts';

/** The picker's list and its traveler rows' checkboxes (a loader row has none). */
const LIST = '[aria-label="Travelers"]';
const ROW_CHECKBOXES = `${LIST} input[type="checkbox"]`;
/** A row: the list item the checkbox is in. */
const ROW_ITEM = 'li, [role="option"], [role="row"]';

export interface PageTarget {
  baseUrl: string;
  eventId: string;
  /** A signed-in manager's session cookie (from the real sign-in flow), put into every fresh browser context. */
  session: { name: string; value: string };
  /** Where the first run of each measurement leaves a screenshot of the moment it ended. */
  screenshotDir?: string;
}

interface Shown {
  /** ms since navigation start when the DOM had it. */
  dom: number;
  /** ms since navigation start at the next animation frame. */
  frame: number;
}

interface Probes {
  firstRow?: Shown;
  lastInputAt?: number;
  lastClickAt?: number;
  /** Main-thread tasks of 50 ms or more: [start, duration]. */
  longTasks: Array<[number, number]>;
  textShown?: Promise<Shown & { text: string }>;
}

declare global {
  interface Window {
    __bench: Probes;
  }
}

/**
 * What the first-row observer waits for: an element matching `selector`, and when `texts` are given one whose text
 * contains one of them (a loading skeleton's rows match the selector too).
 */
interface RowProbe {
  selector: string;
  texts?: string[];
}

/** Runs before any of the page's own scripts: the first-row observer and the input and click clocks. */
function installProbes({ selector, texts }: RowProbe): void {
  const probes: Probes = { longTasks: [] };
  window.__bench = probes;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probes.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const found = () =>
    texts === undefined
      ? document.querySelector(selector) !== null
      : [...document.querySelectorAll(selector)].some((row) =>
          texts.some((text) => row.textContent?.includes(text)),
        );
  const observer = new MutationObserver(() => {
    if (!found()) return;
    observer.disconnect();
    const dom = performance.now();
    requestAnimationFrame(() => {
      probes.firstRow = { dom, frame: performance.now() };
    });
  });
  observer.observe(document, { childList: true, subtree: true });
  // Event timestamps share performance.now()'s clock (ms since navigation start).
  document.addEventListener('input', (event) => (probes.lastInputAt = event.timeStamp), true);
  document.addEventListener('click', (event) => (probes.lastClickAt = event.timeStamp), true);
}

async function withPage<T>(
  browser: Browser,
  target: PageTarget,
  run: (page: Page, context: BrowserContext) => Promise<T>,
  firstRow: RowProbe = { selector: ROW_CHECKBOXES },
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    // Signed in once before the runs: a manager who has signed in meets no redirect, as the page loads measured here.
    const { name, value } = target.session;
    await context.addCookies([{ name, value, url: target.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in a `__name(...)` helper
    // that does not exist in the page: functions handed to the page would throw without this stand-in.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await context.addInitScript(installProbes, firstRow);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    // Chromium starts its address-bar popup's renderer for every new page; no run shares the CPU with it.
    const settled = await waitForChromiumToSettle();
    if (!settled.quiet) {
      process.stderr.write(`[bench] Chromium still busy ${Math.round(settled.waitedMs)} ms after newPage\n`);
    }
    return await run(page, context);
  } finally {
    await context.close();
  }
}

async function screenshot(page: Page, target: PageTarget, name: string, run: number) {
  if (!target.screenshotDir || run !== 0) return;
  mkdirSync(target.screenshotDir, { recursive: true });
  await page.screenshot({ path: join(target.screenshotDir, `${name}.png`), fullPage: true });
}

const eventUrl = (target: PageTarget) => `${target.baseUrl}/events/${target.eventId}`;

export interface RequestTiming {
  method: string;
  /** Path with any UUID shortened, e.g. `/api/v2/events/e0000000…/travelers-list`. */
  path: string;
  /** ms since navigation start. */
  start: number;
  end: number;
}

/** Every request a page finishes, with its timing on the page's own clock (ms since navigation start). */
class RequestRecorder {
  private readonly finished: Request[] = [];
  constructor(private readonly page: Page) {
    page.on('requestfinished', (request) => this.finished.push(request));
  }

  /** Requests that started at or after `from` (page time), oldest first. */
  async since(from: number): Promise<RequestTiming[]> {
    const timeOrigin = await this.page.evaluate(() => performance.timeOrigin);
    return this.finished
      .map((request): RequestTiming => {
        const timing = request.timing();
        return {
          method: request.method(),
          path: new URL(request.url()).pathname.replace(/([0-9a-f]{8})-[0-9a-f-]{27}/gi, '$1…'),
          start: timing.startTime - timeOrigin,
          end: timing.startTime + timing.responseEnd - timeOrigin,
        };
      })
      .filter((t) => t.start >= from - 1)
      .sort((a, b) => a.start - b.start);
  }
}

const isApi = (t: RequestTiming) => t.path.startsWith('/api/');

/** The most requests in flight at once. */
function maxInFlight(timings: readonly RequestTiming[]): number {
  const edges = timings.flatMap((t) => [
    { at: t.start, d: 1 },
    { at: t.end, d: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.d - b.d);
  let now = 0;
  let max = 0;
  for (const edge of edges) max = Math.max(max, (now += edge.d));
  return max;
}

const CLOCK_SKEW_MS = 10;
const ms = (value: number) => `${Math.round(value)} ms`;

/**
 * Where the time between a user's action (at `from`) and the result on screen (at `to`) went: before the first
 * API request, in API requests (how many, how many at once, their median duration), and after the last answer
 * (the page's own work: parsing, state, rendering).
 */
function breakdown(from: number, to: number, timings: readonly RequestTiming[], busy: string): string {
  // Only answers that arrived before the result was shown can have held it up. The network's clock and the
  // page's differ by a few ms, so an answer the page used can seem to end just after the frame.
  const api = timings.filter((t) => isApi(t) && t.end <= to + CLOCK_SKEW_MS);
  if (api.length === 0) return `${ms(to - from)} in the page, no API request; ${busy}`;
  const durations = api.map((t) => t.end - t.start).sort((a, b) => a - b);
  const byRoute = new Map<string, number>();
  for (const t of api) {
    const route = `${t.method} ${t.path.replace(/^\/api/, '')}`;
    byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
  }
  const lastEnd = Math.max(...api.map((t) => t.end));
  return (
    `${ms(Math.max(0, api[0]!.start - from))} to the first API request; ` +
    `${api.length} API request${api.length === 1 ? '' : 's'} (${[...byRoute].map(([r, n]) => `${n}× ${r}`).join(', ')}), ` +
    `at most ${maxInFlight(api)} at once, median ${ms(durations[Math.floor(durations.length / 2)]!)}, ` +
    `the last answered ${ms(lastEnd - from)} after the action; ` +
    `${ms(Math.max(0, to - lastEnd))} from the last answer to the frame; ${busy}`
  );
}

/** How long the page's main thread was blocked in long tasks (≥ 50 ms) between `from` and `to`. */
async function mainThreadBusy(page: Page, from: number, to: number): Promise<string> {
  const tasks = await page.evaluate(() => window.__bench.longTasks);
  const overlaps = tasks
    .map(([start, duration]) => Math.min(start + duration, to) - Math.max(start, from))
    .filter((overlap) => overlap > 0);
  const total = overlaps.reduce((sum, overlap) => sum + overlap, 0);
  return `the main thread was busy in ${overlaps.length} long task${overlaps.length === 1 ? '' : 's'} (≥ 50 ms) for ${ms(total)} of it`;
}

export interface FirstRowResult extends Shown {
  /** Same-origin scripts the first load fetched, by path, until the network was idle after the first row. */
  scripts: string[];
  waterfall: RequestTiming[];
  /** Long tasks on the main thread from navigation to the row. */
  busy: string;
  /** ms from navigation to the first paint with any of the app's content (the browser's first-contentful-paint). */
  firstContentfulPaint: number | undefined;
  /** The page's layout shift from navigation until the network was idle (the sum the browser reports, CLS-style). */
  layoutShift: number;
}

/** Opens `url` and resolves when the first row the probes wait for is shown. */
async function openFirstRow(page: Page, url: string): Promise<Shown> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => window.__bench.firstRow);
  return (await handle.jsonValue())!;
}

/** Opens the event page and resolves when its first traveler row is shown. */
const openEvent = (page: Page, target: PageTarget) => openFirstRow(page, eventUrl(target));

/** Navigation to the first row on a cold load of `url`, with the requests it took. */
async function coldFirstRow(page: Page, target: PageTarget, url: string, name: string, run: number) {
  const origin = new URL(target.baseUrl).origin;
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === origin && response.request().resourceType() === 'script') scripts.add(url.pathname);
  });
  const requests = new RequestRecorder(page);

  const shown = await openFirstRow(page, url);
  await screenshot(page, target, name, run);
  // Whatever else the first load fetches (lazy chunks, the rest of the page's data) belongs to it too.
  await page.waitForLoadState('networkidle');
  const waterfall = await requests.since(0);
  const busy = await mainThreadBusy(page, 0, shown.frame);
  const firstContentfulPaint = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  );
  const layoutShift = await layoutShiftSoFar(page);
  return { ...shown, scripts: [...scripts], waterfall, busy, firstContentfulPaint, layoutShift };
}

/** The layout shifts the page has had, summed, leaving out those right after an input (as CLS does). */
function layoutShiftSoFar(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const observer = new PerformanceObserver((list) => {
          observer.disconnect();
          const shifts = list.getEntries() as Array<
            PerformanceEntry & { value: number; hadRecentInput: boolean }
          >;
          resolve(
            shifts.filter((shift) => !shift.hadRecentInput).reduce((sum, shift) => sum + shift.value, 0),
          );
        });
        observer.observe({ type: 'layout-shift', buffered: true });
        // No entry at all: the observer is never called.
        setTimeout(() => resolve(0), 200);
      }),
  );
}

export interface FirstClickResult extends Shown {
  /** Clicks made until one registered (the ones before the page was taken over do nothing lasting). */
  clicks: number;
}

/**
 * Navigation → a click on the first row's checkbox registers: "Selected: 1 traveler". A manager who clicks as
 * soon as the row is there: the checkbox is clicked every 50 ms from the moment it exists until the selection
 * counts it, and the time is the frame that shows the count.
 */
export async function measureFirstClick(browser: Browser, target: PageTarget, run: number) {
  return withPage(browser, target, async (page): Promise<FirstClickResult> => {
    await page.goto(eventUrl(target), { waitUntil: 'commit' });
    const result = await page.evaluate(async (checkboxes) => {
      const counted = () =>
        document
          .getElementById('selected-travelers-heading')
          ?.textContent?.startsWith('Selected: 1 traveler');
      let clicks = 0;
      const started = performance.now();
      while (!counted()) {
        if (performance.now() - started > 10_000) throw new Error('no click registered within 10 s');
        const box = document.querySelector<HTMLInputElement>(checkboxes);
        if (box) {
          box.click();
          clicks += 1;
          // A click the app handles updates the count in the same task; one before it has taken over does not.
          if (counted()) break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const dom = performance.now();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return { dom, frame: performance.now(), clicks };
    }, ROW_CHECKBOXES);
    await screenshot(page, target, 'first-click', run);
    return result;
  });
}

/** Navigation to the first traveler row on a cold load, with the requests it took. */
export async function measureFirstRow(browser: Browser, target: PageTarget, run: number) {
  return withPage(browser, target, (page): Promise<FirstRowResult> =>
    coldFirstRow(page, target, eventUrl(target), 'first-row', run),
  );
}

/**
 * The Activity page's results: a row of its table that names a person who sent. The table's loading skeleton
 * has rows with cells as well, but no names in them.
 */
const ACTIVITY_ROWS = ':is(table, [role="table"]) :is(tr, [role="row"])';

/**
 * Navigation to `/activity` (signed in as an admin: everyone's sends) to the first result row, on a cold load.
 * `personNames`: everyone who has sends in the history.
 */
export async function measureActivityFirstRow(
  browser: Browser,
  target: PageTarget,
  personNames: readonly string[],
  run: number,
) {
  return withPage(
    browser,
    target,
    (page): Promise<FirstRowResult> =>
      coldFirstRow(page, target, `${target.baseUrl}/activity`, 'activity-first-row', run),
    { selector: ACTIVITY_ROWS, texts: [...personNames] },
  );
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Types `term` into "Search travelers" the way a person does (a key every 60 ms, so the debounce restarts on
 * each) and measures from the last keystroke's input event to the frame in which the list shows only rows
 * matching the term.
 */
export async function measureSearch(browser: Browser, target: PageTarget, term: string, run: number) {
  return withPage(browser, target, async (page) => {
    const requests = new RequestRecorder(page);
    await openEvent(page, target);
    await page.waitForLoadState('networkidle');
    const before = await page.locator(ROW_CHECKBOXES).first().getAttribute('aria-label');
    if (before && fold(before).includes(fold(term)))
      throw new Error(`the unsearched first row matches "${term}"`);

    await page.getByRole('searchbox', { name: 'Search travelers' }).pressSequentially(term, { delay: 60 });
    const handle = await page.waitForFunction(
      ({ rows, item, wanted }) => {
        const boxes = [...document.querySelectorAll(rows)];
        if (boxes.length === 0) return false;
        const matches = boxes.every((box) => {
          const text = (box.closest(item) ?? box.parentElement)?.textContent ?? '';
          return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().includes(wanted);
        });
        return (
          matches && {
            at: performance.now(),
            lastInputAt: window.__bench.lastInputAt ?? NaN,
            rows: boxes.length,
          }
        );
      },
      { rows: ROW_CHECKBOXES, item: ROW_ITEM, wanted: fold(term) },
      { polling: 'raf' },
    );
    const { at, lastInputAt, rows } = (await handle.jsonValue()) as {
      at: number;
      lastInputAt: number;
      rows: number;
    };
    await screenshot(page, target, 'search', run);
    return {
      ms: at - lastInputAt,
      rows,
      breakdown: breakdown(
        lastInputAt,
        at,
        await requests.since(lastInputAt),
        await mainThreadBusy(page, lastInputAt, at),
      ),
    };
  });
}

export interface ScrollResult {
  /** The most traveler rows the DOM held at any moment of the scroll. */
  maxRows: number;
  steps: number;
  /** The last row reached (aria-posinset of aria-setsize), when the list says. */
  lastPosition?: number;
  setSize?: number;
  ms: number;
}

/**
 * Scrolls the list's scroll container from top to bottom, waiting at the bottom for each next page, and counts
 * the rows in the DOM after every mutation and every frame. Each frame moves by nine tenths of the height the
 * rendered rows span (viewport plus overscan): as fast as possible while every traveler still passes through
 * the DOM, so no row is skipped that could have lingered.
 */
export async function measureScrollRows(browser: Browser, target: PageTarget, run: number) {
  return withPage(browser, target, async (page): Promise<ScrollResult> => {
    await openEvent(page, target);
    // The server's HTML lists its first rows before the browser has taken the page over; scrolling starts once
    // the virtualizer places them (the list loses its data-unplaced mark).
    await page.waitForSelector(`${LIST}:not([data-unplaced])`);
    const result = await page.evaluate(
      async ({ list, rows, item, timeoutMs, settleMs }) => {
        let scroller = document.querySelector(list) as HTMLElement | null;
        while (
          scroller &&
          !(
            /(auto|scroll)/.test(getComputedStyle(scroller).overflowY) &&
            scroller.scrollHeight > scroller.clientHeight
          )
        ) {
          scroller = scroller.parentElement;
        }
        if (!scroller) throw new Error('the travelers list has no scroll container');
        const box = scroller;
        const count = () => document.querySelectorAll(rows).length;
        let maxRows = count();
        const observer = new MutationObserver(() => (maxRows = Math.max(maxRows, count())));
        observer.observe(box, { childList: true, subtree: true });
        const rowBoxes = () => [...document.querySelectorAll(rows)].map((b) => b.closest(item) ?? b);
        const renderedSpan = () => {
          const all = rowBoxes();
          if (all.length === 0) return 0;
          return all.at(-1)!.getBoundingClientRect().bottom - all[0]!.getBoundingClientRect().top;
        };
        const lastRow = () => {
          const last = rowBoxes().at(-1)?.closest('[aria-posinset]');
          return last
            ? {
                position: Number(last.getAttribute('aria-posinset')),
                size: Number(last.getAttribute('aria-setsize')),
              }
            : undefined;
        };
        const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        const started = performance.now();
        let steps = 0;
        let height = box.scrollHeight;
        let heightChangedAt = started;
        while (performance.now() - started < timeoutMs) {
          if (box.scrollHeight !== height) {
            height = box.scrollHeight;
            heightChangedAt = performance.now();
          }
          if (box.scrollTop + box.clientHeight >= box.scrollHeight - 2) {
            const last = lastRow();
            if (last && last.size > 0 && last.position === last.size) break;
            // At the bottom of what is loaded: the next page is on its way, unless nothing changes for long.
            if (performance.now() - heightChangedAt > settleMs) break;
          } else {
            const step = Math.max(box.clientHeight, renderedSpan() * 0.9);
            box.scrollTop = Math.min(box.scrollTop + step, box.scrollHeight);
            steps++;
          }
          await frame();
          maxRows = Math.max(maxRows, count());
        }
        observer.disconnect();
        const last = lastRow();
        return {
          maxRows,
          steps,
          lastPosition: last?.position,
          setSize: last?.size,
          ms: performance.now() - started,
        };
      },
      { list: LIST, rows: ROW_CHECKBOXES, item: ROW_ITEM, timeoutMs: 60_000, settleMs: 5000 },
    );
    await screenshot(page, target, 'scrolled-to-bottom', run);
    return result;
  });
}

/** Starts watching for `pattern` in text the page adds or changes; `textShown` resolves when it appears. */
async function watchForText(page: Page, pattern: RegExp, timeoutMs: number): Promise<void> {
  await page.evaluate(
    ({ source, flags, timeoutMs }) => {
      const re = new RegExp(source, flags);
      window.__bench.textShown = new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`"${source}" did not appear within ${timeoutMs} ms`));
        }, timeoutMs);
        const observer = new MutationObserver((records) => {
          for (const record of records) {
            const texts =
              record.type === 'characterData'
                ? [record.target.parentElement?.textContent ?? '']
                : [...record.addedNodes].map((node) => node.textContent ?? '');
            const text = texts.find((t) => re.test(t));
            if (text === undefined) continue;
            observer.disconnect();
            clearTimeout(timer);
            const dom = performance.now();
            requestAnimationFrame(() =>
              resolve({ dom, frame: performance.now(), text: text.trim().slice(0, 120) }),
            );
            return;
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    },
    { source: pattern.source, flags: pattern.flags, timeoutMs },
  );
}

/** Clicks, then resolves with ms from the click event to the frame showing the watched text. */
async function clickUntilText(page: Page, click: () => Promise<void>, pattern: RegExp, timeoutMs: number) {
  await watchForText(page, pattern, timeoutMs);
  await click();
  const shown = await page.evaluate(() => window.__bench.textShown!);
  const clickedAt = await page.evaluate(() => window.__bench.lastClickAt ?? NaN);
  return { ms: shown.frame - clickedAt, text: shown.text, clickedAt, shownAt: shown.frame };
}

export class FeatureMissing extends Error {}

export interface SelectAndSendResult {
  /** How many travelers "Select all N matching" offered. */
  count: string;
  selectMs: number;
  sendMs: number;
  sendMessage: string;
  selectBreakdown: string;
  sendBreakdown: string;
}

/**
 * "Select all N matching" (click → the selection count reads "N selected"), then "Send invites" → "Send" in
 * the confirmation (click → the success message). The send goes to every non-removed traveler each run:
 * the sandbox lets a traveler be invited again (a reminder with a fresh invitedAt), so runs repeat the same work.
 */
export async function measureSelectAllAndSend(browser: Browser, target: PageTarget, run: number) {
  return withPage(browser, target, async (page): Promise<SelectAndSendResult> => {
    const requests = new RequestRecorder(page);
    await openEvent(page, target);
    await page.waitForLoadState('networkidle');
    const selectAll = page.getByRole('button', { name: /^Select all [\d,]+ matching$/ });
    try {
      await selectAll.waitFor({ timeout: 5000 });
    } catch {
      throw new FeatureMissing('the page has no "Select all N matching" button');
    }
    const count = /([\d,]+)/.exec((await selectAll.textContent()) ?? '')?.[1] ?? '';
    const selected = await clickUntilText(
      page,
      () => selectAll.click(),
      new RegExp(`(^|[^\\d,])${count.replace(/,/g, ',')} selected`),
      30_000,
    );
    await screenshot(page, target, 'selected-all', run);

    await page.getByRole('button', { name: 'Send invites' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const sent = await clickUntilText(
      page,
      () => dialog.getByRole('button', { name: 'Send', exact: true }).click(),
      /Invites sent to/,
      30_000,
    );
    await screenshot(page, target, 'sent', run);
    const selectRequests = (await requests.since(selected.clickedAt)).filter(
      (t) => t.end <= selected.shownAt,
    );
    return {
      count,
      selectMs: selected.ms,
      sendMs: sent.ms,
      sendMessage: sent.text,
      selectBreakdown: breakdown(
        selected.clickedAt,
        selected.shownAt,
        selectRequests,
        await mainThreadBusy(page, selected.clickedAt, selected.shownAt),
      ),
      sendBreakdown: breakdown(
        sent.clickedAt,
        sent.shownAt,
        await requests.since(sent.clickedAt),
        await mainThreadBusy(page, sent.clickedAt, sent.shownAt),
      ),
    };
  });
}
