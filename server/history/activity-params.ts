/**
 * The query parameters of the history lists, checked before any query runs: paging (`offset`, `limit`, `before`)
 * and the Activity filters (`eventId`, `subject`, `outcome`, `from`, `to`). Every bad one gets its own entry, naming
 * it.
 */
import { ACTIVITY_PAGE_LIMIT_MAX, ActivityOutcome, type SendStatus } from '#contract/send-history';
import { param, type ErrorEntry } from '../http/errors.ts';
import type { SendCursor, SendFilters } from './send-queries.ts';

export const DEFAULT_PAGE_LIMIT = 50;
/** Far past any real history; keeps a number that JavaScript and both databases hold exactly. */
const MAX_OFFSET = 1_000_000_000;
/** An instant: a date, a time and its offset from UTC (what `toISOString()` writes, or `+02:00`). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * As a manager tells sends apart: `unknown` is no clear answer either way, the invites may have gone out;
 * `scheduled`, a send still waiting for its time; `not-sent`, nothing went out on purpose (a reminder with nobody
 * to remind, a scheduled send cancelled or not run).
 */
const OUTCOME_STATUSES: Record<ActivityOutcome, readonly SendStatus[]> = {
  accepted: ['accepted'],
  refused: ['refused'],
  unknown: ['pending', 'failed'],
  scheduled: ['scheduled'],
  'not-sent': ['skipped', 'cancelled'],
};

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: ErrorEntry[] };

type Query = (name: string) => string | undefined;

export interface Paging {
  offset: number;
  limit: number;
  before?: SendCursor;
}

/** `<created_at>.<id>`: what a page's `nextBefore` says, read back. */
const CURSOR = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

export function writeCursor(row: { created_at: number; id: string }): string {
  return `${row.created_at}.${row.id}`;
}

export function readPaging(query: Query): Checked<Paging> {
  const errors: ErrorEntry[] = [];
  const offset = readInteger(query, 'offset', 0, MAX_OFFSET, 0, errors);
  const limit = readInteger(query, 'limit', 1, ACTIVITY_PAGE_LIMIT_MAX, DEFAULT_PAGE_LIMIT, errors);
  const beforeText = nonEmpty(query('before'));
  let before: SendCursor | undefined;
  if (beforeText !== undefined) {
    const match = CURSOR.exec(beforeText);
    if (match === null) {
      errors.push({
        errorCode: 'INVALID_PARAMETER',
        message: 'before must be the nextBefore of an earlier page.',
        errorParameters: [param('before', beforeText)],
      });
    } else {
      before = { createdAt: Number(match[1]), id: match[2]! };
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { offset, limit, ...(before && { before }) } };
}

export function readActivityFilters(query: Query): Checked<SendFilters> {
  const errors: ErrorEntry[] = [];
  const filters: SendFilters = {};
  const eventId = nonEmpty(query('eventId'));
  if (eventId !== undefined) filters.eventId = eventId;
  const subject = nonEmpty(query('subject'));
  if (subject !== undefined) filters.subject = subject;
  const outcome = nonEmpty(query('outcome'));
  if (outcome !== undefined) {
    const parsed = ActivityOutcome.safeParse(outcome);
    if (parsed.success) filters.statuses = OUTCOME_STATUSES[parsed.data];
    else {
      errors.push({
        errorCode: 'INVALID_PARAMETER',
        message: `outcome must be one of ${ActivityOutcome.options.join(', ')}.`,
        errorParameters: [param('outcome', outcome)],
      });
    }
  }
  const fromMs = readInstant(query, 'from', errors);
  if (fromMs !== undefined) filters.fromMs = fromMs;
  const toMs = readInstant(query, 'to', errors);
  if (toMs !== undefined) filters.toMs = toMs;
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: filters };
}

/** An empty parameter (`?status=`, what a cleared select submits) counts as absent. */
function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function readInteger(
  query: Query,
  name: string,
  min: number,
  max: number,
  fallback: number,
  errors: ErrorEntry[],
): number {
  const text = nonEmpty(query(name));
  if (text === undefined) return fallback;
  const value = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  errors.push({
    errorCode: 'INVALID_PARAMETER',
    message: `${name} must be a whole number from ${min} to ${max}.`,
    errorParameters: [param(name, text)],
  });
  return fallback;
}

function readInstant(query: Query, name: string, errors: ErrorEntry[]): number | undefined {
  const text = nonEmpty(query(name));
  if (text === undefined) return undefined;
  const ms = ISO_INSTANT.test(text) && isRealDate(text) ? Date.parse(text) : NaN;
  if (!Number.isNaN(ms)) return ms;
  errors.push({
    errorCode: 'INVALID_PARAMETER',
    message: `${name} must be an ISO 8601 instant with its offset, e.g. 2026-05-01T00:00:00Z.`,
    errorParameters: [param(name, text)],
  });
  return undefined;
}

/** Date.parse rolls 2026-02-30 over to March 2; a day the month does not have is a mistake to report. */
function isRealDate(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}
