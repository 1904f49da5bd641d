/**
 * `npm start`: builds the console when the build is missing or older than its sources, then runs the server.
 * Vite is imported only when a build is needed, so a deployment that ships `dist/` needs no dev dependencies.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config.ts';
import { logger } from '../operations/logger.ts';

/** What the production bundle is made from. */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];
const BUILT = join(PROJECT_ROOT, 'dist', 'index.html');

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return /\.test\.[jt]sx?$/.test(path) ? 0 : stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function buildIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((source) => newestChange(join(PROJECT_ROOT, source)) > built);
}


if (!existsSync(join(PROJECT_ROOT, 'index.html'))) {
  logger.warn('no index.html: the console cannot be built yet; serving the API and the sandbox only');
} else if (buildIsStale()) {
  logger.info('building the console (vite build)');
  const { build } = await import('vite');
  try {
    await build({ root: PROJECT_ROOT, logLevel: 'warn' });
  } catch (error) {
    logger.fatal({ detail: error instanceof Error ? error.message : String(error) }, 'the console failed to build');
    process.exit(1);
  }
  logger.info('build finished');
}

await import('./main.ts');
