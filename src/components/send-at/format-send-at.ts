import { LOCALE } from '@/components/format';

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
