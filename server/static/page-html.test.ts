// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_PAGES } from '#contract/console-pages';
import { createPageHtml, pageModule, withModulePreloads } from './page-html.ts';

const INDEX = `<!doctype html>
<html>
  <head>
    <script type="module" crossorigin src="/assets/index-1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/shared-1.js">
  </head>
  <body><div id="root"></div></body>
</html>`;

const MANIFEST = {
  'index.html': { file: 'assets/index-1.js', imports: ['_shared.js', '_page-error.js'], isEntry: true },
  '_shared.js': { file: 'assets/shared-1.js' },
  // Imported by the entry alone (its error page): the build's index.html does not name it.
  '_page-error.js': { file: 'assets/page-error-1.js' },
  '_dialog.js': { file: 'assets/dialog-1.js' },
  'src/app/routes/event.tsx': {
    file: 'assets/event-1.js',
    imports: ['_shared.js', '_picker.js'],
    dynamicImports: ['_dialog.js'],
  },
  '_picker.js': { file: 'assets/picker-1.js' },
  'src/app/routes/events.tsx': { file: 'assets/events-1.js', imports: ['_shared.js'] },
};

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'page-html-'));
  mkdirSync(join(dist, '.vite'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

const preloads = (html: string | undefined) =>
  [...(html ?? '').matchAll(/rel="modulepreload" crossorigin href="([^"]+)"/g)].map((m) => m[1]);

describe('the page for a URL', () => {
  it("preloads the entry's and the event page's static imports, not their dynamic ones, nor what Vite lists", () => {
    const html = createPageHtml(dist)('/events/3f1c2a9e-0000-4000-8000-000000000001');
    expect(preloads(html)).toEqual([
      '/assets/shared-1.js',
      '/assets/event-1.js',
      '/assets/page-error-1.js',
      '/assets/picker-1.js',
    ]);
    expect(html).toContain('<div id="root"></div>');
  });

  it('preloads the events list for / and /events', () => {
    const page = createPageHtml(dist);
    expect(preloads(page('/'))).toContain('/assets/events-1.js');
    expect(preloads(page('/events'))).toContain('/assets/events-1.js');
  });

  it('serves the page with only the entry’s imports where no route is known, and as built without a manifest', () => {
    expect(preloads(createPageHtml(dist)('/somewhere/else'))).toEqual([
      '/assets/shared-1.js',
      '/assets/page-error-1.js',
    ]);
    rmSync(join(dist, '.vite'), { recursive: true });
    expect(createPageHtml(dist)('/events/abc')).toBe(INDEX);
  });

  it('gives nothing when there is no build', () => {
    expect(createPageHtml(join(dist, 'missing'))('/')).toBeUndefined();
  });

  it('picks up a rebuild without a restart', () => {
    const page = createPageHtml(dist);
    expect(preloads(page('/events/abc'))).toContain('/assets/event-1.js');
    const rebuilt = { ...MANIFEST, 'src/app/routes/event.tsx': { file: 'assets/event-2.js' } };
    writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(rebuilt));
    writeFileSync(join(dist, 'index.html'), INDEX.replace('index-1', 'index-2'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dist, 'index.html'), later, later);
    const html = page('/events/abc');
    expect(html).toContain('/assets/index-2.js');
    expect(preloads(html)).toContain('/assets/event-2.js');
    expect(preloads(html)).not.toContain('/assets/event-1.js');
  });
});

describe('pageModule', () => {
  it('matches a path as the router does, on the console pages list', () => {
    expect(pageModule('/events/e-1')).toBe('src/app/routes/event.tsx');
    expect(pageModule('/events/e-1/')).toBe('src/app/routes/event.tsx');
    expect(pageModule('/events')).toBe('src/app/routes/events.tsx');
    expect(pageModule('/')).toBe('src/app/routes/events.tsx');
    expect(pageModule('/activity')).toBe('src/app/routes/activity.tsx');
    expect(pageModule('/sessions')).toBe('src/app/routes/sessions.tsx');
    expect(pageModule('/events/e-1/more')).toBeUndefined();
    expect(pageModule('/activities')).toBeUndefined();
  });

  it('names modules that exist', () => {
    for (const page of Object.values(CONSOLE_PAGES)) expect(existsSync(page.module), page.module).toBe(true);
  });
});

describe('withModulePreloads', () => {
  it('adds links inside the head, at its indentation, and nothing for an empty list', () => {
    const html = withModulePreloads(INDEX, ['/assets/a.js']);
    expect(html).toContain('    <link rel="modulepreload" crossorigin href="/assets/a.js">\n  </head>');
    expect(withModulePreloads(INDEX, [])).toBe(INDEX);
  });
});
