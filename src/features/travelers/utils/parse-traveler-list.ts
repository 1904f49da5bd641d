/**
 * Reading a pasted list of travelers: emails or user ids, one a line or separated by commas, semicolons or tabs
 * (a column or a row copied from a spreadsheet). Pure, so every rule is pinned down by its tests.
 */

export type PastedKind = 'email' | 'userId' | 'other';

export interface PastedEntry {
  /** What the manager wrote, cleaned of spaces and quotes: what the console shows back. */
  text: string;
  kind: PastedKind;
  /** What entries are compared by: emails and UUIDs are case-insensitive, so lower case. */
  key: string;
}

export interface ParsedTravelerList {
  /** Every distinct entry, in the order pasted. */
  entries: PastedEntry[];
  /** Entries left out because an earlier one was the same. */
  duplicates: number;
}

const SEPARATORS = /[\r\n,;\t]+/;
// Straight and typographic quotes, as spreadsheets and word processors wrap cells.
const QUOTES = /^["'`\u2018\u2019\u201C\u201D]+|["'`\u2018\u2019\u201C\u201D]+$/g;
// "Ann Archer <ann.archer@acme.example>", as mail programs copy an address.
const ANGLE_ADDRESS = /<([^<>\s]+@[^<>\s]+)>\s*$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function clean(piece: string): string {
  let text = piece.trim();
  // Quotes and spaces can nest (` "ann@x" `), so strip until nothing changes.
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(QUOTES, '').trim();
  }
  const angle = ANGLE_ADDRESS.exec(text);
  if (angle) text = angle[1]!;
  return text.replace(/^mailto:/i, '');
}

function kindOf(text: string): PastedKind {
  if (EMAIL.test(text)) return 'email';
  if (UUID.test(text)) return 'userId';
  return 'other';
}

export function parseTravelerList(input: string): ParsedTravelerList {
  const entries: PastedEntry[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const piece of input.split(SEPARATORS)) {
    const text = clean(piece);
    if (!text) continue;
    const kind = kindOf(text);
    const key = kind === 'other' ? text : text.toLowerCase();
    if (seen.has(`${kind}:${key}`)) {
      duplicates++;
      continue;
    }
    seen.add(`${kind}:${key}`);
    entries.push({ text, kind, key });
  }
  return { entries, duplicates };
}
