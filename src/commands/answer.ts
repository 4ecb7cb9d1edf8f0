/**
 * What a command answers, as plain data: rendering it for Discord, the terminal or JSON is a
 * separate step. Every text field of a result is a span of an article body, but for the speaker's
 * name, a figure's category and the names of rules.
 */
import { refOf, type Article, type ArticleRef } from '../corpus/article.ts';
import { folded, queryTerms, type Library } from '../index/library.ts';
import type { Evidence, Figure, FigureCategory, Quotation, QuotationKind, Sentence } from '../analysis/types.ts';

/** What every result has: a verbatim span, the sentence that holds it, and where it comes from. */
export interface ResultBase {
  /** The span shown: the quotation, the figure's words, or the sentence. */
  text: string;
  /** The sentence (or sentences, for a quotation that runs over several) that holds it. */
  sentence: string;
  /** Offsets of `text` in the article body. */
  start: number;
  end: number;
  article: ArticleRef;
}

/** A quotation (`/quote`), with the speaker and how the article names them. */
export interface QuotationResult extends ResultBase {
  kind: 'quotation';
  /** The speaker's name, or null when the article does not say. */
  speaker: string | null;
  /** How the words are used: a statement, a quoted phrase, reported speech (scare quotes are never shown). */
  quotationKind: QuotationKind;
  /** The attribution rule that chose the speaker, or declined to (`after-subject-verb/pronoun`, `no-attribution`). */
  rule: string;
  /** The body's own words that name the speaker (`he noted`), or null when none do. */
  evidence: Evidence | null;
}

/** A figure (`/figures`): the number as stated and what it counts. */
export interface FigureResult extends ResultBase {
  kind: 'figure';
  /** The number stated (the low end of a range), or null for a vague quantity. */
  value: number | null;
  /** The high end of a range, or null. */
  upper: number | null;
  qualifier: string | null;
  /** What is counted, as written; empty when the text leaves it out. */
  counted: string;
  category: FigureCategory;
  /** The rule that gave the category. */
  rule: string;
}

/** A sentence (`/source`), with its neighbours. */
export interface SentenceResult extends ResultBase {
  kind: 'sentence';
  /**
   * The sentences before and after, verbatim, or null at an edge of the article. A sentence before
   * that starts inside a quotation is extended back to the quotation's opening mark.
   */
  before: string | null;
  after: string | null;
  /** Whether `before` starts in the middle of a sentence (shown after `…`): its quotation opens too far back to show. */
  beforeCut: boolean;
  /** Whether a paragraph ends between `before` and the sentence, and between the sentence and `after`. */
  paragraphBefore: boolean;
  paragraphAfter: boolean;
}

/** One result of an answer; renderers choose how to show it by `kind`, never by the command that gave it. */
export type Result = QuotationResult | FigureResult | SentenceResult;

/** An article as `/source` lists it. */
export interface ArticleSummary {
  article: ArticleRef;
  sentences: number;
  words: number;
  quotations: number;
  figures: number;
}

/** Figures on one thing, oldest first: from one article, or put side by side from several (see `groupFigures`). */
export interface FigureGroupResult {
  category: FigureCategory;
  /** The class of what the figures count (`troops`, `people`, `children`): a fixed label, not corpus text. */
  counted: string;
  /** How many articles the figures come from. */
  articles: number;
  /** How many publication dates they span: two or more make a timeline of the count. */
  dates: number;
  /** Whether two articles of the same date give different numbers (a running total over several dates is no disagreement). */
  differ: boolean;
  results: FigureResult[];
}

/** Why a command has nothing to show. Each has one message, in `problems.ts`. */
export type Problem =
  | { code: 'empty-query'; option: string; example: string }
  | { code: 'only-common-words'; query: string }
  | { code: 'nothing-found'; query: string }
  | { code: 'unknown-article'; id: string }
  | { code: 'unknown-command'; name: string }
  | { code: 'too-many-options'; options: string[] };

/** A command's answer. */
export type Answer =
  | {
      type: 'results';
      command: string;
      query: string;
      results: Result[];
      /** The speaker the query named (`/quote Irvani` → Amir Saeid Iravani), and whether the name was corrected to find them. */
      speaker?: { name: string; corrected: boolean } | undefined;
    }
  | { type: 'figures'; command: string; query: string; groups: FigureGroupResult[] }
  | { type: 'articles'; command: string; articles: ArticleSummary[] }
  | {
      type: 'article';
      command: string;
      summary: ArticleSummary;
      /** Who wrote it, as the page named them, or null when unknown. */
      byline: string | null;
      standfirst: string | null;
      captions: string[];
      /** The opening sentences of the body. */
      results: SentenceResult[];
    }
  | { type: 'help'; command: string; entries: HelpEntry[] }
  | { type: 'problem'; command: string; query: string; problem: Problem };

/** A line of `/help`. */
export interface HelpEntry {
  usage: string;
  description: string;
  example: string;
  /** A command of the Discord bot alone (`/add`): the terminal and `npm run ask` leave it out of their /help. */
  discordOnly?: true;
}

/** The options a command was given, by name; absent or blank options are undefined. */
export type CommandOptions = Readonly<Record<string, string | undefined>>;

/**
 * An option of a command, as plain data. The Discord edge turns it into Discord's definition
 * (`src/discord/slash.ts`), so the terminal never loads discord.js.
 */
export interface OptionSpec {
  name: string;
  description: string;
  type: 'string' | 'boolean';
  required?: boolean;
  maxLength?: number;
  /** Discord asks the command's `suggest` as it is typed. */
  autocomplete?: boolean;
}

/** A slash command: its definition, the option a bare query fills, and its pure answer. */
export interface Command {
  name: string;
  /** What Discord shows under the name (at most 100 characters). */
  description: string;
  options: readonly OptionSpec[];
  /** The option that text after the command name fills in the terminal (`/quote Iravani`). */
  defaultOption: string | null;
  help: HelpEntry;
  answer(library: Library, options: CommandOptions): Answer;
  /** Autocomplete: choices for the option being typed (Discord shows at most 25). */
  suggest?(library: Library, option: string, typed: string): Suggestion[];
}

/** An autocomplete choice: what Discord shows, and the option value it fills in. */
export interface Suggestion {
  name: string;
  value: string;
}

/**
 * The most results one answer holds: 20 pages of three. A common word in a large corpus matches
 * thousands of quotations or figures; nobody pages through them, and building each costs time.
 * Which ones are kept is each command's choice (see `/quote`, `/figures`).
 */
export const MAX_RESULTS = 60;

/** Discord shows at most 25 choices, each name and value at most 100 characters. */
export const MAX_SUGGESTIONS = 25;
const MAX_SUGGESTION_LENGTH = 100;

/** A choice with its name and value clipped to Discord's 100 characters. */
export function suggestion(name: string, value: string): Suggestion {
  // A cut between the two halves of an emoji would leave a lone surrogate, which is not valid UTF-8 for Discord.
  const clip = (text: string): string => (text.length <= MAX_SUGGESTION_LENGTH ? text : `${text.slice(0, MAX_SUGGESTION_LENGTH - 1).replace(/[\uD800-\uDBFF]$/u, '')}…`);
  return { name: clip(name), value: value.slice(0, MAX_SUGGESTION_LENGTH) };
}

/** Text folded for matching what someone types: lower case, without accents (the library's folding, so that both match alike). */
export { folded };

/** The result for a sentence of an article (`sentences` are the article's), with the sentences around it. */
export function sentenceResult(article: Article, sentences: readonly Sentence[], sentence: Sentence): SentenceResult {
  const before = sentences[sentence.index - 1];
  const after = sentences[sentence.index + 1];
  const opening = before ? quotationOpening(article.body, before.start) : null;
  const extended = opening !== null && before!.start - opening <= MAX_QUOTATION_REACH;
  const between = (from: number, to: number): boolean => /\n/u.test(article.body.slice(from, to));
  return {
    kind: 'sentence',
    text: sentence.text,
    sentence: sentence.text,
    start: sentence.start,
    end: sentence.end,
    article: refOf(article),
    before: before ? (extended ? article.body.slice(opening, before.end) : before.text) : null,
    after: after?.text ?? null,
    beforeCut: opening !== null && !extended,
    paragraphBefore: before ? between(before.end, sentence.start) : false,
    paragraphAfter: after ? between(sentence.end, after.start) : false,
  };
}

/** How far back (in characters) a neighbouring sentence is extended to the opening mark of the quotation it starts inside. */
const MAX_QUOTATION_REACH = 400;

/**
 * Where the quotation that `at` lies inside opens, within its paragraph, or null when `at` is not
 * inside one: a curly opening mark not yet closed, or an odd straight quote mark before it.
 */
export function quotationOpening(body: string, at: number): number | null {
  const paragraphStart = body.lastIndexOf('\n', at - 1) + 1;
  const before = body.slice(paragraphStart, at);
  const open = before.lastIndexOf('“');
  if (open >= 0 && open > before.lastIndexOf('”')) return paragraphStart + open;
  const straight = [...before.matchAll(/"/gu)];
  if (straight.length % 2 === 1) return paragraphStart + straight[straight.length - 1]!.index;
  return null;
}

/** The sentences of an article that a span touches, as one verbatim stretch of the body. */
export function sentencesAround(article: Article, sentences: readonly Sentence[], start: number, end: number): string {
  const touched = sentences.filter((s) => s.end > start && s.start < end);
  if (touched.length === 0) return article.body.slice(start, end);
  return article.body.slice(touched[0]!.start, touched[touched.length - 1]!.end);
}

/** The result for a quotation. */
export function quotationResult(library: Library, quotation: Quotation): QuotationResult {
  const article = library.article(quotation.articleId)!;
  return {
    kind: 'quotation',
    text: quotation.text,
    sentence: sentencesAround(article, library.sentencesOf(article.id), quotation.start, quotation.end),
    start: quotation.start,
    end: quotation.end,
    article: refOf(article),
    speaker: quotation.speakerId ? (library.speaker(quotation.speakerId)?.name ?? null) : null,
    quotationKind: quotation.kind,
    rule: quotation.rule,
    evidence: quotation.evidence,
  };
}

/** The result for a figure. */
export function figureResult(library: Library, figure: Figure): FigureResult {
  const article = library.article(figure.articleId)!;
  return {
    kind: 'figure',
    text: figure.text,
    sentence: library.sentencesOf(article.id)[figure.sentence]!.text,
    start: figure.start,
    end: figure.end,
    article: refOf(article),
    value: figure.value,
    upper: figure.upper,
    qualifier: figure.qualifier,
    counted: figure.counted,
    category: figure.category,
    rule: figure.rule,
  };
}

/**
 * The words to search for from a command's option, or the problem answer when there are none:
 * the option is empty, or holds only words too common to search (`the`). `label` names what to
 * give in the message.
 */
export function searchWords(command: Command, options: CommandOptions, option: string, label: string): { success: true; query: string } | { success: false; answer: Answer } {
  const query = optionText(options, option);
  const name = command.name;
  if (!query) return { success: false, answer: { type: 'problem', command: name, query: '', problem: { code: 'empty-query', option: label, example: command.help.example } } };
  if (queryTerms(query).length === 0) return { success: false, answer: { type: 'problem', command: name, query, problem: { code: 'only-common-words', query } } };
  return { success: true, query };
}

/** The text of an option, or undefined when it is absent or only spaces. */
export function optionText(options: CommandOptions, name: string): string | undefined {
  const value = options[name]?.trim();
  return value ? value : undefined;
}

/** The results an answer shows, in the order shown (a figure answer's groups one after another). */
export function resultsOf(answer: Answer): Result[] {
  switch (answer.type) {
    case 'results':
    case 'article':
      return answer.results;
    case 'figures':
      return answer.groups.flatMap((group) => group.results);
    default:
      return [];
  }
}
