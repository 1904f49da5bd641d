import { describe, expect, it } from 'vitest';
import {
  instantToLocalInput,
  localInputToInstant,
  readLocalInput,
  SEND_AT_NONEXISTENT,
  SEND_AT_REQUIRED,
  sendAtFormSchema,
} from './send-at-time';

const utc = (iso: string) => Date.parse(iso);

describe('a "Send at" value in an explicit time zone', () => {
  it('reads an ordinary time as that zone’s wall clock', () => {
    expect(localInputToInstant('2026-12-08T09:00', 'Europe/Berlin')).toBe(utc('2026-12-08T08:00:00Z'));
    expect(localInputToInstant('2026-07-08T09:00', 'Europe/Berlin')).toBe(utc('2026-07-08T07:00:00Z'));
    expect(localInputToInstant('2026-12-08T09:00', 'Asia/Kolkata')).toBe(utc('2026-12-08T03:30:00Z'));
    expect(localInputToInstant('2026-12-08T09:00', 'UTC')).toBe(utc('2026-12-08T09:00:00Z'));
  });

  it('refuses a time the clocks skip when daylight saving time starts, instead of moving it an hour', () => {
    // Berlin: 02:00 → 03:00 on 29 March 2026; New York: 02:00 → 03:00 on 8 March 2026.
    expect(readLocalInput('2026-03-29T02:30', 'Europe/Berlin')).toEqual({ kind: 'nonexistent' });
    expect(readLocalInput('2026-03-29T02:00', 'Europe/Berlin')).toEqual({ kind: 'nonexistent' });
    expect(readLocalInput('2026-03-08T02:59', 'America/New_York')).toEqual({ kind: 'nonexistent' });
    expect(localInputToInstant('2026-03-29T02:30', 'Europe/Berlin')).toBeUndefined();
    // Either side of the gap is a time.
    expect(localInputToInstant('2026-03-29T01:59', 'Europe/Berlin')).toBe(utc('2026-03-29T00:59:00Z'));
    expect(localInputToInstant('2026-03-29T03:00', 'Europe/Berlin')).toBe(utc('2026-03-29T01:00:00Z'));
    expect(localInputToInstant('2026-03-08T03:00', 'America/New_York')).toBe(utc('2026-03-08T07:00:00Z'));
  });

  it('takes the first of a time the clocks pass twice when daylight saving time ends', () => {
    // Berlin: 03:00 → 02:00 on 25 October 2026, so 02:30 happens at 00:30Z and again at 01:30Z.
    expect(localInputToInstant('2026-10-25T02:30', 'Europe/Berlin')).toBe(utc('2026-10-25T00:30:00Z'));
  });

  it('refuses what is no value or no day', () => {
    expect(readLocalInput('', 'Europe/Berlin')).toEqual({ kind: 'invalid' });
    expect(readLocalInput('2026-02-30T09:00', 'Europe/Berlin')).toEqual({ kind: 'invalid' });
    expect(readLocalInput('2026-12-08T24:00', 'Europe/Berlin')).toEqual({ kind: 'invalid' });
  });

  it('writes an instant back as the same wall clock', () => {
    expect(instantToLocalInput(utc('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:00');
    expect(instantToLocalInput(utc('2026-12-08T08:00:00Z'), 'Europe/Berlin')).toBe('2026-12-08T09:00');
    expect(instantToLocalInput(utc('2026-12-31T23:30:00Z'), 'Asia/Tokyo')).toBe('2027-01-01T08:30');
  });
});

describe('the Send at form', () => {
  const now = () => utc('2026-03-01T12:00:00Z');

  it('says at the field that a skipped time does not exist, and why', () => {
    const result = sendAtFormSchema('Europe/Berlin', now).safeParse({ sendAt: '2026-03-29T02:30' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([{ path: ['sendAt'], message: SEND_AT_NONEXISTENT }]);
    expect(SEND_AT_NONEXISTENT).toBe(
      'That time does not exist in your time zone (the clocks go forward then). Choose another time.',
    );
  });

  it('takes the same wall clock in a zone without the gap, and asks for a time when there is none', () => {
    expect(sendAtFormSchema('UTC', now).safeParse({ sendAt: '2026-03-29T02:30' }).success).toBe(true);
    expect(sendAtFormSchema('UTC', now).safeParse({ sendAt: '' }).error?.issues).toMatchObject([
      { message: SEND_AT_REQUIRED },
    ]);
  });
});
