import type { EventLocation } from '#contract';
import { LOCALE } from '@/components/format';

let regionNames: Intl.DisplayNames | undefined;

/** "DE" → "Germany"; the code itself when the browser does not know it. */
export function regionName(regionCode: string): string {
  try {
    regionNames ??= new Intl.DisplayNames([LOCALE], { type: 'region' });
    return regionNames.of(regionCode.toUpperCase()) ?? regionCode;
  } catch {
    return regionCode;
  }
}

/** "Berlin, Germany": for lists, where a full address would crowd the row. */
export function formatShortLocation(location: EventLocation | undefined): string {
  const address = location?.address;
  if (!address) return '';
  return [
    address.locality ?? address.administrativeArea,
    address.regionCode ? regionName(address.regionCode) : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Every line of the address: street lines, "Austin, TX 78701", country. Postal order differs by country; one
 * neutral order reads well enough everywhere and keeps the city first, which is what a manager scans for.
 */
export function formatAddressLines(location: EventLocation | undefined): string[] {
  const address = location?.address;
  if (!address) return [];
  const area =
    address.administrativeArea && address.administrativeArea !== address.locality
      ? address.administrativeArea
      : '';
  const cityLine = [[address.locality, area].filter(Boolean).join(', '), address.postalCode]
    .filter(Boolean)
    .join(' ');
  return [
    ...address.addressLines.filter((line) => line.trim() !== ''),
    cityLine,
    address.regionCode ? regionName(address.regionCode) : '',
  ].filter(Boolean);
}

/** The venue's IANA time zone ("America/Chicago"), when the address names one. */
export function eventTimeZone(location: EventLocation | undefined): string | undefined {
  return location?.address?.timezone || undefined;
}
