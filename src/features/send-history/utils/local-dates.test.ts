// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { localMidnight, parseLocalDate } from './local-dates';

const zone = process.env.TZ;
afterEach(() => {
  // Node reads TZ again whenever it is set; put back whatever the run had.
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('parseLocalDate', () => {
  it('accepts real calendar days and nothing else', () => {
    expect(parseLocalDate('2026-03-01')).toBe('2026-03-01');
    expect(parseLocalDate('2028-02-29')).toBe('2028-02-29');
    for (const bad of [
      '2026-02-30',
      '2026-13-01',
      '2026-3-1',
      '0099-01-01',
      'yesterday',
      '',
      null,
      undefined,
    ]) {
      expect(parseLocalDate(bad)).toBeUndefined();
    }
  });
});

describe('localMidnight', () => {
  it("is the day's start in the browser's zone, as an instant", () => {
    process.env.TZ = 'America/New_York';
    expect(localMidnight('2026-03-01')).toBe('2026-03-01T05:00:00.000Z');
    expect(localMidnight('2026-03-01', 1)).toBe('2026-03-02T05:00:00.000Z');
  });

  it('steps by days, not 24 hours, across a daylight-saving change', () => {
    process.env.TZ = 'Europe/Berlin';
    // 29 March 2026 has 23 hours in Berlin: the next midnight is 23 hours after this one.
    expect(localMidnight('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(localMidnight('2026-03-29', 1)).toBe('2026-03-29T22:00:00.000Z');
  });
});
