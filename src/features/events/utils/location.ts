import type { EventLocation } from '#contract';
import { LOCALE } from '@/components/format';

/**
 * The names Intl.DisplayNames gives the countries events are usually held in, in LOCALE. The page's first
 * DisplayNames costs 11-22 ms on the event page's first render; these need none. location.test.ts checks every
 * entry against Intl.DisplayNames, so the text is the same either way.
 */
export const COMMON_REGION_NAMES: Readonly<Record<string, string>> = {
  AE: 'United Arab Emirates',
  AR: 'Argentina',
  AT: 'Austria',
  AU: 'Australia',
  BE: 'Belgium',
  BR: 'Brazil',
  CA: 'Canada',
  CH: 'Switzerland',
  CN: 'China',
  DE: 'Germany',
  DK: 'Denmark',
  ES: 'Spain',
  FI: 'Finland',
  FR: 'France',
  GB: 'United Kingdom',
  IE: 'Ireland',
  IL: 'Israel',
  IN: 'India',
  IT: 'Italy',
  JP: 'Japan',
  MX: 'Mexico',
  NL: 'Netherlands',
  NO: 'Norway',
  NZ: 'New Zealand',
  PL: 'Poland',
  PT: 'Portugal',
  SE: 'Sweden',
  SG: 'Singapore',
  US: 'United States',
  ZA: 'South Africa',
};

let regionNames: Intl.DisplayNames | undefined;

/** "DE" → "Germany"; the code itself when the browser does not know it. */
export function regionName(regionCode: string): string {
  const code = regionCode.toUpperCase();
  if (Object.hasOwn(COMMON_REGION_NAMES, code)) return COMMON_REGION_NAMES[code]!;
  try {
    regionNames ??= new Intl.DisplayNames([LOCALE], { type: 'region' });
    return regionNames.of(code) ?? regionCode;
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
