import type { EventLocation } from '@/contract/spotnana';
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

/** Every line of the address, in postal order: street lines, "10117 Berlin", region, country. */
export function formatAddressLines(location: EventLocation | undefined): string[] {
  const address = location?.address;
  if (!address) return [];
  const cityLine = [address.postalCode, address.locality].filter(Boolean).join(' ');
  return [
    ...address.addressLines.filter((line) => line.trim() !== ''),
    cityLine,
    address.administrativeArea && address.administrativeArea !== address.locality
      ? address.administrativeArea
      : '',
    address.regionCode ? regionName(address.regionCode) : '',
  ].filter(Boolean);
}
