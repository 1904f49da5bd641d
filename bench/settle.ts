/**
 * Waiting for Chromium to settle after `newPage`. A new page makes the browser start a renderer for its own
 * address-bar popup (the `chrome://omnibox-popup.top-chrome/` targets), which then burns ~0.5-0.7 s of CPU over
 * ~1 s: on two cores a navigation started at once shares them with it (measured: +180 ms to the first row).
 *
 * The condition: Chromium's whole process tree (browser, GPU, utilities, renderers) used no more than one clock
 * tick of CPU in each of two consecutive 100 ms windows. The popup's work has no event a page can observe (it is
 * another process; its target's title changes while it is still busy), so its CPU time is what is watched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { processCpuMs } from './server.ts';

const WINDOW_MS = 100;
/** One tick (10 ms) per window: the browser's own timers may tick now and then; the popup's start takes ~50 ticks. */
const QUIET_CPU_MS = 10;
const QUIET_WINDOWS = 2;
const TIMEOUT_MS = 10_000;

interface ProcessEntry {
  ppid: number;
  cmdline: string;
}

function processTable(): Map<number, ProcessEntry> {
  const table = new Map<number, ProcessEntry>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      table.set(Number(name), { ppid, cmdline: readFileSync(`/proc/${name}/cmdline`, 'utf8') });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

/** Processes whose parent chain reaches `root`, `root` included. */
function subtree(table: Map<number, ProcessEntry>, root: number): number[] {
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    for (const [pid, entry] of table) if (entry.ppid === pids[i]) pids.push(pid);
  }
  return pids;
}

/** The browser process Playwright started from this process (it talks to it over a pipe), and its subtree. */
function chromiumProcesses(): number[] {
  const table = processTable();
  const browser = subtree(table, process.pid).find((pid) => {
    const cmd = table.get(pid)!.cmdline;
    return cmd.includes('--remote-debugging-pipe') && !cmd.includes('--type=');
  });
  return browser === undefined ? [] : subtree(table, browser);
}

/** CPU ms each process has used so far. */
function cpuByPid(pids: readonly number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, processCpuMs(pid) ?? 0]));
}

export interface Settled {
  /** How long the wait took. */
  waitedMs: number;
  /** False when Chromium was still busy at the timeout (or its processes could not be found). */
  quiet: boolean;
}

/** Resolves once Chromium's processes have been idle for two 100 ms windows (at most 10 s). */
export async function waitForChromiumToSettle(): Promise<Settled> {
  const started = performance.now();
  let quietWindows = 0;
  let last = cpuByPid(chromiumProcesses());
  while (last.size > 0 && performance.now() - started < TIMEOUT_MS) {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    // Re-listed every window: a renderer started mid-wait counts with all its CPU time, an ended one drops out.
    const now = cpuByPid(chromiumProcesses());
    let used = 0;
    for (const [pid, ms] of now) used += ms - (last.get(pid) ?? 0);
    last = now;
    quietWindows = used <= QUIET_CPU_MS ? quietWindows + 1 : 0;
    if (quietWindows === QUIET_WINDOWS) return { waitedMs: performance.now() - started, quiet: true };
  }
  return { waitedMs: performance.now() - started, quiet: false };
}
