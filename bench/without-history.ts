/**
 * Preloaded (`--import`, after tsx) into the second server the send-record measurement starts, and nothing else:
 * the same `server/bin/main.ts`, build, sandbox and console database code as the server under test, except that
 * `server/history/record-sends.ts`'s `recordSends` is a pass-through middleware, so invite/send goes straight to the
 * forwarder with nothing recorded. The difference between the two servers' send latencies is then what the
 * record adds. The server's own code is unchanged; the benchmark checks afterwards that this server wrote no
 * record (if the module moved, this hook would silently do nothing, and that check fails the row).
 */
import { register } from 'node:module';

/** The module as the server's own code names it (app.ts imports `recordSends` from it). */
const RECORD_SENDS_MODULE = '/server/history/record-sends.ts';

// A module customization hook, run in Node's loader thread, so plain JavaScript in a data: URL. Registered after
// tsx's, it runs first and answers for this one module before tsx would compile the real one.
const hooks = `
export async function load(url, context, nextLoad) {
  const at = url.startsWith('file:') ? new URL(url) : undefined;
  if (at && at.search === '' && at.pathname.endsWith(${JSON.stringify(RECORD_SENDS_MODULE)})) {
    // The module's other exports (used by the reminder and scheduling routes) as they are; recordSends shadows its own.
    const real = JSON.stringify(url + '?real');
    return {
      format: 'module',
      shortCircuit: true,
      source: 'export * from ' + real + '; export function recordSends() { return (c, next) => next(); }',
    };
  }
  return nextLoad(url, context);
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
