import { MONTH_ABBREVIATIONS } from '../lexicon/calendar.ts';
import { TITLE_ABBREVIATIONS } from '../lexicon/roles.ts';
import type { Sentence } from '../types.ts';

/**
 * Words that end in a full stop without ending a sentence when a capital or digit follows:
 * titles before names (`Gen. Yevgeny Korsak`), month abbreviations in datelines
 * (`OSTRAVIK, Mar. 25`), and the like. Lower-case, without the stop.
 */
export const NON_TERMINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...TITLE_ABBREVIATIONS,
  // months, as used in datelines
  ...MONTH_ABBREVIATIONS.map((m) => m.toLowerCase()),
  // references
  'no', 'nos', 'art', 'vol', 'p', 'pp', 'fig', 'vs', 'v', 'approx', 'est', 'ft', 'mt',
]);

/**
 * Initialisms such as `U.S.` or `U.N.`: a capital followed by a stop, repeated. Treated as
 * non-terminal, because in news text they are far more often followed by a noun (`U.S. forces`,
 * `U.S. President`) than by the end of a sentence.
 */
const INITIALISM = /(?:^|[\s(“"‘'])(?:\p{Lu}\.){2,}$/u;

/** A single initial in a name: `John F. Kennedy`. */
const NAME_INITIAL = /(?:^|\s)\p{Lu}\.$/u;

// ICU's sentence rules (through Intl.Segmenter) already handle closing quotes, ellipses and
// paragraph breaks; what they lack is a list of abbreviations, so a segment that ends in one is
// joined to the next. Made when first used: making one loads ICU's rules, some 12 ms, which a start
// from the saved index, splitting no text, does not pay.
let sentenceSegmenter: Intl.Segmenter | undefined;
const segmenter = (): Intl.Segmenter => (sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' }));

/**
 * The longest stretch of text given to the segmenter at once, in UTF-16 units. ICU's sentence
 * iterator slows down quadratically past some tens of kilobytes (100 KB in one call: over a
 * second), so a line longer than this is segmented in pieces.
 */
const MAX_PIECE = 8_192;

/** A segment of the text and where it starts. */
interface Segment {
  segment: string;
  index: number;
}

/**
 * The segmenter's segments of a whole text, a line at a time: a line break always ends a sentence
 * segment (Unicode's rule SB4), so each line, its break included, segments on its own exactly as it
 * does within the whole text, and the work grows with the text's length, not its square.
 */
function* segmentsOf(text: string): Generator<Segment> {
  let from = 0;
  while (from < text.length) {
    const newline = text.indexOf('\n', from);
    const to = newline === -1 ? text.length : newline + 1;
    yield* segmentsOfLine(text, from, to);
    from = to;
  }
}

/**
 * The segments of one line, in pieces of at most `MAX_PIECE`: a piece's last segment may end only
 * because the piece does, so it is segmented again with what follows. A single sentence longer
 * than a piece is cut at its last space, as no reader would take it for one sentence anyway.
 */
function* segmentsOfLine(text: string, from: number, to: number): Generator<Segment> {
  let start = from;
  while (to - start > MAX_PIECE) {
    const piece = text.slice(start, start + MAX_PIECE);
    const segments = [...segmenter().segment(piece)];
    if (segments.length > 1) {
      for (const { segment, index } of segments.slice(0, -1)) yield { segment, index: start + index };
      start += segments.at(-1)!.index;
      continue;
    }
    let cut = piece.search(/\s\S*$/u) + 1;
    if (cut <= 0) cut = /[\uD800-\uDBFF]$/u.test(piece) ? MAX_PIECE - 1 : MAX_PIECE;
    yield { segment: piece.slice(0, cut), index: start };
    start += cut;
  }
  for (const { segment, index } of segmenter().segment(text.slice(start, to))) yield { segment, index: start + index };
}

/** Whether a segment ends in a stop that does not end the sentence. */
function endsInAbbreviation(segment: string): boolean {
  const trimmed = segment.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  if (/\n/.test(segment.slice(trimmed.length))) return false; // a paragraph break always ends it
  if (INITIALISM.test(trimmed) || NAME_INITIAL.test(trimmed)) return true;
  const word = /([\p{L}]+)\.$/u.exec(trimmed)?.[1];
  return word !== undefined && NON_TERMINAL_ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * A wire dateline opening the body: `MARRACH (KNS) - `, `UNITED NATIONS (NPA) — `, `OSTRAVIK, Feb. 3 – `,
 * `KESSAR, April 9 (BNA) – `, `HALVIK, Northern Province - `, `HALVIK: `: a place in capitals with a date, an agency or its region. It says where the story
 * was filed, not what anyone said, so it is left out of the first sentence.
 */
const DATELINE = /^\s*(?:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:,\s+\p{Lu}\p{Ll}+\.?\s+\d{1,2}(?:\s+\(\p{Lu}[\p{L}\s.]{0,29}\))?|\s+\(\p{Lu}{2,}[\p{L}\s.]{0,28}\))|\p{Lu}{2,}[\p{Lu}'’.-]*(?:\s+\p{Lu}{2,}[\p{Lu}'’.-]*){0,3},\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})\s+[-–—]\s+|^\s*\p{Lu}{3,}(?:\s+\p{Lu}{3,}){0,2}:\s+/u;

/**
 * Splits an article body into sentences with their offsets in the body. Whitespace between
 * sentences belongs to none of them; paragraphs are separated by line breaks.
 */
export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let pendingStart: number | null = null;
  let lastEnd = 0;

  const close = (start: number, end: number): void => {
    // Trim surrounding whitespace (including non-breaking spaces) off the offsets, never the text.
    while (start < end && /\s/.test(body[start]!)) start++;
    while (end > start && /\s/.test(body[end - 1]!)) end--;
    if (end <= start) return;
    if (/\n/.test(body.slice(lastEnd, start)) && sentences.length > 0) paragraph++;
    sentences.push({ index: sentences.length, start, end, text: body.slice(start, end), paragraph });
    lastEnd = end;
  };

  const dateline = DATELINE.exec(body)?.[0].length ?? 0;
  for (const { segment, index } of segmentsOf(body)) {
    let start: number = pendingStart ?? index;
    if (start < dateline) start = Math.min(dateline, index + segment.length);
    if (endsInAbbreviation(segment) && index + segment.length < body.length) {
      pendingStart = start;
      continue;
    }
    pendingStart = null;
    close(start, index + segment.length);
  }
  if (pendingStart !== null) close(pendingStart, body.length);
  return sentences;
}
