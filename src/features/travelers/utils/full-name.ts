import type { Name } from '#contract';

/** The name a manager knows a traveler by: given, middle and family names as the Users API holds them. */
export function fullName(name: Name | undefined): string | undefined {
  if (!name) return undefined;
  const text = [name.given, name.middle, name.family1, name.family2]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return text || undefined;
}
