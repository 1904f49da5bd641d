/**
 * Test support (not a test): the production entry point (`node --import tsx server/bin/main.ts`) as a child process
 * on a loopback port and a given sandbox file, so a test can stop it cleanly (SIGTERM), kill it (SIGKILL) and
 * start it again on the same file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { signInOverHttp } from '../../auth/testing/sign-in-over-http.ts';
import { PROJECT_ROOT } from '../../config.ts';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every line the server printed on stdout (the structured log). */
  lines: string[];
  /** Resolves once the process has ended, with how it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Headers of a signed-in sender on the console's page (signed in through the real flow on first use). */
  apiHeaders(): Promise<Record<string, string>>;
}

/**
 * Starts the server on `sandboxDb` (no reset: a restart finds what the last run left) and waits until it listens.
 * Its console database is the file beside it, `<sandboxDb>.console.db`, so sessions survive a restart too.
 */
export function startServerProcess(
  sandboxDb: string,
  /** More settings, or ones replacing these (a remote upstream, DATABASE_URL). */
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/bin/main.ts'], {
    cwd: PROJECT_ROOT,
    // Only what the server needs: no SPOTNANA_* or OIDC_* from the caller's environment may turn the sandbox off.
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      SANDBOX_DB: sandboxDb,
      CONSOLE_DB: `${sandboxDb}.console.db`,
      ...env,
    },
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
          const url = entry.url;
          let headers: Promise<Record<string, string>> | undefined;
          const apiHeaders = () => (headers ??= signInOverHttp(url, 'sender').then((s) => s.headers));
          resolve({ url, child, lines, exited, apiHeaders });
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
