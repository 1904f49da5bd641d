/**
 * The server under test, started as its own process exactly as in production (`node --import tsx server/bin/main.ts`)
 * on a fresh sandbox database in a temporary directory.
 *
 * A child process rather than `launchServer` in-process: the load generator (autocannon) and the Playwright
 * driver run JavaScript in this process, and in-process they would share the server's event loop, so every
 * latency would include the benchmark's own work. As a separate process the server gets its own core (of two)
 * and its numbers are the server's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchServer {
  url: string;
  pid: number;
  /** The server's stdout: one JSON line per request (see server/http/request-log.ts). */
  logPath: string;
  /** Its console database (SQLite): sessions and the send history. */
  consoleDbPath: string;
  stop(): Promise<void>;
}

export interface RequestLogLine {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  time: string;
}

export async function startServer(options: {
  root: string;
  tempDir: string;
  port: number;
  startTimeoutMs?: number;
  /** More modules preloaded (`--import`) into the server, after tsx: e.g. without-history.ts. */
  preload?: string[];
}): Promise<BenchServer> {
  // Another server on the port would answer the health check, and the benchmark would measure it instead.
  await assertPortFree(options.port);
  const logPath = join(options.tempDir, 'server.log');
  const logFd = openSync(logPath, 'a');
  const consoleDbPath = join(options.tempDir, 'console.db');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    SANDBOX_DB: join(options.tempDir, 'sandbox.db'),
    CONSOLE_DB: consoleDbPath,
    SANDBOX_RESET: '1',
    // One sender makes hundreds of sends a run: the limit per person would refuse most of what is measured.
    SEND_LIMIT_PER_10_MIN: '100000',
  };
  // Whatever the shell has set, the benchmark measures the embedded sandbox, never a real tenant.
  for (const name of [
    'SPOTNANA_BASE_URL',
    'SPOTNANA_CLIENT_ID',
    'SPOTNANA_CLIENT_SECRET',
    'SPOTNANA_ACCESS_TOKEN',
    'OIDC_ISSUER',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
    'PUBLIC_URL',
    'DATABASE_URL',
    // The browser tests' slow sandbox: the benchmark measures the console, not a simulated network.
    'SANDBOX_LATENCY_MS',
  ]) {
    delete env[name];
  }
  // The address the benchmark opens is the console's public one: the session cookie, the sign-in's callback and
  // the server's own requests when it renders a page all name it.
  env.PUBLIC_URL = `http://127.0.0.1:${options.port}`;
  // The IPC channel is only there to close when this process ends, however it ends: the preload then stops
  // the server (see exit-with-parent.ts).
  const preloads = [
    fileURLToPath(new URL('./exit-with-parent.ts', import.meta.url)),
    ...(options.preload ?? []),
  ];
  const imports = preloads.flatMap((path) => ['--import', pathToFileURL(path).href]);
  const child = spawn(process.execPath, ['--import', 'tsx', ...imports, 'server/bin/main.ts'], {
    cwd: options.root,
    env,
    stdio: ['ignore', logFd, 'pipe', 'ipc'],
  });
  closeSync(logFd);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  // Should this process end any other way than through stop(), the server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopChild(child);
  };
  try {
    await waitForHealth(url, child, options.startTimeoutMs ?? 60_000, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, logPath, consoleDbPath, stop };
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`Port ${port} is not free (${error.code}); set BENCH_PORT to another port`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux; undefined elsewhere). */
export function processCpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name: state is field 3, utime and stime are fields 14 and 15, in clock ticks
    // (USER_HZ, 100 a second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode} before it was healthy:\n${stderr()}`);
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet (the sandbox seeds 10,000 travelers first).
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server was not healthy at ${url}/healthz within ${timeoutMs} ms:\n${stderr()}`);
}

/** SIGTERM (the server closes gracefully), then SIGKILL if it has not exited within 5 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The request log lines written since `fromByte` (the log's size before a measurement). */
export function readRequestLog(logPath: string, fromByte = 0): RequestLogLine[] {
  const text = readFileSync(logPath).subarray(fromByte).toString('utf8');
  const lines: RequestLogLine[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as Partial<RequestLogLine> & { msg?: string };
      if (entry.msg === 'request' && typeof entry.durationMs === 'number')
        lines.push(entry as RequestLogLine);
    } catch {
      // A line cut off by the read: skip it.
    }
  }
  return lines;
}
