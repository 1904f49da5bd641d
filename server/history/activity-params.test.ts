// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readActivityFilters, readPaging } from './activity-params.ts';

const query = (params: Record<string, string>) => (name: string) => params[name];

describe('the history lists’ query parameters', () => {
  it('pages from 0 by 50 unless told, up to 100 a page', () => {
    expect(readPaging(query({}))).toEqual({ ok: true, value: { offset: 0, limit: 50 } });
    expect(readPaging(query({ offset: '150', limit: '100' }))).toEqual({
      ok: true,
      value: { offset: 150, limit: 100 },
    });
    expect(readPaging(query({ offset: '', limit: '' }))).toEqual({
      ok: true,
      value: { offset: 0, limit: 50 },
    });
  });

  it.each([
    ['offset', '-1'],
    ['offset', '1.5'],
    ['offset', 'ten'],
    ['offset', '99999999999'],
    ['limit', '0'],
    ['limit', '101'],
    ['limit', '1e2'],
  ])('refuses %s=%s, naming the parameter and its value', (name, value) => {
    const result = readPaging(query({ [name]: value }));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          errorCode: 'INVALID_PARAMETER',
          message: expect.stringMatching(new RegExp(`^${name} must be a whole number from`)),
          errorParameters: [{ name, value }],
        },
      ],
    });
  });

  it('reads the filters: from inclusive and to exclusive as instants with their offset', () => {
    const result = readActivityFilters(
      query({
        eventId: 'ev-1',
        subject: 'sub-m',
        outcome: 'refused',
        from: '2026-05-01T00:00:00Z',
        to: '2026-05-02T02:00:00.000+02:00',
      }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        eventId: 'ev-1',
        subject: 'sub-m',
        statuses: ['refused'],
        fromMs: Date.UTC(2026, 4, 1),
        toMs: Date.UTC(2026, 4, 2),
      },
    });
    expect(readActivityFilters(query({ outcome: '', eventId: '' }))).toEqual({ ok: true, value: {} });
  });

  it('reads the outcome as a manager tells sends apart: unknown is pending or failed', () => {
    const statuses = (outcome: string) => {
      const result = readActivityFilters(query({ outcome }));
      return result.ok ? result.value.statuses : result.errors;
    };
    expect(statuses('accepted')).toEqual(['accepted']);
    expect(statuses('refused')).toEqual(['refused']);
    expect(statuses('unknown')).toEqual(['pending', 'failed']);
  });

  it('refuses every bad filter at once, one entry each', () => {
    const result = readActivityFilters(
      query({ outcome: 'pending', from: '2026-05-01', to: '2026-02-30T00:00:00Z' }),
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.errorParameters)).toEqual([
      [{ name: 'outcome', value: 'pending' }],
      [{ name: 'from', value: '2026-05-01' }],
      [{ name: 'to', value: '2026-02-30T00:00:00Z' }],
    ]);
    expect(errors[0]?.message).toBe(
      'outcome must be one of accepted, refused, unknown, scheduled, not-sent.',
    );
    expect(errors[1]?.message).toMatch(/^from must be an ISO 8601 instant/);
  });
});
