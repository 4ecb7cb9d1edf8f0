/**
 * Numbers as written: numerals (`4,375`, `2.5 million`, `$7 billion`, `1,32,732` in the Indian
 * grouping, `100 000` with a space between thousands), number words (`three`,
 * `twenty-five`, `a dozen`, `two hundred and fifty`) and vague quantities (`dozens of`, `tens of
 * thousands of`). Each reader starts at a token and says where the number ends; none judges
 * whether the number is a figure.
 */
import { CURRENCY_SYMBOLS, lookUp, NUMBER_WORDS, SCALE_WORDS, VAGUE_QUANTITIES } from '../lexicon/figures.ts';
import { wordAfter, type Token } from '../text/tokens.ts';

/** A body and the tokens of one of its sentences, with offsets into the body. */
export interface BodyTokens {
  body: string;
  tokens: readonly Token[];
}

/** A number read from the tokens: its last token and where it ends in the body. */
export interface NumberRead {
  last: number;
  end: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** A currency symbol that ends right where a number starts. */
const CURRENCY_BEFORE = new RegExp(`(?:${CURRENCY_SYMBOLS.map(escape).join('|')})$`, 'u');

/** A currency symbol and nothing else: what a sum of money counts. */
export const CURRENCY_ONLY = new RegExp(`^(?:${CURRENCY_SYMBOLS.map(escape).join('|')})$`, 'u');

// Products are kept to 15 significant digits: 4.1 × 1e6 is 4099999.9999999995 in floating point, and `4.1 million` must be 4100000.
const round = (n: number): number => Number.parseFloat(n.toPrecision(15));

/** How a number word composes with those around it: `twenty` takes a unit after it, `hundred` multiplies what stands before. */
type WordPart = { kind: 'small' | 'tens' | 'hundred' | 'big' | 'dozen'; n: number };

/** The part a lower-case word plays in a number, or null when it is no number word. */
export function wordPart(lower: string): WordPart | null {
  const n = lookUp(NUMBER_WORDS, lower);
  if (n !== undefined) return { kind: n >= 20 && n % 10 === 0 ? 'tens' : 'small', n };
  const scale = lookUp(SCALE_WORDS, lower);
  if (scale === undefined) return null;
  if (lower === 'dozen') return { kind: 'dozen', n: scale };
  return { kind: lower === 'hundred' ? 'hundred' : 'big', n: scale };
}

/** `twenty-five` → 25; null when the word is not such a compound. */
function compoundValue(lower: string): number | null {
  const m = /^([a-z]+)[-‐]([a-z]+)$/u.exec(lower);
  if (!m) return null;
  const tens = lookUp(NUMBER_WORDS, m[1]!);
  const unit = lookUp(NUMBER_WORDS, m[2]!);
  if (tens === undefined || unit === undefined || tens < 20 || tens % 10 !== 0 || unit < 1 || unit > 9) return null;
  return tens + unit;
}

/**
 * Number words from token `i`: `three`, `twenty-five`, `twenty five`, `a dozen`, `two hundred and fifty`,
 * `one million`. A hyphenated word that only starts with a number word (`three-day`, `two-state`)
 * yields the number alone, ending inside the token, so that the `inside-word` exclusion turns it down.
 */
export function parseNumberWords(c: BodyTokens, i: number): (NumberRead & { value: number }) | null {
  const { body, tokens } = c;
  const t0 = tokens[i];
  if (!t0 || t0.kind !== 'word') return null;
  let k = i;
  let total = 0;
  let current = 0;
  let prev: WordPart['kind'] | 'start' = 'start';
  if (t0.lower === 'a' || t0.lower === 'an') {
    const next = wordAfter(body, tokens, i);
    const part = next ? wordPart(next.lower) : null;
    if (!part || part.kind === 'small' || part.kind === 'tens') return null;
    if (part.kind === 'big') total = part.n;
    else current = part.n;
    prev = part.kind;
    k = i + 1;
  } else {
    const compound = compoundValue(t0.lower);
    if (compound !== null) {
      current = compound;
      prev = 'small';
    } else {
      const part = wordPart(t0.lower);
      if (!part || (part.kind !== 'small' && part.kind !== 'tens')) {
        const head = /^([\p{L}]+)[-‐]/u.exec(t0.lower)?.[1];
        const n = head !== undefined ? lookUp(NUMBER_WORDS, head) : undefined;
        if (head === undefined || n === undefined) return null;
        return { last: i, end: t0.start + head.length, value: n };
      }
      current = part.n;
      prev = part.kind;
    }
  }
  // `two hundred and fifty` is one number, not three: keep reading while the words compose.
  for (;;) {
    let j = k;
    let next = wordAfter(body, tokens, j);
    if (next && next.lower === 'and' && (prev === 'hundred' || prev === 'big')) {
      j++;
      next = wordAfter(body, tokens, j);
    }
    if (!next) break;
    const compound = compoundValue(next.lower);
    const part: WordPart | null = compound !== null ? { kind: 'small', n: compound } : wordPart(next.lower);
    if (!part) break;
    const fits =
      part.kind === 'big' ||
      (part.kind === 'hundred' && prev === 'small' && current < 100) ||
      (part.kind === 'dozen' && prev === 'small' && current < 100) ||
      (part.kind === 'small' && prev === 'tens' && part.n < 10 && compound === null) ||
      ((part.kind === 'small' || part.kind === 'tens') && (prev === 'hundred' || prev === 'big'));
    if (!fits || (part.kind === 'big' && prev === 'big')) break;
    if (part.kind === 'small' || part.kind === 'tens') current += part.n;
    else if (part.kind === 'hundred' || part.kind === 'dozen') current = (current || 1) * part.n;
    else {
      total += (current || 1) * part.n;
      current = 0;
    }
    prev = part.kind;
    k = j + 1;
  }
  const last = tokens[k]!;
  return { last: k, end: last.end, value: total + current };
}

/** A vague quantity from token `i`: `dozens of`, `hundreds of thousands of`, `thousands` (its value is null). */
export function parseVague(c: BodyTokens, i: number): NumberRead | null {
  const { body, tokens } = c;
  const t0 = tokens[i];
  if (!t0 || t0.kind !== 'word' || !VAGUE_QUANTITIES.includes(t0.lower)) return null;
  let k = i;
  const of1 = wordAfter(body, tokens, k);
  const bigger = of1?.lower === 'of' ? wordAfter(body, tokens, k + 1) : null;
  // `tens of thousands of`: the bigger quantity is the plural of a scale word of a thousand or more.
  if ((t0.lower === 'tens' || t0.lower === 'hundreds') && bigger && VAGUE_QUANTITIES.includes(bigger.lower) && (lookUp(SCALE_WORDS, bigger.lower.replace(/s$/u, '')) ?? 0) >= 1e3) {
    k += 2;
  } else if (t0.lower === 'tens') {
    return null;
  }
  if (wordAfter(body, tokens, k)?.lower === 'of') k++;
  else if (t0.lower === 'scores') return null;
  return { last: k, end: tokens[k]!.end };
}

/**
 * A numeral whose commas group its digits: in thousands (`4,375`, `1,200,000.5`) or in the Indian
 * way, thousands then hundreds (`1,32,732` is 132,732; `2,07,204`). Commas anywhere else (`1,2,3`)
 * make a list or a code, not a number.
 */
export const GROUPED_NUMERAL = /^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3})(?:\.\d+)?$/u;

/**
 * A space between digit groups, as some house styles write thousands (`100 000`, `1 250 000`): one
 * plain, non-breaking, narrow or thin space, and nothing else.
 */
const GROUP_SPACE = /^[ \u00a0\u202f\u2009]$/u;

/**
 * The last token of a numeral whose thousands are set off by spaces (`100 000`): each group after
 * the first is exactly three digits, one space from the group before. The first group has one to
 * three digits and no comma, so `in 2019 300 people` stays a year and a count.
 */
function spacedGroupsEnd(c: BodyTokens, i: number): number {
  const { body, tokens } = c;
  if (!/^\d{1,3}$/u.test(tokens[i]!.text)) return i;
  let last = i;
  for (;;) {
    const next = tokens[last + 1];
    if (!next || next.kind !== 'number' || !/^\d{3}(?:\.\d+)?$/u.test(next.text) || !GROUP_SPACE.test(body.slice(tokens[last]!.end, next.start))) return last;
    last++;
    if (next.text.includes('.')) return last;
  }
}

/**
 * A numeral from token `i`, with a scale word after it (`2.5 million`) and a currency symbol before
 * it (`$7`). A numeral that is no plain number (`1,2,3`, `10:30`) has the value NaN.
 */
export function parseNumeral(c: BodyTokens, i: number): (NumberRead & { value: number; currency: string | null }) | null {
  const { body, tokens } = c;
  const t = tokens[i];
  if (!t || t.kind !== 'number') return null;
  let last = spacedGroupsEnd(c, i);
  const written = last === i ? t.text : tokens.slice(i, last + 1).map((g) => g.text).join('');
  const plain = written.replace(/,/gu, '');
  let value = /^\d+(?:\.\d+)?$/u.test(plain) ? Number.parseFloat(plain) : Number.NaN;
  const scaleWord = wordAfter(body, tokens, last);
  const scale = scaleWord ? lookUp(SCALE_WORDS, scaleWord.lower) : undefined;
  if (scale !== undefined && scaleWord!.lower !== 'dozen') {
    value = round(value * scale);
    last++;
  }
  const currency = CURRENCY_BEFORE.exec(body.slice(Math.max(0, t.start - 3), t.start))?.[0] ?? null;
  return { last, end: tokens[last]!.end, value, currency };
}
