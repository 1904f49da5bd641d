/**
 * Run by durability.hardening.test.ts in a child process (not a test itself): sends invites on the sandbox database
 * at argv[2] until the parent kills it (argv[4]: how far to move the clock forward, in ms), or kills itself in the middle of a send's transaction (argv[3] =
 * 'inside-transaction'), so the parent can check that a send is applied whole or not at all.
 */
import { createSandbox, openSandboxDatabase, SEED_EVENT_IDS } from '../../index.ts';
import { tokenForm } from '../../testing/harness.ts';

const [, , path, mode, clockOffsetMs] = process.argv;
const db = openSandboxDatabase(path!);

let armed = false;
if (mode === 'inside-transaction') {
  // Every transaction the sandbox opens after arming ends in SIGKILL after its statements ran, before COMMIT.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) =>
    transaction((...args: unknown[]) => {
      const result = fn(...args);
      if (armed) process.kill(process.pid, 'SIGKILL');
      return result;
    })) as typeof db.transaction;
}

// A clock one second further on every reading, so each send has its own timestamp.
let tick = Date.parse('2026-11-26T12:00:00Z') + Number(clockOffsetMs ?? 0);
const app = createSandbox({ db, now: () => new Date((tick += 1000)) });
const { access_token } = (await (
  await app.request('/v2/auth/oauth2-token', { method: 'POST', body: tokenForm() })
).json()) as { access_token: string };

armed = true;
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const response = await app.request(`/v2/events/${SEED_EVENT_IDS.largeSummit}/invite/send`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (response.status !== 200) throw new Error(`send answered ${response.status}`);
  process.stdout.write(`sent ${i}\n`);
}
