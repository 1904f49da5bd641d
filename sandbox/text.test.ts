// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emailLocalPart, fold } from './text.ts';

describe('fold', () => {
  it.each([
    ['José García', 'jose garcia'],
    ['Søren Sørensen', 'soren sorensen'],
    ['Nguyễn Đức', 'nguyen duc'],
    ['Łukasz Wiśniewska', 'lukasz wisniewska'],
    ['Ayşe Yılmaz', 'ayse yilmaz'],
    ['Jürgen Schäfer', 'jurgen schafer'],
    ["Aoife O'Brien", "aoife o'brien"],
  ])('folds %s to %s', (input, folded) => {
    expect(fold(input)).toBe(folded);
  });
});

describe('emailLocalPart', () => {
  it('keeps ASCII letters, digits and hyphens, joining multi-word names with hyphens', () => {
    expect(emailLocalPart('Anne-Marie', "O'Brien")).toBe('anne-marie.obrien');
    expect(emailLocalPart('Daan', 'van den Berg')).toBe('daan.van-den-berg');
    expect(emailLocalPart('Đức', 'Nguyễn')).toBe('duc.nguyen');
  });
});
