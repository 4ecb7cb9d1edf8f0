/**
 * What a quotation is in its sentence: a whole statement, a phrase inside the reporter's words, or
 * a scare quote nobody is said to have spoken.
 */
import type { QuotationKind, Sentence } from '../types.ts';
import { FUNCTION_WORDS, NAME_PARTICLES } from '../lexicon/names.ts';
import { FINITE_SPEECH_FORMS, NAMING_PARTICIPLES } from '../lexicon/speech.ts';
import type { QuoteSpan } from './spans.ts';

/** Words that show a quotation is held at a distance rather than reported: nobody's statement. */
const SCARE_LEAD = new RegExp(
  `(?:so-called|so called|what (?:it|they|he|she|\\p{Lu}[\\p{L}-]*) (?:calls?|called|terms?|termed|describes? as|described as|dubs?|dubbed)(?:\\s+(?:the|a|an|its|their|his|her)\\s+[\\p{L}'’-]+(?:\\s+[\\p{L}'’-]+)?)?|(?:${NAMING_PARTICIPLES.join('|')})|designat(?:es?|ed)\\s+(?:[^"“”.,]{0,40}\\s)?as(?:\\s+(?:an?|the))?|description of [^"“”]{1,40} as|(?:(?:widely|commonly|locally|also|now|once)\\s+)?(?:known|referred to)\\s+as(?:\\s+(?:an?|the))?)\\s*$`,
  'u',
);

/** Words a title leaves in lower case: `Shoulder to Shoulder with Marrach`. */
const TITLE_SMALL_WORDS = new Set(['a', 'the', 'and', 'or', 'of', 'in', 'on', 'with', 'for', 'to', 'at', 'by', 'from', ...NAME_PARTICLES]);

/**
 * A name in quote marks (`“Operation Sirocco”`, `"Western Anvil"`, `“Shoulder to Shoulder with Marrach”`):
 * every word capitalised but the small ones, no closing stop. It names a thing; nobody says it.
 */
function isTitle(text: string): boolean {
  const words = text.split(/\s+/u);
  if (words.length < 2 || words.length > 8 || /[.!?,;:]$/u.test(text)) return false;
  // A number may end an exercise's or a plan's name: `Keepers of the Bay 1405`.
  // (`Laylat al-Noor`: a particle joined to a capitalised word is part of a name.)
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && TITLE_SMALL_WORDS.has(w.replace(/-\p{Lu}.*$/u, '').toLowerCase())) || (i === words.length - 1 && /^\d+$/u.test(w)));
}

/**
 * Whether a quotation is a whole statement or a phrase inside the reporter's own sentence. A
 * statement starts a clause of its own: the sentence opens with it, or it follows a colon, a comma
 * or `that` (`asserted that “there is no group …”`). Words that carry on the reporter's clause
 * (`said that Halvard “has no part in any of it …”`) are a phrase however long.
 */
export function kindOf(body: string, quote: QuoteSpan, sentence: Sentence): QuotationKind {
  const lead = body.slice(sentence.start, quote.open);
  if (SCARE_LEAD.test(lead)) return 'scare';
  const text = body.slice(quote.start, quote.end);
  if (isTitle(text)) return 'scare';
  // `typhoon "Ada,"`, `the ship "Marlin"`: one capitalised word right after a common noun is that thing's name.
  const before = /\b(\p{Ll}{3,})\s*$/u.exec(lead)?.[1];
  if (/^\p{Lu}[\p{L}'’-]*[,.]?$/u.test(text) && before && !FUNCTION_WORDS.has(before) && !FINITE_SPEECH_FORMS.includes(before) && !/(?:ed|ing)$/u.test(before)) return 'scare';
  const words = text.split(/\s+/u).length;
  const startsClause = lead.trim().length === 0 || /(?:[:,]|\bthat)\s*$/u.test(lead);
  const capitalised = /^(?:\.{3}|…)?\s*\p{Lu}/u.test(text);
  const endsSentence = /[.!?…]$/u.test(text);
  if (startsClause && capitalised && words >= 2) return 'statement';
  if (startsClause && words >= 4 && (capitalised || endsSentence)) return 'statement';
  if (capitalised && endsSentence && words >= 4) return 'statement';
  return 'phrase';
}

