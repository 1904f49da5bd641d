import { describe, expect, it } from 'vitest';
import { eventKeys } from './event-keys';

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) =>
  prefix.every((part, i) => JSON.stringify(key[i]) === JSON.stringify(part));

describe('eventKeys', () => {
  it('nests everything about one event under its detail key, so one invalidation refreshes it all', () => {
    expect(eventKeys.detail('e-1')).toEqual(['events', 'detail', 'e-1']);
    expect(startsWith(eventKeys.rsvpCounts('e-1'), eventKeys.detail('e-1'))).toBe(true);
    // The invites feature's keys follow the documented convention.
    expect(startsWith(['events', 'detail', 'e-1', 'invites', 'travelers'], eventKeys.detail('e-1'))).toBe(
      true,
    );
    expect(startsWith(eventKeys.rsvpCounts('e-2'), eventKeys.detail('e-1'))).toBe(false);
  });

  it('keeps lists apart from details', () => {
    const list = eventKeys.list('PAST_OR_COMPLETED', { offset: 0, limit: 25 });
    expect(startsWith(list, eventKeys.lists())).toBe(true);
    expect(startsWith(list, eventKeys.details())).toBe(false);
    expect(startsWith(eventKeys.detail('e-1'), eventKeys.all)).toBe(true);
  });
});
