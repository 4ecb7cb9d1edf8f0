/**
 * Tokens with offsets: the one tokenizer of the analysis. Every token keeps where it stands, so a
 * rule that reads tokens can always point back into the text it was given (`text.slice(t.start -
 * offset, t.end - offset) === t.text`), and into a whole body when it was given a part of one.
 */

/** A token: a number, a word or a single mark, with its offsets. */
export interface Token {
  /** `number`: digits, possibly joined by `,` `.` `:` `/` (`4,375`, `1.5`, `10:30`, `4/6/2021`); `word`: letters, possibly joined by inner hyphens and apostrophes (`twenty-five`, `Norland's`); `mark`: any other single character that is not white space. */
  kind: 'number' | 'word' | 'mark';
  /** The token as written. */
  text: string;
  /** `text` lower-cased, for look-ups in the lexicon. */
  lower: string;
  /** Offsets of the token: its place in the string given, plus the offset given. */
  start: number;
  end: number;
}

// A digit run and a letter run are separate tokens (`10km` is `10` and `km`), so a rule can see a
// number inside a word or a code by looking at what touches it.
const TOKEN = /(\d+(?:[.,:/]\d+)*)|([\p{L}\p{M}]+(?:['’\-‐][\p{L}\p{M}]+)*)|(\S)/gu;

/**
 * The tokens of `text` in order, white space left out. `offset` is added to every offset, so that
 * the tokens of a sentence can carry offsets into the body it was cut from.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0];
    const start = offset + m.index;
    const kind = m[1] !== undefined ? 'number' : m[2] !== undefined ? 'word' : 'mark';
    tokens.push({ kind, text: word, lower: word.toLowerCase(), start, end: start + word.length });
  }
  return tokens;
}

/** Whether `text` holds nothing but white space from `from` to `to` (an empty stretch counts; a reversed one does not). */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  return from <= to && /^\s*$/u.test(text.slice(from, to));
}

/** The word right before token `i`, with only white space of `text` between them (`text` is what the offsets point into), or null. */
export function wordBefore(text: string, tokens: readonly Token[], i: number): Token | null {
  const t = tokens[i - 1];
  const next = tokens[i];
  if (!t || !next || t.kind !== 'word' || !onlySpaceBetween(text, t.end, next.start)) return null;
  return t;
}

/** The word right after token `i`, with only white space of `text` between them, or null. */
export function wordAfter(text: string, tokens: readonly Token[], i: number): Token | null {
  const t = tokens[i + 1];
  const prev = tokens[i];
  if (!t || !prev || t.kind !== 'word' || !onlySpaceBetween(text, prev.end, t.start)) return null;
  return t;
}
