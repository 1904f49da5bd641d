/**
 * The page's HTML as a stream: the head first (the app's scripts start downloading at once), then the page the
 * server rendered, or the shell the browser renders itself when the data was late or failed.
 */
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import { PAGE_STATE_ID } from '../../src/app/ssr/page-state.ts';
import type { ServerEnv } from '../http/server-env.ts';
import { errorName, logger } from '../operations/logger.ts';
import type { PageRenderer } from './page-renderer.ts';

const ROOT = '<div id="root"></div>';

/** The built page with the request's nonce where the browser's style cache finds it (`meta[property=csp-nonce]`). */
export function withNonce(html: string, nonce: string): string {
  return html.replace(/([ \t]*)<\/head>/, (head, indent: string) => {
    return `${indent}  <meta property="csp-nonce" nonce="${nonce}">\n${head}`;
  });
}

export function streamRenderedPage(
  c: Context<ServerEnv>,
  html: string,
  render: PageRenderer,
  nonce: string,
): Response {
  const page = withNonce(html, nonce);
  const at = page.indexOf(ROOT);
  if (at === -1) return c.html(page);
  const head = page.slice(0, at);
  const tail = page.slice(at + ROOT.length);
  c.header('content-type', 'text/html; charset=UTF-8');
  const requestId = c.get('requestId');
  return stream(c, async (out) => {
    await out.write(head);
    const started = performance.now();
    let body = ROOT;
    let outcome: string;
    try {
      const rendered = await render(c.req.raw, nonce, requestId);
      if (rendered.kind === 'page') {
        body =
          `${rendered.styles}<div id="root">${rendered.markup}</div>` +
          `<script type="application/json" id="${PAGE_STATE_ID}">${rendered.state}</script>`;
      }
      outcome = rendered.kind === 'shell' ? `shell (${rendered.reason})` : rendered.kind;
    } catch (error) {
      // The browser renders the page itself, as it would without the server: the person still gets it.
      outcome = `shell (render failed: ${errorName(error)})`;
    }
    await out.write(body + tail);
    // Its own line: the request's was written when the head went out, before the render ended.
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    logger.info({ requestId, path: c.req.path, outcome, durationMs }, 'page rendered');
  });
}
