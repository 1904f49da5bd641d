/**
 * The "Send at" field's time arithmetic: a `datetime-local` value is a wall-clock time in the manager's own zone,
 * sent as an instant; the venue's local time of that instant is shown beside it. Pure, so the tests pin it down.
 */
import * as z from 'zod/mini';
import { SCHEDULE_MAX_AHEAD_DAYS } from '#contract/send-history';
import { LOCALE } from '@/components/format';

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** `2026-12-08T09:00` in the browser's zone → epoch ms; undefined when it is not such a value (or no such time). */
export function localInputToInstant(value: string): number | undefined {
  const match = LOCAL_INPUT.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const date = new Date(year!, month! - 1, day!, hour!, minute!);
  return Number.isNaN(date.getTime()) ? undefined : date.getTime();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → the `datetime-local` value of that instant in the browser's zone (to prefill "Change time"). */
export function instantToLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
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

/**
 * "Tue, Dec 8, 9:00 AM", in `timeZone` (the browser's when left out); the year too when it is not this year's.
 * Plain spaces, as the rest of the console writes dates.
 */
export function formatSendAt(ms: number, timeZone?: string, now = Date.now()): string {
  const yearOf = (at: number) => new Intl.DateTimeFormat(LOCALE, { timeZone, year: 'numeric' }).format(at);
  const format = new Intl.DateTimeFormat(LOCALE, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(yearOf(ms) !== yearOf(now) && { year: 'numeric' }),
  });
  return format.format(ms).replace(/[\u00a0\u2009\u202f]/g, ' ');
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
export const SEND_AT_IN_PAST = 'Choose a time in the future: this one has already passed.';
export const SEND_AT_TOO_FAR = `Choose a time within ${SCHEDULE_MAX_AHEAD_DAYS} days from now.`;

/** The dialog's form: checked when confirmed, against the clock then (the dialog may stay open a while). */
export const SendAtFormSchema = z.object({ sendAt: z.string() }).check(
  z.superRefine((values, ctx) => {
    const at = localInputToInstant(values.sendAt);
    const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['sendAt'], message });
    if (at === undefined) return issue(SEND_AT_REQUIRED);
    const now = Date.now();
    if (at <= now) return issue(SEND_AT_IN_PAST);
    if (at > now + SCHEDULE_MAX_AHEAD_DAYS * 86_400_000) issue(SEND_AT_TOO_FAR);
  }),
);
export type SendAtFormValues = z.infer<typeof SendAtFormSchema>;
