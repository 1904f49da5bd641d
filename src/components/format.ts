/**
 * Formatting for what the Spotnana API returns: wall-clock times, instants, counts. One locale for the whole
 * console (it is written in English), so numbers and dates read the same in tests, screenshots and browsers.
 */

export const LOCALE = 'en-US';

/**
 * A formatter made on first use, not when this module loads: the first Intl.DateTimeFormat of a page costs
 * ~100 ms on a slow machine (ICU's data is loaded then), and this module loads before the app starts its
 * first requests.
 */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

// ---------------------------------------------------------------- wall-clock times (DateTimeLocal)

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Reads `2026-12-01T09:00` into its parts; undefined for anything else (never `Invalid Date` on screen). */
export function parseWallClock(iso: string): WallClock | undefined {
  const match = LOCAL_ISO.exec(iso);
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
}

/**
 * A `DateTimeLocal` has no zone: "09:00" means nine in the morning wherever the event is. Building a `Date` from
 * it in the browser's zone and formatting it back would shift it across DST gaps; pinning both steps to UTC keeps
 * the wall clock exactly as written.
 */
function wallClockAsUtcDate(iso: string): Date | undefined {
  const parts = parseWallClock(iso);
  if (!parts) return undefined;
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
}

/** A wall-clock date as the organiser wrote it: formatted in UTC, where wallClockAsUtcDate put it. */
const WALL_DAY: Intl.DateTimeFormatOptions = {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
};
const WALL_DATE_TIME = once(
  () =>
    new Intl.DateTimeFormat(LOCALE, { ...WALL_DAY, weekday: 'short', hour: 'numeric', minute: '2-digit' }),
);

/**
 * ICU versions differ in the spaces they write (a narrow no-break space before "AM", thin spaces around "–"): the
 * server's Node and the viewer's browser must write a page's dates alike, so dates are written with plain spaces.
 */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');

/** "Tue, Dec 1, 2026, 9:00 AM" for `{iso8601: "2026-12-01T09:00"}`; the raw text when it cannot be read. */
export function formatWallClock(iso: string | undefined): string {
  if (!iso) return '';
  const date = wallClockAsUtcDate(iso);
  return date ? plainSpaces(WALL_DATE_TIME().format(date)) : iso;
}

const WALL_SHORT_DATE = once(() => new Intl.DateTimeFormat(LOCALE, WALL_DAY));

/** Dates only, compact, for lists: "Dec 1 – 3, 2026", "Nov 30 – Dec 2, 2026", "Dec 1, 2026". */
export function formatWallClockDateRange(startIso: string | undefined, endIso: string | undefined): string {
  const start = startIso ? wallClockAsUtcDate(startIso) : undefined;
  const end = endIso ? wallClockAsUtcDate(endIso) : undefined;
  if (start && end && start.getTime() <= end.getTime())
    return plainSpaces(WALL_SHORT_DATE().formatRange(start, end));
  if (start) return plainSpaces(WALL_SHORT_DATE().format(start));
  if (end) return plainSpaces(WALL_SHORT_DATE().format(end));
  return startIso ?? endIso ?? '';
}

/**
 * "Tue, Dec 1, 2026, 9:00 AM – 5:00 PM", or across days "Dec 1, 2026, 9:00 AM – Dec 3, 2026, 5:00 PM": the
 * range format leaves out what both ends share. Either end may be missing.
 */
export function formatWallClockRange(startIso: string | undefined, endIso: string | undefined): string {
  const start = startIso ? wallClockAsUtcDate(startIso) : undefined;
  const end = endIso ? wallClockAsUtcDate(endIso) : undefined;
  if (start && end && start.getTime() <= end.getTime())
    return plainSpaces(WALL_DATE_TIME().formatRange(start, end));
  if (startIso && endIso) return `${formatWallClock(startIso)} – ${formatWallClock(endIso)}`;
  if (startIso) return `From ${formatWallClock(startIso)}`;
  if (endIso) return `Until ${formatWallClock(endIso)}`;
  return '';
}

// ---------------------------------------------------------------- instants (DateTimeOffset)

/** Reads `2026-11-20T08:15Z` or `...+01:00` into epoch milliseconds; undefined when unreadable. */
export function parseInstant(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

const INSTANT_OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
};
const INSTANT = once(() => new Intl.DateTimeFormat(LOCALE, INSTANT_OPTIONS));

/** An instant in the viewer's own zone, with the zone named: "Nov 20, 2026, 9:15:00 AM GMT+1". */
export function formatInstant(iso: string | undefined, timeZone?: string): string {
  const ms = parseInstant(iso);
  if (ms === undefined) return iso ?? '';
  const format = timeZone ? new Intl.DateTimeFormat(LOCALE, { ...INSTANT_OPTIONS, timeZone }) : INSTANT();
  return plainSpaces(format.format(ms));
}

const RELATIVE = once(() => new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' }));

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", "yesterday", "in 2 days"; under a minute reads "just now". */
export function formatRelativeTime(iso: string | undefined, now: number = Date.now()): string {
  const ms = parseInstant(iso);
  if (ms === undefined) return iso ?? '';
  const seconds = Math.round((ms - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return 'just now';
  for (const [unit, size] of UNITS) {
    if (abs >= size) return RELATIVE().format(Math.trunc(seconds / size), unit);
  }
  return RELATIVE().format(Math.trunc(seconds / 60), 'minute');
}

// ---------------------------------------------------------------- numbers

const NUMBER = once(() => new Intl.NumberFormat(LOCALE));
const PLURAL = once(() => new Intl.PluralRules(LOCALE));

/** "10,000". */
export function formatCount(n: number): string {
  return NUMBER().format(n);
}

/** "1 traveler", "10,000 travelers". Pass the plural when it is not the singular plus "s". */
export function formatQuantity(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${PLURAL().select(n) === 'one' ? singular : plural}`;
}
