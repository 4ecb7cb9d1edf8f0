/** /quote: what a person said, or quotations holding some words, verbatim and cited. */
import { folded, queryTerms, type Library } from '../index/library.ts';
import type { Quotation, QuotationKind } from '../analysis/types.ts';
import { count } from '../render/citation.ts';
import { MAX_RESULTS, MAX_SUGGESTIONS, quotationResult, searchWords, suggestion, type Answer, type Command, type CommandOptions, type Suggestion } from './answer.ts';
import { PRIVATE_OPTION_SPEC } from './private.ts';

/** A speaker's full statements first, then phrases, then reported speech; scare quotes are nobody's words and are not shown. */
const SHOWN_KINDS: readonly QuotationKind[] = ['statement', 'phrase', 'reported'];

/** Answers /quote: a speaker's quotations when the query names a speaker, else quotations whose words match. */
export function answerQuote(library: Library, options: CommandOptions): Answer {
  const words = searchWords(quote, options, 'query', 'speaker or words');
  if (!words.success) return words.answer;
  const { query } = words;
  const speakers = library.findSpeakers(query);
  let quotations: Quotation[];
  if (speakers.length > 0) {
    // The best-matching speaker first; a speaker's full statements first, then phrases, then reported speech, each in reading order.
    quotations = library.quotationsOfSpeakers(
      speakers.map((s) => s.id),
      { kinds: SHOWN_KINDS, limit: MAX_RESULTS },
    );
  } else {
    // The words asked for decide the order here: the best-matching article's quotations first, in reading order, whatever their kind.
    quotations = library.searchQuotations(query, { kinds: SHOWN_KINDS, limit: MAX_RESULTS });
  }
  if (quotations.length === 0) return { type: 'problem', command: 'quote', query, problem: { code: 'nothing-found', query } };
  const results = quotations.slice(0, MAX_RESULTS).map((q) => quotationResult(library, q));
  const named = speakers[0];
  if (!named) return { type: 'results', command: 'quote', query, results };
  // Corrected when no word asked for is a word of the name found (`Irvani` for Iravani); `Iravani legal` names him and narrows.
  const nameWords = new Set(folded(named.name).split(/[^\p{L}\p{N}]+/u));
  const corrected = !queryTerms(query).some((term) => nameWords.has(term));
  return { type: 'results', command: 'quote', query, results, speaker: { name: named.name, corrected } };
}

/** Autocomplete for /quote: speakers whose name starts with what is typed (or that it misspells), most quoted first, each with their count. */
export function suggestQuote(library: Library, option: string, typed: string): Suggestion[] {
  if (option !== 'query') return [];
  return library
    .suggestSpeakers(typed, { kinds: SHOWN_KINDS, limit: MAX_SUGGESTIONS })
    .map(({ speaker, quotations }) => suggestion(`${speaker.name} (${count(quotations, 'quotation')})`, speaker.name));
}

/** The /quote command. */
export const quote: Command = {
  name: 'quote',
  description: 'What someone said, word for word, with its source',
  options: [
    { name: 'query', type: 'string', description: 'A speaker (Iravani) or words from a quotation', required: true, maxLength: 200, autocomplete: true },
    PRIVATE_OPTION_SPEC,
  ],
  defaultOption: 'query',
  help: {
    usage: '/quote query:<speaker or words>',
    description: "A speaker's quotations across all articles (full statements first), or the quotations holding your words.",
    example: '/quote Iravani',
  },
  answer: answerQuote,
  suggest: suggestQuote,
};
