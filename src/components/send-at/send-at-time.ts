/**
 * The "Send at" field's time arithmetic: a `datetime-local` value is a wall-clock time in the manager's own zone,
 * sent as an instant; the venue's local time of that instant is shown beside it. Pure, so the tests pin it down.
 */
import * as z from 'zod/mini';
import { SCHEDULE_MAX_AHEAD_DAYS } from '#contract/send-history';
import { LOCALE } from '@/components/format';

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Year, month (1–12), day, hour (0–23), minute: a wall-clock time, compared field by field. */
type WallClock = readonly [number, number, number, number, number];

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of `ms` in `timeZone`, to the minute. */
function wallClockAt(ms: number, timeZone: string): WallClock {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return [part('year'), part('month'), part('day'), part('hour'), part('minute')];
}

const sameWallClock = (a: WallClock, b: WallClock) => a.every((n, i) => n === b[i]);

/** How far `timeZone`'s clocks are ahead of UTC at `ms`, in ms (to the minute). */
function offsetAt(ms: number, timeZone: string): number {
  const [year, month, day, hour, minute] = wallClockAt(ms, timeZone);
  return Date.UTC(year, month - 1, day, hour, minute) - (ms - (((ms % 60_000) + 60_000) % 60_000));
}

/**
 * What a `datetime-local` value means in `timeZone`: the instant (epoch ms); `invalid` when it is no such value
 * (empty, or a day the calendar has not); `nonexistent` when the clocks skip it (the hour lost when daylight saving
 * time starts). A time the clocks pass twice (when it ends) is the first of the two.
 */
export type LocalInputTime = { kind: 'instant'; at: number } | { kind: 'invalid' } | { kind: 'nonexistent' };

export function readLocalInput(value: string, timeZone: string = browserTimeZone()): LocalInputTime {
  const match = LOCAL_INPUT.exec(value);
  if (!match) return { kind: 'invalid' };
  const wanted = match.slice(1).map(Number) as unknown as WallClock;
  const [year, month, day, hour, minute] = wanted;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Date.UTC rolls Feb 30 over into March, 24:00 into the next day: such a value is no time at all.
  const utcWall = new Date(asUtc);
  const calendar: WallClock = [
    utcWall.getUTCFullYear(),
    utcWall.getUTCMonth() + 1,
    utcWall.getUTCDate(),
    utcWall.getUTCHours(),
    utcWall.getUTCMinutes(),
  ];
  if (Number.isNaN(asUtc) || !sameWallClock(calendar, wanted)) return { kind: 'invalid' };
  // The instant is the wall clock less the zone's offset then; the offset either side of a change may differ, so
  // both are tried, and only an instant whose wall clock reads back unchanged is one.
  const offsets = new Set([offsetAt(asUtc - 86_400_000, timeZone), offsetAt(asUtc + 86_400_000, timeZone)]);
  const instants = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((at) => sameWallClock(wallClockAt(at, timeZone), wanted))
    .sort((a, b) => a - b);
  return instants[0] === undefined ? { kind: 'nonexistent' } : { kind: 'instant', at: instants[0] };
}

/** `2026-12-08T09:00` in `timeZone` (the browser's) → epoch ms; undefined when it is no such value or no such time. */
export function localInputToInstant(value: string, timeZone?: string): number | undefined {
  const time = readLocalInput(value, timeZone);
  return time.kind === 'instant' ? time.at : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → the `datetime-local` value of that instant in `timeZone` (the browser's; to prefill "Change time"). */
export function instantToLocalInput(ms: number, timeZone: string = browserTimeZone()): string {
  const [year, month, day, hour, minute] = wallClockAt(ms, timeZone);
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}

/** The browser's IANA zone ("Europe/Berlin"). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "UTC+01:00" of `timeZone` at `ms` (offsets change with daylight saving, so the chosen instant's). */
export function utcOffset(timeZone: string | undefined, ms: number): string {
  const name = new Intl.DateTimeFormat(LOCALE, { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((part) => part.type === 'timeZoneName')?.value;
  // ICU writes plain "GMT" for a zero offset.
  if (!name || name === 'GMT') return 'UTC+00:00';
  return name.replace('GMT', 'UTC');
}

/** An IANA zone the browser knows; a venue's zone from the API may not be one. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const SEND_AT_REQUIRED = 'Choose the date and time to send at.';
export const SEND_AT_NONEXISTENT =
  'That time does not exist in your time zone (the clocks go forward then). Choose another time.';
export const SEND_AT_IN_PAST = 'Choose a time in the future: this one has already passed.';
export const SEND_AT_TOO_FAR = `Choose a time within ${SCHEDULE_MAX_AHEAD_DAYS} days from now.`;

/**
 * The dialog's form, its wall-clock time read in `timeZone` (the browser's): checked when confirmed, against the
 * clock then (the dialog may stay open a while).
 */
export function sendAtFormSchema(timeZone?: string, now: () => number = Date.now) {
  return z.object({ sendAt: z.string() }).check(
    z.superRefine((values, ctx) => {
      const time = readLocalInput(values.sendAt, timeZone);
      const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['sendAt'], message });
      if (time.kind === 'invalid') return issue(SEND_AT_REQUIRED);
      if (time.kind === 'nonexistent') return issue(SEND_AT_NONEXISTENT);
      const at = time.at;
      const current = now();
      if (at <= current) return issue(SEND_AT_IN_PAST);
      if (at > current + SCHEDULE_MAX_AHEAD_DAYS * 86_400_000) issue(SEND_AT_TOO_FAR);
    }),
  );
}
export type SendAtFormValues = { sendAt: string };
