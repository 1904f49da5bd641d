/**
 * Text folding for search, sorting and generated e-mail addresses. Names come from many cultures, so a
 * manager typing "jose" must find "José", "sorensen" must find "Sørensen", and the list must sort "Émile" with
 * the other E names rather than after Z (SQLite compares bytes).
 */

/** Letters that Unicode decomposition does not split into a base letter and a mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lower case, no diacritics: the form stored in the search and sort columns and applied to search terms. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øæœßłđðþı]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter);
}

/** The local part of a business e-mail address: ASCII letters, digits, dots and hyphens only. */
export function emailLocalPart(given: string, family: string): string {
  const clean = (part: string) =>
    fold(part)
      .replace(/[^a-z0-9 -]/g, '')
      .trim()
      .replace(/\s+/g, '-');
  return `${clean(given)}.${clean(family)}`;
}
