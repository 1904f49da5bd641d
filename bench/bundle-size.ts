/**
 * The production build, and the JavaScript the event page's first load costs: the built files it loads,
 * gzipped here with zlib's default level (what Vite's own size report and most servers use), because the
 * console's server sends them uncompressed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export async function buildForProduction(root: string): Promise<void> {
  // The manifest (dist/.vite/manifest.json) lets the first load be cross-checked against the module graph;
  // it changes nothing in what the browser gets.
  await build({ root, logLevel: 'warn', build: { manifest: true } });
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

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/**
 * The JavaScript files Vite's manifest says the given modules need: each module's chunk and its static
 * imports, transitively (not its dynamic imports, which load on demand). Undefined without a manifest or when
 * a module is not in it (e.g. the route was renamed).
 */
export function manifestClosure(distDir: string, modules: readonly string[]): string[] | undefined {
  const path = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(path)) return undefined;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string): boolean => {
    const chunk = manifest[key];
    if (!chunk) return false;
    if (seen.has(key)) return true;
    seen.add(key);
    if (chunk.file.endsWith('.js')) files.add(`/${chunk.file}`);
    return (chunk.imports ?? []).every(visit);
  };
  return modules.every(visit) ? [...files].sort() : undefined;
}
