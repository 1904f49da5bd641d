/**
 * Vite's build manifest (`dist/.vite/manifest.json`): which built files a source module needs. The server reads
 * it to tell the browser, in the page's HTML, about the opened page's code before the app asks for it; the
 * benchmark reads it to cross-check the first load's size.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ManifestChunk {
  file: string;
  imports?: string[];
}

export type BuildManifest = Record<string, ManifestChunk>;

export function readBuildManifest(distDir: string): BuildManifest | undefined {
  const path = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as BuildManifest;
}

/**
 * The JavaScript files the given modules need, as URL paths (`/assets/…`): each module's chunk and its static
 * imports, transitively (not its dynamic imports, which load on demand). Undefined when a module is not in the
 * manifest (e.g. the route was renamed), so a caller never acts on half an answer.
 */
export function manifestClosure(manifest: BuildManifest, modules: readonly string[]): string[] | undefined {
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
