/**
 * The production build, and the JavaScript the event page's first load costs: the built files it loads,
 * gzipped here with zlib's default level (what Vite's own size report uses). The console's server sends the
 * brotli files the build writes beside them, which are smaller still; gzip is the figure the goal is set in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export async function buildForProduction(root: string): Promise<void> {
  await build({ root, logLevel: 'warn' });
}

export interface FileSize {
  /** As the page requested it, e.g. `/assets/index-abc123.js`. */
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSize {
  files: FileSize[];
  bytes: number;
  gzipBytes: number;
}

/** The raw and gzip sizes of built files, by the URL paths the page loaded them from. */
export function sizeOfBuiltFiles(distDir: string, urlPaths: readonly string[]): BundleSize {
  const files = [...new Set(urlPaths)].sort().map((path): FileSize => {
    const content = readFileSync(join(distDir, decodeURIComponent(path)));
    return { path, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}
