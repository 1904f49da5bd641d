// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { activityFilters, activityQueryString } from './activity-filters';
import { activitySearchParams, parseActivitySearch, withFilters } from './activity-search';

const parse = (query: string) => parseActivitySearch(new URLSearchParams(query));

describe('the Activity search in the URL', () => {
  it('reads every filter and the page, and writes them back the same', () => {
    const query = 'event=evt-1&person=sub-1&outcome=refused&from=2026-03-01&to=2026-03-31&page=3';
    const search = parse(query);
    expect(search).toEqual({
      eventId: 'evt-1',
      subject: 'sub-1',
      outcome: 'refused',
      fromDate: '2026-03-01',
      toDate: '2026-03-31',
      page: 2,
    });
    expect(new URLSearchParams(activitySearchParams(search)).toString()).toBe(query);
  });

  it('ignores what it cannot read', () => {
    expect(
      parse('outcome=pending&from=03/01/2026&to=2026-02-30&page=1.5&event=%20&person=' + 'x'.repeat(201)),
    ).toEqual({ page: 0 });
    expect(parse('page=0')).toEqual({ page: 0 });
    expect(activitySearchParams({ page: 0 })).toEqual({});
  });

  it('starts again at the first page when a filter changes', () => {
    expect(withFilters(parse('outcome=accepted&page=4'), { outcome: undefined, eventId: 'evt-2' })).toEqual({
      eventId: 'evt-2',
      page: 0,
    });
  });
});

describe('the filters the server gets', () => {
  const search = parse('event=evt-1&person=sub-1&outcome=unknown');

  it('name a person only for those who see everyone', () => {
    expect(activityFilters(search, 'admin')).toEqual({
      eventId: 'evt-1',
      subject: 'sub-1',
      outcome: 'unknown',
    });
    expect(activityFilters(search, 'viewer')).toMatchObject({ subject: 'sub-1' });
    expect(activityFilters(search, 'sender')).toEqual({ eventId: 'evt-1', outcome: 'unknown' });
  });

  it('make the To day inclusive: the next midnight, exclusive', () => {
    const filters = activityFilters(parse('from=2026-03-01&to=2026-03-01'), 'sender');
    expect(filters).toEqual({
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 2, 2).toISOString(),
    });
  });

  it('are a query string in a fixed order, with the page range last', () => {
    expect(activityQueryString({ outcome: 'refused', eventId: 'e 1' }, { offset: 50, limit: 50 })).toBe(
      'eventId=e+1&outcome=refused&offset=50&limit=50',
    );
    expect(activityQueryString({})).toBe('');
  });
});
