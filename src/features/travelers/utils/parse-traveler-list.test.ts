import { describe, expect, it } from 'vitest';
import { parseTravelerList } from './parse-traveler-list';

const ID = '3f2b8c1e-0d4a-4c5e-9b7f-1a2b3c4d5e6f';
const texts = (input: string) => parseTravelerList(input).entries.map((e) => e.text);

describe('parseTravelerList', () => {
  it('reads one entry a line, and entries separated by commas, semicolons or tabs', () => {
    expect(texts('a@x.com\nb@x.com\r\nc@x.com,d@x.com;e@x.com\tf@x.com')).toEqual([
      'a@x.com',
      'b@x.com',
      'c@x.com',
      'd@x.com',
      'e@x.com',
      'f@x.com',
    ]);
  });

  it('trims spaces and straight, single and typographic quotes around each entry', () => {
    expect(texts(`  "a@x.com" , 'b@x.com';\u201Cc@x.com\u201D\t " d@x.com "  `)).toEqual([
      'a@x.com',
      'b@x.com',
      'c@x.com',
      'd@x.com',
    ]);
  });

  it('skips blank lines and empty cells', () => {
    expect(texts('\n\na@x.com\n   \n,,;\t\t\nb@x.com\n\n')).toEqual(['a@x.com', 'b@x.com']);
    expect(parseTravelerList('  \n ; , \t ').entries).toEqual([]);
  });

  it('tells emails, user ids and anything else apart', () => {
    expect(parseTravelerList(`ann@acme.example\n${ID}\nAnn Archer\n12345`).entries).toEqual([
      { text: 'ann@acme.example', kind: 'email', key: 'ann@acme.example' },
      { text: ID, kind: 'userId', key: ID },
      { text: 'Ann Archer', kind: 'other', key: 'Ann Archer' },
      { text: '12345', kind: 'other', key: '12345' },
    ]);
  });

  it('compares emails and ids case-insensitively, keeping the first spelling and counting the repeats', () => {
    const parsed = parseTravelerList(
      `Ann@Acme.Example\nann@acme.example\n"ANN@ACME.EXAMPLE"\n${ID.toUpperCase()}\n${ID}`,
    );
    expect(parsed.entries).toEqual([
      { text: 'Ann@Acme.Example', kind: 'email', key: 'ann@acme.example' },
      { text: ID.toUpperCase(), kind: 'userId', key: ID },
    ]);
    expect(parsed.duplicates).toBe(3);
  });

  it('takes the address out of "Name <email>" and mailto: links, as mail programs copy them', () => {
    expect(texts('Ann Archer <ann@acme.example>\nmailto:bob@acme.example')).toEqual([
      'ann@acme.example',
      'bob@acme.example',
    ]);
  });

  it('reads a block copied from a spreadsheet: rows of tab-separated cells', () => {
    const sheet = '"ann@acme.example"\t"bob@acme.example"\r\n"cy@acme.example"\t\r\n';
    expect(texts(sheet)).toEqual(['ann@acme.example', 'bob@acme.example', 'cy@acme.example']);
  });
});
