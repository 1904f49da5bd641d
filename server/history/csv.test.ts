// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.ts';

describe('CSV cells', () => {
  it('writes plain text, numbers and nothing as they are', () => {
    expect(csvCell('Team Offsite')).toBe('Team Offsite');
    expect(csvCell('Sofía Álvarez')).toBe('Sofía Álvarez');
    expect(csvCell(400)).toBe('400');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes a cell holding a quote, a comma or a line break, doubling its quotes (RFC 4180)', () => {
    expect(csvCell('Webb, Marcus')).toBe('"Webb, Marcus"');
    expect(csvCell('the "big" one')).toBe('"the ""big"" one"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it.each([
    ['=HYPERLINK("https://evil.example","Click")', `"'=HYPERLINK(""https://evil.example"",""Click"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['=1,2', `"'=1,2"`],
    [' =1+1', "' =1+1"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['\uFF20SUM(A1)', "'\uFF20SUM(A1)"],
  ])('neutralises %j, which a spreadsheet would run as a formula', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    // Excel in a `;` locale splits this cell in two, the second a live formula.
    ['x;=HYPERLINK("http://evil.example","y")', `"x;'=HYPERLINK(""http://evil.example"",""y"")"`],
    ['x; =1+1', "x; '=1+1"],
    ['a,+b', `"a,'+b"`],
    ['a|@b', "a|'@b"],
    ['a\t-b', "a\t'-b"],
    ['a \uFF0B1', "a '\uFF0B1"],
    ['Sales - EMEA', "Sales '- EMEA"],
  ])('neutralises %j, where a spreadsheet splitting the cell would start a formula', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves a formula character that does not start the cell alone', () => {
    expect(csvCell('a=b+c-d@e')).toBe('a=b+c-d@e');
    expect(csvCell('2026-05-01T09:00:00.000Z')).toBe('2026-05-01T09:00:00.000Z');
  });

  it('ends a record with CRLF', () => {
    expect(csvLine(['a', 1, null, '-x'])).toBe("a,1,,'-x\r\n");
  });
});
