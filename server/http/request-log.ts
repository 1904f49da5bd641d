/**
 * One structured line per request: what an operator needs to find a request again. Its id is always made here
 * (also the `debugIdentifier` of any error the server makes up, the `X-Request-Id` response header and the id
 * passed upstream); a client's own `X-Request-Id` is kept only as `clientRequestId`, when short and printable,
 * since it could be forged or collide. Deliberately no query string, headers (cookies) or body: those are where
 * tokens, session ids, sign-in codes, secrets and travelers' data would be. Who made a request is its session's
 * opaque subject id, never a name or an email.
 */
import type { MiddlewareHandler } from 'hono';
import { logger } from '../operations/logger.ts';
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
  /** The client's own X-Request-Id, when it sent a short, printable one: for matching, never trusted. */
  clientRequestId?: string;
  /** The signed-in person's opaque subject id (the provider's `sub`), on `/api` lines: who did it, never a token. */
  subject?: string;
  /** Why the server made up an error (e.g. `upstream unreachable: ECONNREFUSED`). */
  detail?: string;
}

export type RequestLogger = (entry: RequestLogEntry) => void;

/** The process's logger, at the entry's level. */
export const stdoutLogger: RequestLogger = ({ time: _time, level, msg, ...fields }) => {
  logger[level](fields, msg);
};

/** Printable ASCII, short: anything else a client sends as its request id is dropped, not logged. */
const CLIENT_REQUEST_ID = /^[\x21-\x7e]{1,64}$/;

/** Names the request (`X-Request-Id`, the `requestId` variable) and logs it once it has been answered. */
export function requestLog(log: RequestLogger): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const clientRequestId = incoming !== undefined && CLIENT_REQUEST_ID.test(incoming) ? incoming : undefined;
    const requestId = crypto.randomUUID();
    c.set('requestId', requestId);
    await next();
    // Set on the final response: a handler may return a fresh Response that would drop a header set beforehand.
    c.res.headers.set('x-request-id', requestId);
    const status = c.res.status;
    const detail = c.get('logDetail');
    const subject = c.get('session')?.subject;
    log({
      time: new Date().toISOString(),
      level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
      msg: 'request',
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId,
      ...(clientRequestId === undefined ? {} : { clientRequestId }),
      ...(subject === undefined ? {} : { subject }),
      ...(detail === undefined ? {} : { detail }),
    });
  };
}
