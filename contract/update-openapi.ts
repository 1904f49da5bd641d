/**
 * Writes contract/openapi/*.json: the part of Spotnana's published OpenAPI descriptions that the console and the
 * sandbox use (the operations below, every schema they reach, their enums), with prose (description, summary,
 * example) stripped. The contract test reads these files, so a clone needs nothing outside the repository.
 *
 *   npm run contract:update                      # reads ../shared/spotnana/
 *   npm run contract:update -- path/to/folder    # or any folder holding the three descriptions
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The operations the console forwards and the sandbox implements, per description file. */
export const OPERATIONS = {
  'auth-api.json': ['fetchOauth2Token'],
  'event-api.json': [
    'listEvents',
    'getEvent',
    'listEventTravelers',
    'sendInvite',
    'testInvite',
    'removeTravelersFromEvent',
  ],
  'users-api.json': ['listUsersV3', 'getUserInfo'],
} as const;

const PROSE = new Set(['description', 'summary', 'example', 'examples', 'externalDocs', 'x-stoplight']);
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function stripProse(value: Json, parentKey = ''): Json {
  if (Array.isArray(value)) return value.map((item) => stripProse(item));
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    // Under `properties` (and `required`'s siblings) a key is a field's name, not prose: a field may be called
    // `description`.
    if (PROSE.has(key) && parentKey !== 'properties') continue;
    out[key] = stripProse(child, key);
  }
  return out;
}

/** Every `#/components/<kind>/<name>` reachable from `root`, following references transitively. */
function collectRefs(root: Json, spec: JsonObject): Set<string> {
  const seen = new Set<string>();
  const visit = (value: Json) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith('#/') && !seen.has(child)) {
        seen.add(child);
        visit(resolvePointer(spec, child));
      } else {
        visit(child);
      }
    }
  };
  visit(root);
  return seen;
}

function resolvePointer(spec: JsonObject, ref: string): Json {
  let node: Json = spec;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node)) {
      throw new Error(`Unresolvable reference ${ref}`);
    }
    node = node[key]!;
  }
  return node;
}

export function subsetSpec(spec: JsonObject, operationIds: readonly string[]): JsonObject {
  const wanted = new Set(operationIds);
  const paths: JsonObject = {};
  for (const [path, item] of Object.entries(spec.paths as JsonObject)) {
    const kept: JsonObject = {};
    for (const [method, operation] of Object.entries(item as JsonObject)) {
      if (!METHODS.has(method)) continue;
      const id = (operation as JsonObject).operationId;
      if (typeof id === 'string' && wanted.delete(id)) kept[method] = operation;
    }
    if (Object.keys(kept).length > 0) {
      const shared = (item as JsonObject).parameters;
      paths[path] = shared ? { parameters: shared, ...kept } : kept;
    }
  }
  if (wanted.size > 0) throw new Error(`Operations not found: ${[...wanted].join(', ')}`);

  const components: Record<string, JsonObject> = {};
  const refs = collectRefs({ paths, security: spec.security ?? null }, spec);
  for (const ref of [...refs].sort()) {
    const [, , kind, name] = ref.split('/');
    (components[kind!] ??= {})[name!] = resolvePointer(spec, ref);
  }
  // Security schemes are referenced by name, not by $ref.
  const schemes = (spec.components as JsonObject | undefined)?.securitySchemes;
  if (schemes) components.securitySchemes = schemes as JsonObject;

  const info = spec.info as JsonObject;
  return stripProse({
    openapi: spec.openapi!,
    info: { title: info.title!, version: info.version! },
    ...(spec.security ? { security: spec.security } : {}),
    paths,
    components,
  }) as JsonObject;
}

function main() {
  const from = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../../shared/spotnana'));
  const to = resolve(import.meta.dirname, 'openapi');
  for (const [file, operations] of Object.entries(OPERATIONS)) {
    const spec = JSON.parse(readFileSync(resolve(from, file), 'utf8')) as JsonObject;
    const subset = subsetSpec(spec, operations);
    writeFileSync(resolve(to, file), `${JSON.stringify(subset, null, 2)}\n`);
    const schemas = Object.keys((subset.components as JsonObject).schemas ?? {}).length;
    console.log(`${file}: ${operations.length} operations, ${schemas} schemas -> contract/openapi/${file}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
