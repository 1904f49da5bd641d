/**
 * Test support (not a test): the production entry point (`node --import tsx server/main.ts`) as a child process
 * on a loopback port and a given sandbox file, so a test can stop it cleanly (SIGTERM), kill it (SIGKILL) and
 * start it again on the same file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../config.ts';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every line the server printed on stdout (the structured log). */
  lines: string[];
  /** Resolves once the process has ended, with how it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the server on `sandboxDb` (no reset: a restart finds what the last run left) and waits until it listens. */
export function startServerProcess(sandboxDb: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    // Only what the server needs: no SPOTNANA_* from the caller's environment may turn the sandbox off.
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', SANDBOX_DB: sandboxDb },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let partial = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const entry = parseLine(line);
        if (entry?.msg === 'listening' && typeof entry.url === 'string') {
          resolve({ url: entry.url, child, lines, exited });
        }
      }
    });
    child.once('error', reject);
    void exited.then(({ code, signal }) =>
      reject(new Error(`the server exited (${code ?? signal}) before listening: ${stderr}`)),
    );
  });
}

function parseLine(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** SIGTERM, then waits for the process to end; the server closes its database on the way out. */
export async function stopServerProcess(server: ServerProcess) {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  return server.exited;
}
