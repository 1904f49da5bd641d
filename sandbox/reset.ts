/**
 * `npm run sandbox:reset`: wipes the sandbox database (`SANDBOX_DB`, default `data/sandbox.db`) and seeds it
 * again. A server that has the file open keeps working: it sees the new rows on its next query.
 */
import { resolve } from 'node:path';
import { DEFAULT_SANDBOX_DB } from '../server/config.ts';
import { openSandboxDatabase } from './store/database.ts';
import { SANDBOX_CREDENTIALS } from './credentials.ts';

const path = resolve(process.env.SANDBOX_DB || DEFAULT_SANDBOX_DB);
const started = performance.now();
const db = openSandboxDatabase(path, { reset: true });
const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const summary = {
  companies: count('companies'),
  users: count('users'),
  events: count('events'),
  travelers: count('event_travelers'),
};
db.close();

console.log(`Sandbox database reset: ${path}`);
console.log(
  `  ${summary.companies} companies, ${summary.users} users, ${summary.events} events, ${summary.travelers} travelers ` +
    `(${Math.round(performance.now() - started)} ms)`,
);
console.log(`  client id: ${SANDBOX_CREDENTIALS.clientId}`);
