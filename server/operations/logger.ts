/**
 * The server's one logger (pino): JSON lines on stdout, `{"level":"info","time":"<ISO 8601>","msg":...}` plus
 * the line's fields. Through `process.stdout`, so that whatever captures stdout (a test, the browser tests' server
 * log) sees every line. LOG_LEVEL sets the level (config.ts checks it; `silent` in the unit tests).
 *
 * What is never logged: query strings, headers, cookies, bodies, emails, tokens and secrets. People appear by
 * their provider's opaque subject id only.
 */
import { pino, type Level, type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = Level | 'silent';

export function createLogger(
  level: LogLevel = 'info',
  destination: NodeJS.WritableStream = process.stdout,
): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

const initialLevel = (LOG_LEVELS as readonly string[]).includes(process.env.LOG_LEVEL ?? '')
  ? (process.env.LOG_LEVEL as LogLevel)
  : 'info';

/** The process's logger; bin/main.ts sets its level from the config. */
export const logger: Logger = createLogger(initialLevel);

/** An error as a log field: its class name only, since messages may quote request data. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
