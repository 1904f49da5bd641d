import { describe, expect, it } from 'vitest';
import { eventTimeZone, formatAddressLines, formatShortLocation } from './location';

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

  it('names the venue time zone when the address has one', () => {
    expect(eventTimeZone(austin)).toBe('America/Chicago');
    expect(eventTimeZone({})).toBeUndefined();
  });
});
