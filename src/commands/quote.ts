/** /quote: what a person said, or quotations holding some words, verbatim and cited. */
import { SlashCommandBuilder } from 'discord.js';
import type { Library } from '../index/library.ts';
import type { Quotation, QuotationKind, Speaker } from '../index/types.ts';
import { count } from '../render/citation.ts';
import { articlePosition, folded, MAX_RESULTS, MAX_SUGGESTIONS, quotationResult, searchWords, suggestion, type Answer, type Command, type CommandOptions, type Suggestion } from './answer.ts';
import { addPrivateOption } from './private.ts';

/** A speaker's full statements first, then phrases, then reported speech; scare quotes are nobody's words and are not shown. */
const KIND_ORDER: Readonly<Record<QuotationKind, number>> = { statement: 0, phrase: 1, reported: 2, scare: 3 };

/** Answers /quote: a speaker's quotations when the query names a speaker, else quotations whose words match. */
export function answerQuote(library: Library, options: CommandOptions): Answer {
  const words = searchWords(quote, options, 'query', 'speaker or words');
  if (!words.success) return words.answer;
  const { query } = words;
  const speakers = library.findSpeakers(query);
  let quotations: Quotation[];
  if (speakers.length > 0) {
    const rank = new Map(speakers.map((s, i) => [s.id, i]));
    quotations = speakers
      .flatMap((s) => library.quotationsBy(s.id))
      .filter((q) => q.kind !== 'scare')
      .sort((a, b) => rank.get(a.speakerId!)! - rank.get(b.speakerId!)! || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || inReadingOrder(library, a, b));
  } else {
    // The words asked for decide the order here: the closest match first, whatever its kind.
    quotations = library.searchQuotations(query).filter((q) => q.kind !== 'scare');
  }
  if (quotations.length === 0) return { type: 'problem', command: 'quote', query, problem: { code: 'nothing-found', query } };
  return { type: 'results', command: 'quote', query, results: quotations.slice(0, MAX_RESULTS).map((q) => quotationResult(library, q)) };
}

/** Oldest article first (the library's order: by date, then id), then order within the article. */
function inReadingOrder(library: Library, a: Quotation, b: Quotation): number {
  return articlePosition(library, a.articleId) - articlePosition(library, b.articleId) || a.start - b.start;
}

/** How many quotations /quote shows for each speaker, counted once per library. */
const quotationCounts = new WeakMap<Library, Map<string, number>>();

function countsOf(library: Library): Map<string, number> {
  let counts = quotationCounts.get(library);
  if (!counts) {
    counts = new Map();
    for (const q of library.quotations) if (q.speakerId && q.kind !== 'scare') counts.set(q.speakerId, (counts.get(q.speakerId) ?? 0) + 1);
    quotationCounts.set(library, counts);
  }
  return counts;
}

/** Each speaker's name words, folded, worked out once per library: autocomplete runs at every keystroke. */
const foldedNames = new WeakMap<Library, Map<string, string[]>>();

/** Whether every typed word starts a word of the speaker's name or one of its spellings. */
function nameMatches(library: Library, speaker: Speaker, words: readonly string[]): boolean {
  let names = foldedNames.get(library);
  if (!names) {
    names = new Map(library.speakers.map((s) => [s.id, folded([s.name, ...s.aliases].join(' ')).split(/[\s-]+/u)]));
    foldedNames.set(library, names);
  }
  const nameWords = names.get(speaker.id)!;
  return words.every((w) => nameWords.some((n) => n.startsWith(w)));
}

/** Autocomplete for /quote: speakers whose name starts with what is typed (or that it misspells), most quoted first, each with their count. */
export function suggestQuote(library: Library, option: string, typed: string): Suggestion[] {
  if (option !== 'query') return [];
  const counts = countsOf(library);
  const words = folded(typed).split(/[\s-]+/u).filter(Boolean);
  let speakers = library.speakers.filter((s) => (counts.get(s.id) ?? 0) > 0 && nameMatches(library, s, words));
  if (speakers.length === 0 && words.length > 0) speakers = library.findSpeakers(typed).filter((s) => (counts.get(s.id) ?? 0) > 0);
  return speakers
    .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || a.name.localeCompare(b.name))
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => suggestion(`${s.name} (${count(counts.get(s.id) ?? 0, 'quotation')})`, s.name));
}

/** The /quote command. */
export const quote: Command = {
  data: new SlashCommandBuilder()
    .setName('quote')
    .setDescription('What someone said, word for word, with its source')
    .addStringOption((o) => o.setName('query').setDescription('A speaker (Iravani) or words from a quotation').setRequired(true).setMaxLength(200).setAutocomplete(true))
    .addBooleanOption(addPrivateOption),
  defaultOption: 'query',
  help: {
    usage: '/quote query:<speaker or words>',
    description: "A speaker's quotations across all articles (full statements first), or the quotations holding your words.",
    example: '/quote Iravani',
  },
  answer: answerQuote,
  suggest: suggestQuote,
};
