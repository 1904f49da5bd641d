/**
 * The Activity page's date filters. A person picks calendar days in their own zone (`YYYY-MM-DD`, as a native
 * date input gives them); the server filters on instants. No React here: the router's loader reads these too.
 */

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day itself when `value` is a real calendar day (`2026-02-30` is not), undefined otherwise. */
export function parseLocalDate(value: string | null | undefined): string | undefined {
  const match = value ? LOCAL_DATE.exec(value) : null;
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  // Date rolls overflowing days into the next month (and maps years below 100 to 19xx): a round trip catches both.
  const date = new Date(year, month - 1, day);
  const real = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return real ? value! : undefined;
}

/**
 * The instant the day starts at in the browser's zone, `days` later: `2026-03-01` → `2026-03-01T00:00` local,
 * as ISO (UTC). Days, not 24-hour steps, so a daylight-saving change in between still lands on a midnight.
 */
export function localMidnight(localDate: string, days = 0): string {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day + days).toISOString();
}
