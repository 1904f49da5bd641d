/**
 * Lean first load: what the production build sends a browser that opens the event page. The page's
 * HTML names every chunk of its first load (so the browser fetches them at once, not one import at a time),
 * those chunks arrive compressed, and no test, sandbox or devtools code is in any browser chunk.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_EVENT_IDS } from '../sandbox/seed/seed-ids.ts';
import { readBuildManifest } from '../server/static/build-manifest.ts';
import { expect, test } from './fixtures/console.ts';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const ASSETS = join(DIST, 'assets');

test("the event page's HTML announces every script its first load runs, and they come compressed", async ({
  page,
  consoleErrors,
}) => {
  const scripts = new Map<string, string | undefined>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('.js')) scripts.set(url.pathname, response.headers()['content-encoding']);
  });
  // When the first traveler row appears, by the page's own clock (as the benchmark measures it).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[aria-label="Travelers"] input[type="checkbox"]')) return;
      (window as unknown as { firstRowAt: number }).firstRowAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const response = await page.goto(`/events/${SEED_EVENT_IDS.largeSummit}`);
  const html = (await response?.text()) ?? '';
  await expect(page.getByRole('list', { name: 'Travelers' }).getByRole('checkbox').first()).toBeVisible();
  // Scripts asked for before the first row: the first load. Code for what shows later (the History below the
  // form, a dialog) loads after it, on purpose, and needs no announcement.
  const firstLoad = await page.evaluate(() => {
    const firstRowAt = (window as unknown as { firstRowAt: number }).firstRowAt;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js') && entry.startTime < firstRowAt)
      .map((entry) => new URL(entry.name).pathname);
  });

  const announced = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  expect(firstLoad.length).toBeGreaterThan(1);
  expect(firstLoad.filter((path) => !announced.includes(path))).toEqual([]);
  // The History's code came after the first row, not with it.
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  const historyChunk = `/${readBuildManifest(DIST)!['src/features/send-history/components/send-history.tsx']!.file}`;
  expect(scripts.has(historyChunk)).toBe(true);
  expect(firstLoad).not.toContain(historyChunk);
  // The build leaves files under 1 KB uncompressed: compressing them gains nothing.
  const uncompressed = [...scripts]
    .filter(([, encoding]) => !encoding)
    .map(([path]) => path)
    .filter((path) => statSync(join(ASSETS, path.replace('/assets/', ''))).size >= 1024);
  expect(uncompressed).toEqual([]);
  expect([...scripts.values()]).toContain('br');
  expect(consoleErrors).toEqual([]);
});

test('no browser chunk carries test helpers, sandbox code or devtools', () => {
  const chunks = readdirSync(ASSETS).filter((file) => file.endsWith('.js'));
  expect(chunks.length).toBeGreaterThan(0);
  // Strings minification keeps: the sandbox's secret and database driver, the test libraries, the devtools.
  const forbidden = [
    'sandbox-secret-not-for-production',
    'better-sqlite3',
    'testing-library',
    'vitest',
    'ReactQueryDevtools',
    'src/testing/',
  ];
  const found = chunks.flatMap((file) => {
    const code = readFileSync(join(ASSETS, file), 'utf8');
    return forbidden.filter((marker) => code.includes(marker)).map((marker) => `${file}: ${marker}`);
  });
  expect(found).toEqual([]);
});
