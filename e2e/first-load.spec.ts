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
  const response = await page.goto(`/events/${SEED_EVENT_IDS.largeSummit}`);
  const html = (await response?.text()) ?? '';
  await expect(page.getByRole('list', { name: 'Travelers' }).getByRole('checkbox').first()).toBeVisible();
  // The History's code loads once the page is on screen and taken over, on purpose: the scripts asked for
  // before it are the first load. Code for what shows later (a dialog) loads after it and needs no announcement.
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  const historyChunk = `/${readBuildManifest(DIST)!['src/features/send-history/components/send-history.tsx']!.file}`;
  const firstLoad = await page.evaluate((history) => {
    const scripts = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js'));
    const historyAt =
      scripts.find((entry) => new URL(entry.name).pathname === history)?.startTime ?? Infinity;
    return scripts
      .filter((entry) => entry.startTime < historyAt)
      .map((entry) => new URL(entry.name).pathname);
  }, historyChunk);

  const announced = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  expect(firstLoad.length).toBeGreaterThan(1);
  expect(firstLoad.filter((path) => !announced.includes(path))).toEqual([]);
  // The History's code came after the first load, not with it.
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
