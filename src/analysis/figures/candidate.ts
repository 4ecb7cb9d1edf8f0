/**
 * A candidate: a number as found, with what stands around it (its qualifier, the cue before it, the
 * words it counts), before any rule judges it. `readCandidate` reads one from a token; `readRange`
 * widens it to a range (`6-9 hamlets`) when one starts there.
 */
import { MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS } from '../lexicon/calendar.ts';
import { IRREGULAR_PLURALS, MEMBERSHIP_WORDS, PERCENT_WORDS, QUALIFIERS, STOP_WORDS, VAGUE_QUANTITIES, type CueCategory } from '../lexicon/figures.ts';
import { onlySpaceBetween, type Token } from '../text/tokens.ts';
import type { Sentence } from '../types.ts';
import { CLOSING_QUOTE_MARKS, CUE_ANY, cueBefore, isVerbLike, OPENING_QUOTE_MARKS } from './cues.ts';
import { parseNumberWords, parseNumeral, parseVague, wordPart, type BodyTokens } from './numbers.ts';

/** A number as found, before it is judged: what the exclusion and category rules read. */
export interface Candidate extends BodyTokens {
  sentence: Sentence;
  /** First and last token of the number itself. */
  first: number;
  last: number;
  /** Offsets of the number (with a currency symbol before it, if any). */
  start: number;
  end: number;
  value: number | null;
  kind: 'numeral' | 'word' | 'vague';
  currency: string | null;
  qualifier: { text: string; start: number; first: number } | null;
  /** The cue that governs the number from before it (see `BEFORE_CUES`), before any restriction. */
  cueBefore: { category: CueCategory; cue: string } | null;
  /** The counted words (possibly empty) and where they end. */
  counted: string;
  countedEnd: number;
  countedHead: string;
  countedModifiers: string[];
  /** Whether the number is a group's size, joined to a word of membership: `a 157-member team`, `a 40-strong contingent`. */
  groupSize: boolean;
}

/** At most this many counted words: a head noun and up to three modifiers (`river patrol boats`). */
export const MAX_COUNTED_WORDS = 4;

/** Month names and abbreviations, capitalised: a number next to one is a date, and one before a number is no name. */
export const MONTH_WORDS: readonly string[] = [...MONTHS, ...MONTH_ABBREVIATIONS];

/** A word of membership joined to a number by a hyphen: the `-member` of `a 157-member team` (`MEMBERSHIP_WORDS`). */
const MEMBERSHIP = new RegExp(`^[-‐](?:${MEMBERSHIP_WORDS.join('|')})(?![\\p{L}\\p{N}-])`, 'iu');

const PERCENT = new RegExp(`^(?:%|\\s*(?:${PERCENT_WORDS.map((w) => w.replace(/ /gu, '\\s+')).join('|')})\\b)`, 'iu');

/** Whether a number is followed by a percent sign or word: `12%`, `12 percent`, `3 percentage points`. */
export function isPercentAfter(body: string, end: number): boolean {
  return PERCENT.test(body.slice(end, end + 24));
}

const QUALIFIER_WORDS: readonly string[][] = [...QUALIFIERS].map((q) => q.split(' ')).sort((a, b) => b.length - a.length);

/** The qualifier right before token `first`, as written, starting no earlier than token `floor`. */
function qualifierBefore(c: BodyTokens, first: number, numberStart: number, floor: number): Candidate['qualifier'] {
  for (const words of QUALIFIER_WORDS) {
    const from = first - words.length;
    if (from < floor) continue;
    let ok = true;
    for (let w = 0; w < words.length && ok; w++) {
      const t = c.tokens[from + w]!;
      const nextStart = w + 1 < words.length ? c.tokens[from + w + 1]!.start : numberStart;
      ok = t.kind === 'word' && t.lower === words[w] && onlySpaceBetween(c.body, t.end, nextStart);
    }
    if (ok) {
      const start = c.tokens[from]!.start;
      const end = c.tokens[first - 1]!.end;
      return { text: c.body.slice(start, end), start, first: from };
    }
  }
  return null;
}

/** Whether a word is written in capitals (`US`, `UN`): an acronym, never a stop word. */
function isAllCaps(t: Token): boolean {
  return t.text.length > 1 && t.text === t.text.toUpperCase() && /[\p{L}\p{M}]/u.test(t.text);
}

function isStopWord(t: Token): boolean {
  if (isAllCaps(t) && t.lower !== 'a') return false; // `US troops`, not the pronoun `us`
  return STOP_WORDS.has(t.lower) || MONTH_WORDS.includes(t.text) || WEEKDAYS.includes(t.text) || wordPart(t.lower) !== null || VAGUE_QUANTITIES.includes(t.lower);
}

/** Whether a qualifier starts at token `k` and a number follows it: `more than 40`, where the counted words before must end. */
function opensQualifiedNumber(c: BodyTokens, k: number): boolean {
  return QUALIFIER_WORDS.some((words) => {
    const after = c.tokens[k + words.length];
    if (!after || (after.kind !== 'number' && wordPart(after.lower) === null)) return false;
    return words.every((w, j) => c.tokens[k + j]?.lower === w);
  });
}

function isPluralLike(t: Token): boolean {
  if (IRREGULAR_PLURALS.has(t.lower)) return true;
  if (isAllCaps(t) || t.lower.length < 4 || /['’]s$/u.test(t.lower)) return false;
  if (/men$/u.test(t.lower)) return true; // servicemen, gunmen
  return /s$/u.test(t.lower) && !/(?:ss|us|is)$/u.test(t.lower);
}

/**
 * An initialism written with dots from token `k` (`U.S.`, `U.N.`, `E.U.`), as one word token, with
 * the index of its last token; null when none starts there. The tokenizer splits it at each dot.
 */
function initialismAt(c: BodyTokens, k: number): { word: Token; last: number } | null {
  let j = k;
  while (/^\p{Lu}$/u.test(c.tokens[j]?.text ?? '') && c.tokens[j + 1]?.text === '.' && c.tokens[j + 1]!.start === c.tokens[j]!.end) {
    const next = c.tokens[j + 2];
    j += 1;
    if (!next || next.start !== c.tokens[j]!.end || !/^\p{Lu}$/u.test(next.text)) break;
    j += 1;
  }
  if (j - k < 3) return null;
  const first = c.tokens[k]!;
  const last = c.tokens[j]!;
  const text = c.body.slice(first.start, last.end);
  return { word: { kind: 'word', text, lower: text.toLowerCase(), start: first.start, end: last.end }, last: j };
}

/**
 * A model designation from token `k` (`F-15s`, `MQ-9`, `Su-25`), as one word token, with the index
 * of its last token; null when none starts there. The tokenizer splits it at the hyphen and the digits.
 */
function designationAt(c: BodyTokens, k: number): { word: Token; last: number } | null {
  const [letters, dash, digits, suffix] = [c.tokens[k], c.tokens[k + 1], c.tokens[k + 2], c.tokens[k + 3]];
  if (!letters || !dash || !digits || letters.kind !== 'word' || !/^\p{Lu}[\p{Lu}\p{Ll}]{0,2}$/u.test(letters.text)) return null;
  if (!/^[-‐]$/u.test(dash.text) || dash.start !== letters.end || digits.kind !== 'number' || digits.start !== dash.end) return null;
  const last = suffix && suffix.kind === 'word' && suffix.start === digits.end && suffix.text.length <= 2 ? k + 3 : k + 2;
  const end = c.tokens[last]!.end;
  const text = c.body.slice(letters.start, end);
  return { word: { kind: 'word', text, lower: text.toLowerCase(), start: letters.start, end }, last };
}

/**
 * The counted words after the number: a run of up to `MAX_COUNTED_WORDS` words that are not stop words,
 * ending at the last plural-looking word (the head noun: `river patrol boats`), or, when
 * none looks plural, at the last word that does not look like a verb (`one member`). A verb-looking
 * word after a plural ends the run (`7 shells exploded`, `80 others injured`), and so does the
 * qualifier of the next number (`dozens more than 40`: `more` qualifies the 40).
 */
function countedAfter(c: BodyTokens, after: number, from: number): Token[] {
  const run: Token[] = [];
  let end = from;
  let sawPlural = false;
  for (let k = after; k < c.tokens.length && run.length < MAX_COUNTED_WORDS; k++) {
    const initialism = initialismAt(c, k) ?? designationAt(c, k);
    // `three U.S. soldiers`, `two F-15s`: an initialism or a model is one word, not one cut short by its dots or hyphen.
    if (initialism && onlySpaceBetween(c.body, end, initialism.word.start)) {
      run.push(initialism.word);
      end = initialism.word.end;
      k = initialism.last;
      continue;
    }
    const t = c.tokens[k]!;
    if (t.kind !== 'word' || !onlySpaceBetween(c.body, end, t.start) || isStopWord(t) || opensQualifiedNumber(c, k)) break;
    if (sawPlural && isVerbLike(t)) break;
    run.push(t);
    end = t.end;
    if (isPluralLike(t)) sawPlural = true;
  }
  let head = -1;
  for (let h = run.length - 1; h >= 0; h--) {
    if (isPluralLike(run[h]!)) {
      head = h;
      break;
    }
  }
  if (head < 0) {
    head = run.length - 1;
    // A first word in -ing that is no cue is a noun (`one building`); other verb-looking words end the count.
    while (head >= 0 && isVerbLike(run[head]!) && !(head === 0 && /ing$/u.test(run[head]!.lower) && !CUE_ANY.has(run[head]!.lower))) head--;
  }
  return run.slice(0, head + 1);
}

/**
 * Reads the number at token `i`, with everything around it; null when no number starts there. Its
 * qualifier starts no earlier than token `floor`, the first token after the figure before, so that
 * two figures never share a word.
 */
export function readCandidate(body: string, tokens: readonly Token[], sentence: Sentence, i: number, floor = 0): Candidate | null {
  const ctx: BodyTokens = { body, tokens };
  const first = i;
  let last: number;
  let end: number;
  let value: number | null;
  let kind: Candidate['kind'];
  let currency: string | null = null;
  const numeral = parseNumeral(ctx, i);
  if (numeral) {
    ({ last, end, value, currency } = numeral);
    kind = 'numeral';
  } else {
    const vague = parseVague(ctx, i);
    const words = vague ? null : parseNumberWords(ctx, i);
    if (vague) {
      ({ last, end } = vague);
      value = null;
      kind = 'vague';
    } else if (words) {
      ({ last, end, value } = words);
      kind = 'word';
    } else return null;
  }
  // `a 157-member team`, `a three-member panel`: the group's size, a count of its members, not a modifier to turn down.
  let groupSize = false;
  const membership = MEMBERSHIP.exec(body.slice(end, end + 16));
  // (`a one-man show` is no group: a group has members.)
  if (membership && kind !== 'vague' && (value ?? 0) > 1) {
    const to = end + membership[0].length;
    const at = tokens.findIndex((t, k) => k >= last && t.end === to);
    if (at >= 0) {
      last = at;
      end = to;
      groupSize = true;
    }
  }
  const numStart = tokens[first]!.start;
  const start = currency ? numStart - currency.length : numStart;
  const qualifier = qualifierBefore(ctx, first, start, floor);
  const cue = cueBefore(ctx, qualifier ? qualifier.first : first);
  let counted = '';
  let countedEnd = end;
  let countedHead = '';
  let countedModifiers: string[] = [];
  const pct = PERCENT.exec(body.slice(end, end + 24));
  const lastTok = tokens[last]!;
  if (pct && last === first && kind === 'numeral') {
    countedEnd = end + pct[0].length;
    counted = pct[0].trimStart();
    countedHead = counted;
  } else if (!(kind === 'word' && end < lastTok.end && !groupSize)) {
    // (A number word that ends inside its token, `three-day`, counts nothing: it is a modifier.)
    // `in 30 “massacres”`: quote marks around what is counted (the writer's distance from a word) do not hide it.
    const open = tokens[last + 1];
    const quoted = open !== undefined && OPENING_QUOTE_MARKS.includes(open.text) && onlySpaceBetween(body, end, open.start) && tokens[last + 2]?.start === open.end;
    const words = quoted ? countedAfter(ctx, last + 2, open.end) : countedAfter(ctx, last + 1, end);
    if (words.length > 0) {
      countedEnd = words[words.length - 1]!.end;
      counted = body.slice(words[0]!.start, countedEnd);
      countedHead = words[words.length - 1]!.text;
      countedModifiers = words.slice(0, -1).map((w) => w.text);
      const close = body[countedEnd];
      if (quoted && close !== undefined && CLOSING_QUOTE_MARKS.includes(close)) countedEnd++;
    }
  }
  if (counted === '' && currency) counted = currency;
  return {
    body, tokens, sentence, first, last, start, end, value, kind, currency, qualifier,
    cueBefore: cue, counted, countedEnd, countedHead, countedModifiers, groupSize,
  };
}

const isYearLike = (c: Candidate): boolean => c.kind === 'numeral' && /^(?:18|19|20)\d\d$/u.test(c.tokens[c.first]!.text);

/**
 * A range starting at candidate `c`: `6-9 hamlets`, `between 12 and 18 shells`, `400 to 600
 * fighters`. The range is one figure from the low end to the high end, with the high end's counted
 * words. Not a range: a change (`from 14 to 22`), a count with its own noun before `to`, years.
 */
export function readRange(body: string, tokens: readonly Token[], sentence: Sentence, c: Candidate): { candidate: Candidate; upper: number } | null {
  if (c.counted !== '' || c.value === null) return null;
  const joiner = tokens[c.last + 1];
  if (!joiner) return null;
  const hyphen = /^[-–‐]$/u.test(joiner.text) && joiner.start === c.end && tokens[c.last + 2]?.start === joiner.end && c.kind === 'numeral';
  const between = c.qualifier?.text.toLowerCase() === 'between';
  const word = (joiner.lower === 'to' && !between) || (joiner.lower === 'and' && between);
  if (!hyphen && !word) return null;
  if (word && /\bfrom\s+$/iu.test(body.slice(Math.max(0, c.start - 8), c.qualifier ? c.qualifier.start : c.start))) return null;
  const high = readCandidate(body, tokens, sentence, c.last + 2);
  if (!high || high.value === null || high.kind === 'vague' || high.value < c.value) return null;
  if (isYearLike(c) || isYearLike(high)) return null;
  // `2022-03-09`: a date, not a range.
  if (hyphen && /^[-–‐]\d/u.test(body.slice(high.end, high.end + 2))) return null;
  return { candidate: { ...high, first: c.first, start: c.start, value: c.value, qualifier: c.qualifier, cueBefore: c.cueBefore }, upper: high.value };
}
