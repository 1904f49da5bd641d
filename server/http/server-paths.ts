/**
 * The top-level paths the server answers itself, never with the console's page or a file: the dev server proxies
 * exactly these to the API server (bin/dev.ts), and the production server never serves the page under them
 * (../static/static-files.ts). One list, so a new server route cannot work in one and fall to the page in the other.
 */
export const SERVER_PREFIXES = [
  'api',
  'sandbox',
  'healthz',
  'livez',
  'readyz',
  'metrics',
  'auth',
  'oidc',
] as const;

/** A path under one of SERVER_PREFIXES: `/api` and `/api/...`, not a page such as `/apis`. */
export const SERVER_PATH = new RegExp(`^/(?:${SERVER_PREFIXES.join('|')})(?:/|$)`);
