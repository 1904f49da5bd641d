import type { Name } from '@/contract/spotnana';

const numberFormat = new Intl.NumberFormat('en-US');

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** "1 traveler", "3 travelers", "10,000 travelers". */
export function countTravelers(n: number): string {
  return `${formatNumber(n)} ${n === 1 ? 'traveler' : 'travelers'}`;
}

/** The name a manager knows a traveler by: given, middle and family names as the Users API holds them. */
export function fullName(name: Name | undefined): string | undefined {
  if (!name) return undefined;
  const text = [name.given, name.middle, name.family1, name.family2]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return text || undefined;
}
