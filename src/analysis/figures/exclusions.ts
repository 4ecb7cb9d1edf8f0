/**
 * Exclusion rules: numbers that are not figures (dates, times, ages, identifiers, …), each a named
 * rule that says what it recognises. `EXCLUSION_RULES` is tried in order and the first rule that
 * recognises a number turns it down; `explainNumbers` in `figures.ts` says which one did.
 */
import { WEEKDAYS } from '../lexicon/calendar.ts';
import {
  DIRECTION_WORDS, MEASUREMENT_UNITS, PRONOUN_ONE_DETERMINERS, PRONOUN_ONE_IDIOMS, REFERENCE_DETERMINERS, REFERENCE_WORDS, TIME_UNIT_MODIFIERS, TIME_UNITS,
  UNNAMED_SPEAKER_VERBS,
} from '../lexicon/figures.ts';
import { PLAIN_SPEECH_FORMS, SPEECH_VERBS } from '../lexicon/speech.ts';
import { wordAfter, wordBefore } from '../text/tokens.ts';
import { isPercentAfter, MONTH_WORDS, type Candidate } from './candidate.ts';
import { GROUPED_NUMERAL } from './numbers.ts';

/** What the exclusion rules remember of the sentence read so far. */
export interface SentenceSoFar {
  /** Where the last number turned down as an identifier ends, or -1: `exits 4 and 5` names two exits. */
  identifierEnd: number;
}

/** A named rule that turns down numbers that are not figures. */
export interface ExclusionRule {
  name: string;
  /** What it recognises, with an example. */
  recognises: string;
  /** Whether a number joined to one this rule turned down (by `and`, `or`, `to`, a dash) is turned down too. */
  carriesToJoined?: boolean;
  test(c: Candidate, sentence: SentenceSoFar): boolean;
}

const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\d/u;

/** Where the number's words start: at its qualifier, if it has one. */
const startOf = (c: Candidate): number => (c.qualifier ? c.qualifier.start : c.start);

function isInsideWord(c: Candidate): boolean {
  const b = c.body;
  const numStart = c.tokens[c.first]!.start;
  const before = b[numStart - 1] ?? ' ';
  const before2 = b[numStart - 2] ?? ' ';
  const after = b[c.end] ?? ' ';
  const after2 = b[c.end + 1] ?? ' ';
  if (c.kind === 'numeral' && (LETTER.test(before) || DIGIT.test(before))) return true;
  if (/[-‐–]/u.test(before) && (LETTER.test(before2) || DIGIT.test(before2))) return true;
  if (LETTER.test(after) || DIGIT.test(after)) return true;
  if (/[-‐–]/u.test(after) && (LETTER.test(after2) || DIGIT.test(after2))) return true;
  return false;
}

function isAge(c: Candidate): boolean {
  // `fell to zero`: nothing counted.
  if (c.value === 0 && c.counted === '') return true;
  if (c.counted === '' && c.qualifier === null && /\b(?:aged|under|over)\s+$/iu.test(c.body.slice(Math.max(0, c.start - 8), c.start)) && !isPercentAfter(c.body, c.end)) return true;
  if (c.kind !== 'numeral' || c.qualifier !== null || c.counted !== '') return false;
  const numStart = c.tokens[c.first]!.start;
  // Set off by commas after a word, and under 120: an age, not a count of the thing named.
  return /\p{L}[\p{L}'’-]+,\s*$/u.test(c.body.slice(Math.max(0, numStart - 40), numStart)) && /^\s*,/u.test(c.body.slice(c.end, c.end + 2)) && (c.value ?? 0) < 120;
}

const BLOCKS_AWAY = new RegExp(`^blocks?\\s+(?:away|from|${DIRECTION_WORDS.join('|')})\\b`, 'u');

function isMeasurement(c: Candidate): boolean {
  const numStart = c.tokens[c.first]!.start;
  if (/\b(?:magnitude|minus)\s+$/iu.test(c.body.slice(Math.max(0, numStart - 12), numStart))) return true;
  const after = c.body.slice(c.end, c.end + 24).trimStart().toLowerCase();
  // `two blocks away`: a distance in city blocks.
  if (BLOCKS_AWAY.test(after)) return true;
  return MEASUREMENT_UNITS.some((u) => after.startsWith(u) && !LETTER.test(after[u.length] ?? ' '));
}

const MONTH_BEFORE = new RegExp(`\\b(?:${MONTH_WORDS.join('|')})\\.?\\s+$`, 'u');
const MONTH_AFTER = new RegExp(`^\\s+(?:of\\s+)?(?:${MONTH_WORDS.join('|')})\\b`, 'u');

// The body is read across sentence boundaries, so a splitter that breaks after `Mar.` does not matter.
function isDate(c: Candidate): boolean {
  if (c.kind !== 'numeral') return false;
  if (c.tokens[c.first]!.text.includes('/')) return true;
  const numStart = c.tokens[c.first]!.start;
  return MONTH_BEFORE.test(c.body.slice(Math.max(0, numStart - 16), numStart)) || MONTH_AFTER.test(c.body.slice(c.end, c.end + 20));
}

function isYear(c: Candidate): boolean {
  const text = c.tokens[c.first]!.text;
  if (c.kind !== 'numeral' || c.last !== c.first || !/^(?:18|19|20)\d\d$/u.test(text)) return false;
  // `between 2018 and 2021` is a span of years, not a range of counts; a cue verb shows a count (`killed 2000 people`).
  return (c.qualifier === null || c.qualifier.text.toLowerCase() === 'between') && c.cueBefore === null;
}

function isDuration(c: Candidate): boolean {
  let next = wordAfter(c.body, c.tokens, c.last);
  if (next && TIME_UNIT_MODIFIERS.includes(next.lower)) next = wordAfter(c.body, c.tokens, c.last + 1);
  return next !== null && TIME_UNITS.includes(next.lower);
}

const REFERENCE_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${REFERENCE_WORDS.join('|')})\\.?\\s+$`, 'iu');

function isIdentifier(c: Candidate): boolean {
  const numTok = c.tokens[c.first]!;
  // Read in the body, so that a splitter breaking after `No.` does not matter.
  const from = startOf(c);
  if (REFERENCE_BEFORE.test(c.body.slice(Math.max(0, from - 16), from))) return true;
  if (c.kind === 'numeral') {
    // Malformed numerals (`1,2,3`, `1.2.3`) are codes or lists, not counts.
    if (c.value === null || Number.isNaN(c.value) || (numTok.text.includes(',') && !GROUPED_NUMERAL.test(numTok.text))) return true;
    const digits = numTok.text.split('.')[0]!;
    if (/^\d{5,}$/u.test(digits) || /^0\d/u.test(digits)) return true;
    if (c.body[numTok.start - 1] === '#') return true;
  }
  const prev = wordBefore(c.body, c.tokens, c.first);
  if (c.qualifier === null && prev) {
    // The first word of a sentence is capitalised whatever it is: `Some 40 …` is no name.
    const firstWord = c.tokens.find((t) => t.kind === 'word');
    const capitalised = /^\p{Lu}/u.test(prev.text);
    const numberCapitalised = c.kind === 'numeral' || /^\p{Lu}/u.test(numTok.text);
    if (capitalised && numberCapitalised && prev !== firstWord && !MONTH_WORDS.includes(prev.text) && !WEEKDAYS.includes(prev.text)) return true;
  }
  return false;
}

/** A speech verb right before `one NOUN`: `said one nurse`, `according to one nurse`. */
const SPEAKER_BEFORE = new RegExp(`\\b(?:${PLAIN_SPEECH_FORMS.join('|')}|according\\s+to)\\s+$`, 'iu');
/** A speech verb right after `one NOUN`: `one nurse told reporters`. */
const SPEAKER_AFTER = new RegExp(`^\\s+(?:${UNNAMED_SPEAKER_VERBS.flatMap((v) => SPEECH_VERBS[v]?.finite ?? []).join('|')})\\b`, 'iu');

function isPronounOne(c: Candidate): boolean {
  if (c.kind !== 'word' || c.value !== 1 || c.tokens[c.first]!.lower !== 'one' || c.last !== c.first) return false;
  const prev = wordBefore(c.body, c.tokens, c.first);
  const next = wordAfter(c.body, c.tokens, c.first);
  if (prev && PRONOUN_ONE_DETERMINERS.includes(prev.lower)) return true;
  if (next?.lower === 'another') return true;
  if (PRONOUN_ONE_IDIOMS.includes(next?.lower ?? '') && c.cueBefore === null) return true;
  // An unnamed speaker, not a count.
  if (c.counted !== '' && c.cueBefore === null) {
    const before = c.body.slice(Math.max(0, c.start - 16), c.start);
    const after = c.body.slice(c.countedEnd, c.countedEnd + 16);
    if (SPEAKER_BEFORE.test(before) || SPEAKER_AFTER.test(after)) return true;
  }
  // `one` alone, governed by no cue (`one of the largest`), is a pronoun; `killed one` is a count.
  return c.counted === '' && c.cueBefore === null;
}

/**
 * The exclusion rules, in the order they are tried. Order matters where two rules could claim a
 * number: an ordinal or a code is turned down before anything reads its neighbours, and a year
 * (`in 2019`) only after a date (`May 4, 2019`) has had its chance.
 */
export const EXCLUSION_RULES: readonly ExclusionRule[] = [
  {
    name: 'identifier-list',
    recognises: 'a number joined to an identifier right before it: the 5 of `between exits 3 and 5`',
    carriesToJoined: true,
    test: (c, sentence) => sentence.identifierEnd >= 0 && /^\s*(?:and|or|to|through|[-–])\s*$/u.test(c.body.slice(sentence.identifierEnd, startOf(c))),
  },
  {
    name: 'ordinal',
    recognises: 'a numeral with an ordinal suffix: `21st`, `2nd`, `4th` (word ordinals such as `first` are never read as numbers)',
    test: (c) => c.kind === 'numeral' && /^(?:st|nd|rd|th)(?![\p{L}])/iu.test(c.body.slice(c.end, c.end + 3)),
  },
  {
    name: 'inside-word',
    recognises: 'a number inside a word or a code: `F-16`, `COVID-19`, `A4`, `1980s`, `10km`, `12-year-old`, `three-day`, `2022-03-09`',
    test: isInsideWord,
  },
  {
    name: 'time-of-day',
    recognises: 'a time of day: `10:30`, `3 p.m.`, `9am`, `14:00 GMT`, `five o\'clock`, `six in the morning`',
    test: (c) =>
      (c.kind === 'numeral' && c.tokens[c.first]!.text.includes(':')) ||
      /^\s*(?:[ap]\.\s?m\.?|[ap]m\b|GMT\b|UTC\b|o['’]clock\b|hrs\b|in\s+the\s+(?:morning|afternoon|evening)\b|at\s+night\b)/iu.test(c.body.slice(c.end, c.end + 24)),
  },
  {
    name: 'measurement',
    recognises: 'a measurement: `magnitude 5.8`, `minus eight degrees`, `120 km/h`, `two blocks away` (`MEASUREMENT_UNITS`)',
    test: isMeasurement,
  },
  {
    name: 'age',
    recognises: 'an age set off after a name or noun (`Adeyemi, 47, was re-elected`, `the pilot, 52,`), `aged 34`, `children under five`, or `fell to zero`',
    test: isAge,
  },
  {
    name: 'date',
    recognises: 'a number next to a month or its abbreviation (`June 4`, `Sept. 9`, `4 June`, `4 of June`), or with slashes (`4/6/2021`)',
    test: isDate,
  },
  {
    name: 'year',
    recognises: 'a four-digit numeral from 1800 to 2099 with no thousands separator (`in 2019`, `the 2024 budget`), unless a cue verb counts it (`killed 2000 people`)',
    test: isYear,
  },
  {
    name: 'duration',
    recognises: 'a number before a time unit: `for three hours`, `two more weeks`, `five years old` (`TIME_UNITS`)',
    test: isDuration,
  },
  {
    name: 'identifier',
    recognises:
      'a number that names: after a reference word (`article 51`, `No. 5`, `gate 3`), after a capitalised word mid-sentence (`Pier 7`, `Chapter Seven`), five or more bare digits or a leading zero (`204117`, `007`), after `#`, or a malformed numeral (`1,2,3`)',
    carriesToJoined: true,
    test: isIdentifier,
  },
  {
    name: 'reference-not-count',
    recognises: 'a number word after a determiner, referring to things already named: `the two ministers`, `both three`, `all four`',
    test: (c) => {
      if (c.kind !== 'word' || c.qualifier !== null) return false;
      const prev = wordBefore(c.body, c.tokens, c.first);
      return prev !== null && REFERENCE_DETERMINERS.includes(prev.lower);
    },
  },
  {
    name: 'pronoun-one',
    recognises:
      '`one` as a pronoun (`no one`, `one another`, `one of the largest`, `at one point`) or an unnamed speaker (`said one nurse`, `one nurse told reporters`); `one member` and `killed one` stay counts',
    test: isPronounOne,
  },
];
