/**
 * The console's page (`dist/index.html`) for a given URL, with `<link rel="modulepreload">` for the code of the
 * page that URL opens. The app's entry only asks the router for a page's chunk once it has been evaluated,
 * hundreds of milliseconds into a cold load; told in the HTML, the browser fetches and compiles that chunk
 * alongside the entry instead, and the entry's own imports with it.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { matchPath } from 'react-router';
import { CONSOLE_PAGES, HOME_PAGE } from '#contract/console-pages';
import { manifestClosure, readBuildManifest, type BuildManifest } from './build-manifest.ts';

/**
 * The module that renders the page at `path`, matched as the browser's router matches it (the same list, the same
 * matcher); `/` is the page it redirects to. The browser tests check that the event page's hint names a real chunk.
 */
export function pageModule(path: string): string | undefined {
  if (path === '/') return HOME_PAGE.module;
  return Object.values(CONSOLE_PAGES).find((page) => matchPath(page.path, path) !== null)?.module;
}

interface Build {
  html: string;
  manifest: BuildManifest | undefined;
  /** index.html's mtime: a rebuild under a running server is picked up on the next page load. */
  stamp: number;
}

export type PageHtml = (path: string) => string | undefined;

/** Returns the page for a path, or undefined when there is no build in `root`. */
export function createPageHtml(root: string): PageHtml {
  let build: Build | undefined;
  const byPath = new Map<string, string>();

  const current = (): Build | undefined => {
    const indexPath = join(root, 'index.html');
    let stamp: number;
    try {
      stamp = statSync(indexPath).mtimeMs;
    } catch {
      return undefined;
    }
    if (build?.stamp !== stamp) {
      build = { html: readFileSync(indexPath, 'utf8'), manifest: readBuildManifest(root), stamp };
      byPath.clear();
    }
    return build;
  };

  return (path) => {
    const loaded = current();
    if (!loaded) return undefined;
    if (!loaded.manifest) return loaded.html;
    // The entry's own imports too: the build leaves their preloads out of index.html (`modulePreload: false`).
    const modules = ['index.html', ...[pageModule(path) ?? []].flat()];
    const key = modules.join(' ');
    let html = byPath.get(key);
    if (html === undefined) {
      html = withModulePreloads(loaded.html, manifestClosure(loaded.manifest, modules) ?? []);
      byPath.set(key, html);
    }
    return html;
  };
}

/** Adds a modulepreload link before `</head>` for each file the HTML does not already reference. */
export function withModulePreloads(html: string, files: readonly string[]): string {
  const missing = files.filter((file) => !html.includes(`"${file}"`));
  if (missing.length === 0) return html;
  return html.replace(/([ \t]*)<\/head>/, (head: string, indent: string) => {
    const links = missing.map((file) => `${indent}  <link rel="modulepreload" crossorigin href="${file}">\n`);
    return links.join('') + head;
  });
}
