/**
 * `npm run dev`: the API server on PORT (no static files) and Vite's dev server with hot reload in front of it,
 * proxying the server's own paths to it (server-paths.ts: `/api`, `/auth`, `/oidc`, `/sandbox`, the probes).
 * Open Vite's URL (PUBLIC_URL's default here).
 * No CSP here: Vite's dev client injects inline scripts; the production server (`npm start`) enforces it.
 */
import { createServer } from 'vite';
import { describeUpstream, loadConfigOrExit, PROJECT_ROOT } from '../config.ts';
import { closeOnSignals, launchServer } from '../launch.ts';
import { SERVER_PATH } from '../http/server-paths.ts';

const VITE_PORT = 5173;

const loaded = loadConfigOrExit();
// Browsers talk to Vite, so Vite's origin is the console's: the sign-in callback and the same-origin checks.
const config = {
  ...loaded,
  staticRoot: null,
  publicUrl: loaded.publicUrl ?? `http://localhost:${VITE_PORT}`,
};
const api = await launchServer(config);
const apiHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
const target = `http://${apiHost.includes(':') ? `[${apiHost}]` : apiHost}:${api.port}`;

const vite = await createServer({
  root: PROJECT_ROOT,
  server: {
    port: VITE_PORT,
    // Keys starting with ^ are regular expressions: `/api` must not also catch a page such as `/apis`.
    proxy: { [SERVER_PATH.source]: { target, changeOrigin: false } },
  },
});
await vite.listen();

console.log(`\n  API server   ${api.url}  (upstream: ${describeUpstream(config)})`);
vite.printUrls();
console.log('');

closeOnSignals(async () => {
  await vite.close();
  await api.close();
}, config.shutdownGraceMs);
