/**
 * How names and document numbers are made comparable before a blind index is
 * computed, so that spellings a caseworker would call "the same" match
 * exactly. Both sides of a search go through the same function.
 */

// Latin letters that Unicode does not decompose into a base letter plus a mark.
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
const UNDECOMPOSED_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g');
const APOSTROPHES = /['’ʼ‘`´]/g;

/** Unicode NFKD, then combining marks removed: "Ștefan" → "Stefan", "ﬁ" → "fi", "Ｍ" → "M". */
function stripDiacritics(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '');
}

/**
 * A person's name as compared for search: NFKD with diacritics removed,
 * lower-cased (full case folding of the letters above), apostrophes dropped
 * ("O'Brien" = "OBrien"), every other run of non-letters and non-digits
 * (spaces, hyphens, dots) made one space, trimmed.
 * Examples: "  ȘTEFAN-Ionuț " → "stefan ionut"; "Popescu" = "POPESCU" = "Popéscu".
 * Cyrillic and Greek letters keep their script ("Олена" → "олена"); "й" becomes "и"
 * (the breve is a mark), which widens matches slightly.
 * @returns "" when nothing comparable is left.
 */
export function normaliseName(value: string): string {
  return stripDiacritics(value.toLowerCase().replace(UNDECOMPOSED_PATTERN, (c) => UNDECOMPOSED[c]!))
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A full name as compared for search: the normalised name's words in sorted
 * order, so "Popescu Ion" (surname first, as Romanian registers write it) =
 * "Ion Popescu".
 */
export function normaliseFullName(...parts: (string | null | undefined)[]): string {
  return parts
    .map((part) => normaliseName(part ?? ''))
    .join(' ')
    .split(' ')
    .filter((word) => word !== '')
    .sort()
    .join(' ');
}

/**
 * A document number as compared for search: NFKD with diacritics removed,
 * upper-cased, and everything but letters and digits removed (spaces, dashes,
 * dots, slashes), so "rx 123-456" = "RX123456".
 * @returns "" when nothing comparable is left.
 */
export function normaliseDocumentNumber(value: string): string {
  return stripDiacritics(value)
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
