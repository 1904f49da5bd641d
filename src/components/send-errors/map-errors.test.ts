import { describe, expect, it } from 'vitest';
import type { ErrorMessage } from '#contract';
import { clearField, mapErrors, type MappedEntry } from './map-errors';

const ANN = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const CY = '33333333-3333-4333-8333-333333333333';
const SENT = [ANN, BOB, CY];

const indexes = (entries: readonly MappedEntry[] | undefined) => (entries ?? []).map((e) => e.index);

function map(...errorMessages: ErrorMessage[]) {
  return mapErrors({ debugIdentifier: 'dbg-1', errorMessages }, SENT);
}

describe('mapErrors', () => {
  it('puts an entry whose parameter is named `type` under Event type', () => {
    const mapped = map({ message: 'Wrong type', errorParameters: [{ name: 'type', value: 'PROGRAM' }] });
    expect(indexes(mapped.type)).toEqual([0]);
    expect(mapped.summary).toEqual([]);
    expect(mapped.entries[0]!.fields).toEqual([{ kind: 'type' }]);
  });

  it('puts an entry named `userIds` under the picker', () => {
    const mapped = map({ message: 'Too many', errorParameters: [{ name: 'userIds' }] });
    expect(indexes(mapped.userIds)).toEqual([0]);
    expect(mapped.summary).toEqual([]);
  });

  it('resolves `userIds[i].id` against the sent array when its value names no sent traveler', () => {
    const mapped = map(
      { message: 'Removed', errorParameters: [{ name: 'userIds[1].id', value: 'whatever' }] },
      { message: 'Bad id', errorParameters: [{ name: 'userIds[2]' }] },
    );
    expect(indexes(mapped.travelers.get(BOB))).toEqual([0]);
    expect(indexes(mapped.travelers.get(CY))).toEqual([1]);
    expect(mapped.travelers.has(ANN)).toBe(false);
  });

  it('trusts a value that names a sent traveler over the position `userIds[i]` (a record kept in another order)', () => {
    const mapped = map({ message: 'Removed', errorParameters: [{ name: 'userIds[0].id', value: CY }] });
    expect(indexes(mapped.travelers.get(CY))).toEqual([0]);
    expect(mapped.travelers.has(ANN)).toBe(false);
  });

  it('falls back to the value, then to the summary, when `userIds[i]` is out of range', () => {
    const mapped = map(
      { message: 'a', errorParameters: [{ name: 'userIds[7].id', value: ANN }] },
      { message: 'b', errorParameters: [{ name: 'userIds[9].id', value: 'nobody' }] },
    );
    expect(indexes(mapped.travelers.get(ANN))).toEqual([0]);
    expect(indexes(mapped.summary)).toEqual([1]);
  });

  it("puts an entry whose value is a sent traveler's id on that traveler, whatever the name", () => {
    const mapped = map(
      { message: 'No email', errorParameters: [{ name: 'travelerId', value: CY }] },
      { message: 'Not in event', errorParameters: [{ name: 'userIds', value: ANN }] },
      { message: 'Nameless', errorParameters: [{ value: BOB }] },
    );
    expect(indexes(mapped.travelers.get(CY))).toEqual([0]);
    expect(indexes(mapped.travelers.get(ANN))).toEqual([1]);
    expect(indexes(mapped.travelers.get(BOB))).toEqual([2]);
    expect(mapped.userIds).toEqual([]);
  });

  it('sends `eventId`, unknown names and entries without parameters to the summary', () => {
    const mapped = map(
      { message: 'Draft', errorParameters: [{ name: 'eventId', value: 'evt-1' }] },
      { message: 'Odd', errorParameters: [{ name: 'somethingElse', value: 'x' }] },
      { message: 'Bare' },
      { message: 'Empty list', errorParameters: [] },
      {},
    );
    expect(indexes(mapped.summary)).toEqual([0, 1, 2, 3, 4]);
    expect(mapped.type).toEqual([]);
    expect(mapped.userIds).toEqual([]);
    expect(mapped.travelers.size).toBe(0);
  });

  it('shows an entry with several parameters at each field it names, each field once', () => {
    const mapped = map({
      message: 'Everything is wrong',
      errorParameters: [
        { name: 'type' },
        { name: 'userIds' },
        { name: 'userIds[0].id' },
        { name: 'eventId' },
        { name: 'type', value: 'again' },
        { name: 'x', value: ANN },
      ],
    });
    expect(mapped.entries[0]!.fields).toEqual([
      { kind: 'type' },
      { kind: 'userIds' },
      { kind: 'traveler', userId: ANN },
    ]);
    expect(indexes(mapped.type)).toEqual([0]);
    expect(indexes(mapped.userIds)).toEqual([0]);
    expect(indexes(mapped.travelers.get(ANN))).toEqual([0]);
    expect(mapped.summary).toEqual([]);
  });

  it('never drops or merges entries: identical ones are both kept, in order', () => {
    const same: ErrorMessage = { errorCode: 'E1', message: 'Same', errorParameters: [{ name: 'type' }] };
    const fifty = Array.from({ length: 50 }, (_, i) => ({ message: `Entry ${i}` }));
    const mapped = map(same, { ...same }, ...fifty);
    expect(mapped.entries).toHaveLength(52);
    expect(indexes(mapped.type)).toEqual([0, 1]);
    expect(indexes(mapped.summary)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
  });

  it('resolves nothing to a traveler when no userIds were sent (invite all)', () => {
    const mapped = mapErrors(
      { errorMessages: [{ errorParameters: [{ name: 'userIds[0].id', value: ANN }] }] },
      [],
    );
    expect(indexes(mapped.summary)).toEqual([0]);
  });

  it('keeps the debug identifier and copes with an envelope that has no entries', () => {
    expect(mapErrors({ debugIdentifier: 'dbg-9' }, SENT)).toMatchObject({
      entries: [],
      debugIdentifier: 'dbg-9',
    });
  });

  it('is not fooled by ids that look like object internals', () => {
    const mapped = mapErrors({ errorMessages: [{ errorParameters: [{ name: 'userIds[0].id' }] }] }, [
      '__proto__',
    ]);
    expect(indexes(mapped.travelers.get('__proto__'))).toEqual([0]);
  });
});

describe('clearField', () => {
  const mapped = map(
    { message: 'type only', errorParameters: [{ name: 'type' }] },
    { message: 'type and Ann', errorParameters: [{ name: 'type' }, { name: 'userIds[0].id' }] },
    { message: 'Ann', errorParameters: [{ name: 'userIds[0].id' }] },
    { message: 'Bob', errorParameters: [{ name: 'userIds[1].id' }] },
    { message: 'picker', errorParameters: [{ name: 'userIds' }] },
    { message: 'summary' },
  );

  it("removes a changed field's entries and keeps the rest where they were", () => {
    const cleared = clearField(mapped, { kind: 'type' });
    expect(cleared.type).toEqual([]);
    expect(indexes(cleared.entries)).toEqual([1, 2, 3, 4, 5]);
    expect(indexes(cleared.travelers.get(ANN))).toEqual([1, 2]);
    expect(cleared.entries[0]!.fields).toEqual([{ kind: 'traveler', userId: ANN }]);
    expect(indexes(cleared.summary)).toEqual([5]);
    expect(cleared.debugIdentifier).toBe('dbg-1');
  });

  it('clears one traveler without touching another, and the picker on its own', () => {
    const withoutAnn = clearField(mapped, { kind: 'traveler', userId: ANN });
    expect(withoutAnn.travelers.has(ANN)).toBe(false);
    expect(indexes(withoutAnn.travelers.get(BOB))).toEqual([3]);
    expect(indexes(withoutAnn.type)).toEqual([0, 1]);
    const withoutPicker = clearField(withoutAnn, { kind: 'userIds' });
    expect(indexes(withoutPicker.entries)).toEqual([0, 1, 3, 5]);
  });

  it('does not change the input', () => {
    clearField(mapped, { kind: 'type' });
    expect(indexes(mapped.type)).toEqual([0, 1]);
  });
});
