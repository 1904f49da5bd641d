/**
 * The event page of the 10,000-traveler event as the server renders it: the page's HTML, head to last byte (its
 * data read in process, the render, the dehydrated state), one request after another from this process on
 * loopback, after a few unmeasured ones. A response without the rendered page (the shell) fails the run.
 */
import { PAGE_STATE_ID } from '../src/app/ssr/page-state.ts';
import type { BenchServer } from './server.ts';
import { percentile } from './stats.ts';

// 200: p99 is then the 2nd-slowest, not the slowest of a handful.
export const RENDER_REQUESTS = { warmUp: 3, measured: 200 };

export interface ServerRenderRun {
  p50: number;
  p99: number;
  requests: number;
  bytes: number;
}

async function getPage(url: string, cookie: string) {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie, accept: 'text/html' } });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  if (!body.includes(`id="${PAGE_STATE_ID}"`))
    throw new Error(`${url}: the server sent the shell, not the page`);
  return { ms, bytes: Buffer.byteLength(body) };
}

export async function measureServerRender(
  server: BenchServer,
  eventId: string,
  cookie: string,
): Promise<ServerRenderRun> {
  const url = `${server.url}/events/${eventId}`;
  for (let i = 0; i < RENDER_REQUESTS.warmUp; i++) await getPage(url, cookie);
  const answers = [];
  for (let i = 0; i < RENDER_REQUESTS.measured; i++) answers.push(await getPage(url, cookie));
  const times = answers.map((a) => a.ms);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    requests: answers.length,
    bytes: answers.at(-1)!.bytes,
  };
}
