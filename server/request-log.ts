/**
 * One structured JSON line per request: what an operator needs to find a request again (its id is also the
 * `debugIdentifier` of any error the server makes up, and the `X-Request-Id` response header). Deliberately no
 * query string, headers or body: those are where tokens, secrets and travelers' data would be.
 */
import type { MiddlewareHandler } from 'hono';
import type { ServerEnv } from './server-env.ts';

export interface RequestLogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  msg: 'request';
  method: string;
  path: string;
  status: number;
  durationMs: number;
  requestId?: string;
  /** Why the server made up an error (e.g. `upstream unreachable: ECONNREFUSED`). */
  detail?: string;
}

export type RequestLogger = (entry: RequestLogEntry) => void;

export const stdoutLogger: RequestLogger = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

export function requestLog(log: RequestLogger): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const detail = c.get('logDetail');
    log({
      time: new Date().toISOString(),
      level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
      msg: 'request',
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId: c.get('requestId'),
      ...(detail === undefined ? {} : { detail }),
    });
  };
}
