import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCALE } from '@/components/format';
import {
  COMMON_REGION_NAMES,
  eventTimeZone,
  formatAddressLines,
  formatShortLocation,
  regionName,
} from './location';

const austin = {
  address: {
    addressLines: ['500 E Cesar Chavez St', ''],
    locality: 'Austin',
    administrativeArea: 'TX',
    postalCode: '78701',
    regionCode: 'US',
    timezone: 'America/Chicago',
  },
};

describe('event locations', () => {
  it('writes the full address city first, with the country by name', () => {
    expect(formatAddressLines(austin)).toEqual([
      '500 E Cesar Chavez St',
      'Austin, TX 78701',
      'United States',
    ]);
    expect(
      formatAddressLines({
        address: {
          addressLines: [],
          locality: 'Singapore',
          administrativeArea: 'Singapore',
          regionCode: 'SG',
        },
      }),
    ).toEqual(['Singapore', 'Singapore']);
    expect(formatAddressLines(undefined)).toEqual([]);
  });

  it('shortens to city and country for lists', () => {
    expect(formatShortLocation(austin)).toBe('Austin, United States');
    expect(formatShortLocation({ address: { addressLines: [], regionCode: 'XX' } })).toBe('XX');
  });

  it('names the common countries exactly as Intl.DisplayNames does, and any other through it', () => {
    const names = new Intl.DisplayNames([LOCALE], { type: 'region' });
    for (const [code, name] of Object.entries(COMMON_REGION_NAMES)) expect(name, code).toBe(names.of(code));
    expect(regionName('de')).toBe('Germany');
    expect(regionName('FJ')).toBe('Fiji');
    expect(regionName('toString')).toBe('toString');
  });

  it('names the venue time zone when the address has one', () => {
    expect(eventTimeZone(austin)).toBe('America/Chicago');
    expect(eventTimeZone({})).toBeUndefined();
  });
});

describe('the first render of a common location', () => {
  const RealDisplayNames = Intl.DisplayNames;
  const replaceDisplayNames = (value: typeof Intl.DisplayNames) =>
    Object.defineProperty(Intl, 'DisplayNames', { value, configurable: true, writable: true });
  afterEach(() => {
    replaceDisplayNames(RealDisplayNames);
    vi.resetModules();
  });

  it('makes no Intl.DisplayNames (its first one costs the event page 11-22 ms)', async () => {
    let made = 0;
    replaceDisplayNames(
      class extends RealDisplayNames {
        constructor(...args: ConstructorParameters<typeof RealDisplayNames>) {
          super(...args);
          made++;
        }
      },
    );
    vi.resetModules();
    const fresh = await import('./location');
    expect(fresh.formatAddressLines(austin)).toContain('United States');
    expect(fresh.formatShortLocation(austin)).toBe('Austin, United States');
    expect(made).toBe(0);
    expect(fresh.regionName('FJ')).toBe('Fiji');
    expect(made).toBe(1);
  });
});
