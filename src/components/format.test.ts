import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatInstant,
  formatQuantity,
  formatRelativeTime,
  formatWallClock,
  formatWallClockDateRange,
  formatWallClockRange,
} from './format';

/** Older ICU versions wrote narrow and thin spaces into these; the console writes plain ones (see below). */
const plain = (text: string) => text.replace(/[\u202f\u2009\u00a0]/g, ' ');

describe('the spaces in dates', () => {
  // The server (Node's ICU) and the viewer's browser (its own ICU) must write a page's dates identically.
  it('are plain, whichever ICU wrote them', () => {
    const written = [
      formatWallClock('2026-12-01T09:00'),
      formatWallClockRange('2026-12-01T09:00', '2026-12-01T17:00'),
      formatWallClockDateRange('2026-12-01T09:00', '2026-12-03T17:00'),
      formatInstant('2026-11-20T08:15Z', 'UTC'),
    ];
    expect(written.filter((text) => /[\u202f\u2009\u00a0]/.test(text))).toEqual([]);
  });
});

describe('wall-clock times (DateTimeLocal)', () => {
  it('shows the time exactly as written, whatever the browser zone', () => {
    expect(plain(formatWallClock('2026-12-01T09:00'))).toBe('Tue, Dec 1, 2026, 9:00 AM');
    // 02:30 on the day Europe springs forward does not exist in that zone; it must not move.
    expect(plain(formatWallClock('2026-03-29T02:30'))).toBe('Sun, Mar 29, 2026, 2:30 AM');
  });

  it('formats ranges without repeating the shared date', () => {
    expect(plain(formatWallClockRange('2026-12-01T09:00', '2026-12-01T17:00'))).toBe(
      'Tue, Dec 1, 2026, 9:00 AM – 5:00 PM',
    );
    expect(plain(formatWallClockRange('2026-12-01T09:00', '2026-12-03T17:00'))).toBe(
      'Tue, Dec 1, 2026, 9:00 AM – Thu, Dec 3, 2026, 5:00 PM',
    );
    expect(plain(formatWallClockRange('2026-12-01T09:00', undefined))).toBe('From Tue, Dec 1, 2026, 9:00 AM');
    expect(plain(formatWallClockRange(undefined, undefined))).toBe('');
  });

  it('formats compact date ranges for lists', () => {
    expect(plain(formatWallClockDateRange('2026-12-01T09:00', '2026-12-03T17:00'))).toBe('Dec 1 – 3, 2026');
    expect(plain(formatWallClockDateRange('2026-11-30T09:00', '2026-12-02T17:00'))).toBe(
      'Nov 30 – Dec 2, 2026',
    );
    expect(plain(formatWallClockDateRange('2026-12-01T09:00', '2026-12-01T17:00'))).toBe('Dec 1, 2026');
  });

  it('shows unreadable text as it came rather than "Invalid Date"', () => {
    expect(plain(formatWallClock('soon'))).toBe('soon');
  });
});

describe('instants (DateTimeOffset)', () => {
  it('formats in the given zone and names it', () => {
    expect(plain(formatInstant('2026-11-20T08:15Z', 'UTC'))).toBe('Nov 20, 2026, 8:15:00 AM UTC');
    expect(plain(formatInstant('2026-11-20T08:15Z', 'Asia/Tokyo'))).toBe('Nov 20, 2026, 5:15:00 PM GMT+9');
  });

  it('says how long ago, in words', () => {
    const now = Date.parse('2026-11-20T12:00Z');
    expect(plain(formatRelativeTime('2026-11-20T09:00Z', now))).toBe('3 hours ago');
    expect(plain(formatRelativeTime('2026-11-20T11:59:30Z', now))).toBe('just now');
    expect(plain(formatRelativeTime('2026-11-19T11:00Z', now))).toBe('yesterday');
    expect(plain(formatRelativeTime('2026-11-20T12:05Z', now))).toBe('in 5 minutes');
    expect(plain(formatRelativeTime('2025-10-01T12:00Z', now))).toBe('last year');
  });
});

describe('numbers', () => {
  it('groups thousands and picks singular or plural', () => {
    expect(plain(formatCount(10000))).toBe('10,000');
    expect(plain(formatQuantity(1, 'traveler'))).toBe('1 traveler');
    expect(plain(formatQuantity(10000, 'traveler'))).toBe('10,000 travelers');
    expect(plain(formatQuantity(0, 'traveler'))).toBe('0 travelers');
  });
});
