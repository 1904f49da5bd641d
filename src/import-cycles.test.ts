// @vitest-environment node
/**
 * No import circle anywhere in the console, the server, the sandbox or the contract: a module that is still being
 * evaluated when its importer runs hands out undefined bindings, and a circle is a boundary nobody drew. Counts the
 * imports that run at load: `import type` and lazy `import()` make no circle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const PARTS = ['src', 'server', 'sandbox', 'contract'];
const ALIASES: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).imports;
// `import x from '…'`, `import { a, type B } from '…'`, `export … from '…'`, `import '…'`; not `import type`.
const STATIC_IMPORT = /^(?:import(?!\s+type\s)[^;]*?from|export[^;]*?from|import)\s*['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else if (specifier.startsWith('@/')) base = join(ROOT, 'src', specifier.slice(2));
  else if (ALIASES[specifier]) base = join(ROOT, ALIASES[specifier]);
  else return undefined; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

function importGraph(): Map<string, string[]> {
  const files = PARTS.flatMap((part) => sourceFiles(join(ROOT, part)));
  return new Map(
    files.map((file) => {
      const text = readFileSync(file, 'utf8');
      const targets = [...text.matchAll(STATIC_IMPORT)].map((m) => resolveImport(file, m[1]!));
      return [file, targets.filter((t): t is string => t !== undefined)];
    }),
  );
}

/** Every circle, each as the list of files around it (depth-first search, one report per back edge). */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found.map((circle) => circle.map((file) => relative(ROOT, file)));
}

describe('imports', () => {
  it('form no circle', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(300);
    // The reading of imports works: known edges are there (a parser that found none would see no circle either).
    expect(graph.get(`${ROOT}/src/main.tsx`)).toContain(`${ROOT}/src/app/app.tsx`);
    expect(graph.get(`${ROOT}/server/http/app.ts`)).toContain(`${ROOT}/server/static/static-files.ts`);
    expect(circles(graph)).toEqual([]);
  });

  it('would find one: the check sees a circle of two modules', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
    ]);
    expect(circles(graph)).toEqual([['a.ts', 'b.ts']]);
  });
});
