/**
 * `npm run dev`: the API server on PORT (no static files) and Vite's dev server with hot reload in front of it,
 * proxying `/api`, `/sandbox` and `/healthz` to it. Open Vite's URL. No CSP here: Vite's dev client injects inline
 * scripts; the production server (`npm start`) is the one that enforces it.
 */
import { createServer } from 'vite';
import { describeUpstream, loadConfigOrExit, PROJECT_ROOT } from './config.ts';
import { closeOnSignals, launchServer } from './launch.ts';

const VITE_PORT = 5173;

const config = { ...loadConfigOrExit(), staticRoot: null };
const api = await launchServer(config);
const apiHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
const target = `http://${apiHost.includes(':') ? `[${apiHost}]` : apiHost}:${api.port}`;

const vite = await createServer({
  root: PROJECT_ROOT,
  server: {
    port: VITE_PORT,
    // Keys starting with ^ are regular expressions: `/api` must not also catch a page such as `/apis`.
    proxy: { '^/(api|sandbox|healthz)(/|$)': { target, changeOrigin: false } },
  },
});
await vite.listen();

console.log(`\n  API server   ${api.url}  (upstream: ${describeUpstream(config)})`);
vite.printUrls();
console.log('');

closeOnSignals(async () => {
  await vite.close();
  await api.close();
});
