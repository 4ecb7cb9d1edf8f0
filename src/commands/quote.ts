/** /quote: what a person said, or quotations holding some words, verbatim and cited. */
import { SlashCommandBuilder } from 'discord.js';
import type { Library } from '../index/library.ts';
import { partitionPoint } from '../index/vocabulary.ts';
import type { Quotation, QuotationKind, Speaker } from '../analysis/types.ts';
import { count } from '../render/citation.ts';
import { folded, MAX_RESULTS, MAX_SUGGESTIONS, quotationResult, searchWords, suggestion, type Answer, type Command, type CommandOptions, type Suggestion } from './answer.ts';
import { addPrivateOption } from './private.ts';

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
  return { type: 'results', command: 'quote', query, results: quotations.slice(0, MAX_RESULTS).map((q) => quotationResult(library, q)) };
}

/** A speaker autocomplete can offer: one with quotations to show. */
interface Offered {
  speaker: Speaker;
  quotations: number;
  /** The words of the name and its other spellings, folded. */
  words: string[];
}

/** What /quote's autocomplete looks speakers up in, worked out once per library: it runs at every keystroke. */
interface SpeakerLookup {
  /** Most quoted first, then by name. */
  offered: Offered[];
  /** Every name word with its speaker's position in `offered`, sorted by word: the words a typed prefix starts are one stretch of it. */
  words: { word: string; rank: number }[];
  /** Quotations shown, by speaker id. */
  counts: Map<string, number>;
}

const lookups = new WeakMap<Library, SpeakerLookup>();

function lookupOf(library: Library): SpeakerLookup {
  let lookup = lookups.get(library);
  if (lookup) return lookup;
  const counts = new Map<string, number>();
  const offered: Offered[] = [];
  for (const speaker of library.speakers) {
    const byKind = library.quotationCountsBy(speaker.id);
    const quotations = SHOWN_KINDS.reduce((n, kind) => n + byKind[kind], 0);
    counts.set(speaker.id, quotations);
    if (quotations > 0) offered.push({ speaker, quotations, words: folded([speaker.name, ...speaker.aliases].join(' ')).split(/[\s-]+/u).filter(Boolean) });
  }
  offered.sort((a, b) => b.quotations - a.quotations || a.speaker.name.localeCompare(b.speaker.name));
  const words = offered.flatMap((o, rank) => o.words.map((word) => ({ word, rank }))).sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : a.rank - b.rank));
  lookup = { offered, words, counts };
  lookups.set(library, lookup);
  return lookup;
}

/** The positions in `offered` of the speakers whose name words start with every typed word, best first. */
function startingWith(lookup: SpeakerLookup, typed: readonly string[]): number[] {
  if (typed.length === 0) return lookup.offered.map((_, rank) => rank);
  // The longest typed word narrows most: its stretch of the sorted words, then the other words checked on each speaker.
  const longest = typed.reduce((a, b) => (b.length > a.length ? b : a));
  const from = partitionPoint(0, lookup.words.length, (i) => lookup.words[i]!.word < longest);
  const ranks = new Set<number>();
  for (let i = from; i < lookup.words.length && lookup.words[i]!.word.startsWith(longest); i++) ranks.add(lookup.words[i]!.rank);
  return [...ranks].filter((rank) => typed.every((w) => lookup.offered[rank]!.words.some((n) => n.startsWith(w)))).sort((a, b) => a - b);
}

/** Autocomplete for /quote: speakers whose name starts with what is typed (or that it misspells), most quoted first, each with their count. */
export function suggestQuote(library: Library, option: string, typed: string): Suggestion[] {
  if (option !== 'query') return [];
  const lookup = lookupOf(library);
  const words = folded(typed).split(/[\s-]+/u).filter(Boolean);
  let speakers = startingWith(lookup, words)
    .slice(0, MAX_SUGGESTIONS)
    .map((rank) => lookup.offered[rank]!.speaker);
  if (speakers.length === 0 && words.length > 0) {
    speakers = library
      .findSpeakers(typed)
      .filter((s) => (lookup.counts.get(s.id) ?? 0) > 0)
      .sort((a, b) => lookup.counts.get(b.id)! - lookup.counts.get(a.id)! || a.name.localeCompare(b.name))
      .slice(0, MAX_SUGGESTIONS);
  }
  return speakers.map((s) => suggestion(`${s.name} (${count(lookup.counts.get(s.id) ?? 0, 'quotation')})`, s.name));
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
