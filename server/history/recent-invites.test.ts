// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { RecentInvites } from '#contract/send-history';
import { recentInvites } from './recent-invites.ts';
import type { RecentInviteRow } from './send-queries.ts';

const SINCE = Date.UTC(2026, 4, 1);

function row(id: string, at: number, recipients: string[] | undefined, extra: Partial<RecentInviteRow> = {}) {
  return {
    id,
    created_at: SINCE + at,
    person_name: 'Marcus Webb',
    action: 'send',
    scope: recipients === undefined ? 'all' : 'list',
    status: 'accepted',
    traveler_ids: JSON.stringify(recipients ?? []),
    traveler_count: recipients?.length ?? null,
    due_at: null,
    ...extra,
  } satisfies RecentInviteRow;
}

/** Newest first, as the query gives them; the scheduled ones soonest due first. */
const checked = (rows: RecentInviteRow[], asked: string[] | undefined, scheduled: RecentInviteRow[] = []) =>
  RecentInvites.parse(recentInvites(rows, asked, SINCE, scheduled));

/** A send still scheduled, due `inMs` after the window's start plus a day. */
const planned = (
  id: string,
  inMs: number,
  recipients: string[] | undefined,
  extra: Partial<RecentInviteRow> = {},
) => row(id, 0, recipients, { status: 'scheduled', due_at: SINCE + 24 * 60 * 60_000 + inMs, ...extra });

describe('recent invites', () => {
  it('counts the asked travelers a send in the window went to, and names those sends', () => {
    const result = checked(
      [row('b', 20, ['u-3', 'u-4'], { status: 'pending' }), row('a', 10, ['u-1', 'u-2', 'u-3'])],
      ['u-1', 'u-3', 'u-9'],
    );
    expect(result).toEqual({
      since: new Date(SINCE).toISOString(),
      travelerCount: 2,
      sends: [
        {
          id: 'b',
          createdAt: new Date(SINCE + 20).toISOString(),
          personName: 'Marcus Webb',
          scope: 'list',
          status: 'pending',
          dueAt: null,
          matchedCount: 1,
          action: 'send',
        },
        expect.objectContaining({ id: 'a', matchedCount: 2, status: 'accepted' }),
      ],
    });
  });

  it('leaves out a send that went to none of them', () => {
    expect(checked([row('a', 1, ['u-7'])], ['u-1'])).toMatchObject({ travelerCount: 0, sends: [] });
    expect(checked([], ['u-1'])).toMatchObject({ travelerCount: 0, sends: [] });
  });

  it('counts an invite to all travelers as covering every asked one', () => {
    const result = checked(
      [row('list', 2, ['u-1']), row('all', 1, undefined, { traveler_count: 25 })],
      ['u-1', 'u-2', 'u-2'],
    );
    expect(result.travelerCount).toBe(2);
    expect(result.sends.map((s) => [s.id, s.scope, s.matchedCount])).toEqual([
      ['list', 'list', 1],
      ['all', 'all', 2],
    ]);
  });

  it('for a send to everyone about to be confirmed: distinct travelers, or null once everyone was invited', () => {
    const lists = [row('b', 2, ['u-1', 'u-2']), row('a', 1, ['u-2', 'u-3'])];
    expect(checked(lists, undefined)).toMatchObject({ travelerCount: 3 });
    const withAll = checked([...lists, row('all', 0, undefined, { traveler_count: 25 })], undefined);
    expect(withAll.travelerCount).toBeNull();
    expect(withAll.sends.map((s) => s.matchedCount)).toEqual([2, 2, 25]);
  });

  it('always names an invite to all travelers, even one whose count was unknown when it was sent', () => {
    const unknownCount = row('all', 1, undefined, { traveler_count: null });
    const everyone = checked([unknownCount], undefined);
    expect(everyone.travelerCount).toBeNull();
    expect(everyone.sends.map((s) => [s.id, s.scope, s.matchedCount])).toEqual([['all', 'all', 0]]);
    const asked = checked([unknownCount], ['u-1', 'u-2']);
    expect(asked.travelerCount).toBe(2);
    expect(asked.sends.map((s) => [s.id, s.matchedCount])).toEqual([['all', 2]]);
  });

  it('names at most 10 sends, newest first, but counts every one', () => {
    const rows = Array.from({ length: 15 }, (_, i) => row(`s-${14 - i}`, 14 - i, [`u-${14 - i}`]));
    const asked = rows.map((_, i) => `u-${i}`);
    const result = checked(rows, asked);
    expect(result.travelerCount).toBe(15);
    expect(result.sends.map((s) => s.id)).toEqual(Array.from({ length: 10 }, (_, i) => `s-${14 - i}`));
  });

  it('answers 10,000 asked travelers against a busy day in one pass', () => {
    const asked = Array.from({ length: 10_000 }, (_, i) => `u-${i}`);
    const rows = Array.from({ length: 200 }, (_, i) =>
      row(
        `s-${i}`,
        200 - i,
        Array.from({ length: 500 }, (_, k) => `u-${(i * 500 + k) % 20_000}`),
      ),
    );
    const result = checked(rows, asked);
    expect(result.travelerCount).toBe(10_000);
    expect(result.sends).toHaveLength(10);
  });

  it('counts only the sends made in the window: a scheduled send to all travelers does not make "every traveler"', () => {
    const made = [row('b', 2, ['u-1']), row('a', 1, ['u-2'])];
    const scheduled = [planned('all-later', 1, undefined, { traveler_count: 25 })];
    const everyone = checked(made, undefined, scheduled);
    expect(everyone.travelerCount).toBe(2);
    expect(everyone.sends.map((s) => [s.id, s.dueAt === null, s.matchedCount])).toEqual([
      ['b', true, 1],
      ['a', true, 1],
      ['all-later', false, 25],
    ]);
    const some = checked(made, ['u-1', 'u-3'], scheduled);
    expect(some.travelerCount).toBe(1);
    expect(some.sends.map((s) => [s.id, s.matchedCount])).toEqual([
      ['b', 1],
      ['all-later', 2],
    ]);
    // Nothing sent in the window: none was, whatever is scheduled.
    expect(checked([], undefined, scheduled).travelerCount).toBe(0);
  });

  it('names up to 10 recent sends and, apart, up to 5 scheduled ones: scheduled ones never push recent ones out', () => {
    const made = Array.from({ length: 12 }, (_, i) => row(`s-${11 - i}`, 11 - i, ['u-1']));
    const scheduled = Array.from({ length: 8 }, (_, i) => planned(`p-${i}`, i, ['u-1']));
    const result = checked(made, ['u-1'], scheduled);
    expect(result.travelerCount).toBe(1);
    expect(result.sends.filter((s) => s.dueAt === null).map((s) => s.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `s-${11 - i}`),
    );
    expect(result.sends.filter((s) => s.dueAt !== null).map((s) => s.id)).toEqual([
      'p-0',
      'p-1',
      'p-2',
      'p-3',
      'p-4',
    ]);
  });

  it('names a scheduled send only if it covers some of them, and every scheduled reminder (0: read when it runs)', () => {
    const scheduled = [
      planned('other', 1, ['u-9']),
      planned('reminder', 2, [], { action: 'remind', scope: 'list', traveler_count: null }),
      planned('mine', 3, ['u-1', 'u-9']),
    ];
    const result = checked([], ['u-1'], scheduled);
    expect(result.travelerCount).toBe(0);
    expect(result.sends).toEqual([
      expect.objectContaining({ id: 'reminder', action: 'remind', status: 'scheduled', matchedCount: 0 }),
      expect.objectContaining({
        id: 'mine',
        action: 'send',
        matchedCount: 1,
        dueAt: new Date(SINCE + 24 * 60 * 60_000 + 3).toISOString(),
      }),
    ]);
  });
});
