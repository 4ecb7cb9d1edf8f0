/**
 * Numeric figures in an article body: `at least 17 miners` killed, `eight times` attacked.
 *
 * `findFigures` is a pure function over a body and its sentences. The body is never normalised:
 * every offset points into it as given (non-breaking spaces and curly quotes included), so
 * `body.slice(f.start, f.end) === f.text`.
 *
 * A figure is: [qualifier] number [counted words]
 *   - qualifier: one of `QUALIFIERS`, right before the number (`at least`, `A total of`);
 *   - number: a numeral (`4,375`, `2.5 million`, `$7 billion`), number words (`three`, `twenty-five`,
 *     `a dozen`, `two hundred`) or a vague quantity (`dozens of`, `tens of thousands of`, value null);
 *     see `numbers.ts`;
 *   - counted: up to `MAX_COUNTED_WORDS` words after the number, ending at the head noun
 *     (`13 border guards`, `two river patrol boats`), or `%`/`percent`. When the text leaves
 *     the noun out (`31 raids in the north and 6 in the south`), `counted` is borrowed from the
 *     figure before in the sentence while `text` stays the figure's own words (`6`).
 *
 * Each number found is judged by two ordered tables of named rules, whose names travel with the
 * decision:
 *   - `EXCLUSION_RULES` (`exclusions.ts`) turn down numbers that are not figures: dates, times,
 *     ages, identifiers, …; `explainNumbers` lists which rule turned each one down;
 *   - `CATEGORY_RULES` (`categories.ts`) give each figure its category, first match wins; the
 *     rule's name is kept as `figure.rule`.
 * The words the rules read live in `src/analysis/lexicon/figures.ts` and `calendar.ts`.
 */
import { tokenize } from '../text/tokens.ts';
import type { Figure, Sentence } from '../types.ts';
import { readCandidate, readRange } from './candidate.ts';
import { categorise } from './categories.ts';
import { EXCLUSION_RULES, type SentenceSoFar } from './exclusions.ts';
import { CURRENCY_ONLY } from './numbers.ts';

export { CATEGORY_RULES, type CategoryRule, type CategoryRuleName } from './categories.ts';
export { BEFORE_CUES } from './cues.ts';
export { EXCLUSION_RULES, type ExclusionRule } from './exclusions.ts';

/** A number of a body as the rules judged it: the figure it became, or the exclusion rule that turned it down. */
export interface NumberReading {
  /** The number's words: the figure's text, or the number with its qualifier when it was turned down. */
  text: string;
  start: number;
  end: number;
  /** Index of the sentence that holds it. */
  sentence: number;
  /** The rule that decided: the category rule of a figure, or the exclusion rule that turned it down. */
  rule: string;
  /** The figure it became, or null when it was turned down. */
  figure: Figure | null;
  /** The cue that governs it from before (one of `BEFORE_CUES`), if any: what `cue-before` read. */
  cueBefore: string | null;
}

/** Reads every number of the body in order and tells `found` how each was judged. */
function readNumbers(articleId: string, body: string, sentences: readonly Sentence[], found: (reading: NumberReading) => void): void {
  /** The last figure of the sentence before: `This included …` refers to it. */
  let previousSentence: Figure | null = null;
  for (const sentence of sentences) {
    const tokens = tokenize(sentence.text, sentence.start);
    let previous: Figure | null = null;
    const soFar: SentenceSoFar = { identifierEnd: -1 };
    /** The first token after the last figure: what a qualifier may start at. */
    let floor = 0;
    for (let i = 0; i < tokens.length; ) {
      const c = readCandidate(body, tokens, sentence, i, floor);
      if (!c) {
        i++;
        continue;
      }
      const range = readRange(body, tokens, sentence, c);
      const number = range?.candidate ?? c;
      i = number.last + 1;
      const start = number.qualifier ? number.qualifier.start : number.start;
      const excluded = EXCLUSION_RULES.find((rule) => rule.test(number, soFar));
      if (excluded) {
        if (excluded.carriesToJoined) soFar.identifierEnd = number.end;
        found({ text: body.slice(start, number.end), start, end: number.end, sentence: sentence.index, rule: excluded.name, figure: null, cueBefore: number.cueBefore?.cue ?? null });
        continue;
      }
      const ownCounted = number.counted !== '' && number.counted !== number.currency;
      let counted = number.counted;
      const end = ownCounted ? number.countedEnd : number.end;
      // Elision: `31 raids in the north and 6 in the south`: `6` counts what the figure before counts.
      // A sum of money (`$7 billion`) counts nothing to hand on.
      if (number.counted === '' && previous && previous.counted !== '' && !CURRENCY_ONLY.test(previous.counted)) counted = previous.counted;
      const figure: Figure = {
        articleId,
        start,
        end,
        text: body.slice(start, end),
        value: number.value,
        upper: range?.upper ?? null,
        qualifier: number.qualifier?.text ?? null,
        counted,
        category: 'other',
        sentence: sentence.index,
        rule: 'otherwise-other',
      };
      ({ category: figure.category, rule: figure.rule } = categorise(number, figure, previous, previousSentence, ownCounted));
      previous = figure;
      found({ text: figure.text, start, end, sentence: sentence.index, rule: figure.rule, figure, cueBefore: number.cueBefore?.cue ?? null });
      while (i < tokens.length && tokens[i]!.end <= end) i++;
      floor = i;
    }
    previousSentence = previous;
  }
}

/**
 * Finds the numeric figures of an article body. `sentences` are the body's sentences with their offsets,
 * in order; each figure's `sentence` is the index of the sentence that holds it, and
 * `body.slice(f.start, f.end) === f.text`. Figures come in body order.
 */
export function findFigures(articleId: string, body: string, sentences: readonly Sentence[]): Figure[] {
  const figures: Figure[] = [];
  readNumbers(articleId, body, sentences, (reading) => {
    if (reading.figure) figures.push(reading.figure);
  });
  return figures;
}

/**
 * Every number of an article body as the rules judged it, figures and numbers turned down alike, in
 * body order: what to read when a figure is missing or wrong (`sentences` as for `findFigures`).
 */
export function explainNumbers(articleId: string, body: string, sentences: readonly Sentence[]): NumberReading[] {
  const readings: NumberReading[] = [];
  readNumbers(articleId, body, sentences, (reading) => readings.push(reading));
  return readings;
}
