/**
 * Date formats of the Spotnana descriptions. `DateTimeOffset.iso8601` allows seconds but no fractions
 * (`2017-07-21T17:32:05Z`), so `Date.toISOString()` cannot be used as is. `DateTimeLocal` is a wall-clock time
 * without a zone (`2017-07-21T17:32`): events keep their local time and their zone, and compare by instant.
 */

/** An instant as `DateTimeOffset.iso8601`, in UTC, to the second. */
export function toOffsetIso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The wall-clock parts of an instant in a time zone. */
function zonedParts(instantMs: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const p = zonedParts(instantMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The instant at which a zone's wall clock shows `localIso` (`YYYY-MM-DDTHH:mm`). */
export function localToInstant(localIso: string, timeZone: string): Date {
  const guess = Date.parse(`${localIso}:00Z`);
  // Two passes settle the offset even when the guess and the answer straddle a DST change.
  let instant = guess - zoneOffsetMs(guess, timeZone);
  instant = guess - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day `days` after `from` (in UTC) at a wall-clock time: `YYYY-MM-DDTHH:mm`. */
export function localDayAt(from: Date, days: number, hour: number, minute = 0): string {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days));
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T${pad(hour)}:${pad(minute)}`;
}
