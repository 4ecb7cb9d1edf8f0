/** /source: the articles in the corpus, one article's facts, or the sentences that match some words. */
import { refOf, type Article } from '../corpus/article.ts';
import type { Library } from '../index/library.ts';
import { folded, MAX_SUGGESTIONS, optionText, searchWords, sentenceResult, suggestion, type Answer, type ArticleSummary, type Command, type CommandOptions, type Suggestion } from './answer.ts';
import { FROM_ADDRESS, headlineOf } from '../render/citation.ts';
import { PRIVATE_OPTION_SPEC } from './private.ts';

/** How many opening sentences `/source article:` shows. */
export const OPENING_SENTENCES = 3;
/** How many matching sentences `/source query:` shows: each comes with two of context. */
export const MAX_MATCHES = 5;

/** Answers /source: with no option the list of articles, with `article` one article, with `query` matching sentences in context. */
export function answerSource(library: Library, options: CommandOptions): Answer {
  const id = optionText(options, 'article');
  const query = optionText(options, 'query');
  if (id && query) return { type: 'problem', command: 'source', query, problem: { code: 'too-many-options', options: ['article', 'query'] } };
  if (id) {
    const article = library.article(id) ?? library.article(id.toLowerCase());
    if (!article) return { type: 'problem', command: 'source', query: id, problem: { code: 'unknown-article', id } };
    const sentences = library.sentencesOf(article.id);
    return {
      type: 'article',
      command: 'source',
      summary: summarise(library, article),
      byline: article.byline ?? null,
      standfirst: article.standfirst ?? null,
      captions: article.captions ?? [],
      results: sentences.slice(0, OPENING_SENTENCES).map((s) => sentenceResult(article, sentences, s)),
    };
  }
  // An empty `query:` is a mistake to name, not a request for the list.
  if ('query' in options) {
    const words = searchWords(source, options, 'query', 'words');
    if (!words.success) return words.answer;
    const hits = library.searchSentences(words.query, { limit: MAX_MATCHES });
    if (hits.length === 0) return { type: 'problem', command: 'source', query: words.query, problem: { code: 'nothing-found', query: words.query } };
    const results = hits.map(({ article, sentence }) => sentenceResult(article, library.sentencesOf(article.id), sentence));
    return { type: 'results', command: 'source', query: words.query, results };
  }
  let articles = summaries.get(library);
  if (!articles) {
    articles = library.articles.map((a) => summarise(library, a));
    summaries.set(library, articles);
  }
  return { type: 'articles', command: 'source', articles };
}

/** Every article's summary, worked out once per library: a corpus of thousands is listed at every `/source`. */
const summaries = new WeakMap<Library, ArticleSummary[]>();

/** Each article's facts, folded for matching what is typed, worked out once per library. */
const foldedFacts = new WeakMap<Library, string[]>();

/** The facts and size of an article. */
function summarise(library: Library, article: Article): ArticleSummary {
  const counts = library.countsOf(article.id);
  return {
    article: refOf(article),
    sentences: counts.sentences,
    words: library.wordsOf(article.id),
    quotations: counts.quotations.statement + counts.quotations.phrase,
    figures: counts.figures,
  };
}

/** Autocomplete for /source article: articles whose id, outlet, date or headline hold every typed word, newest first. */
export function suggestSource(library: Library, option: string, typed: string): Suggestion[] {
  if (option !== 'article') return [];
  const words = folded(typed).split(/\s+/u).filter(Boolean);
  let facts = foldedFacts.get(library);
  if (!facts) {
    facts = library.articles.map((a) => folded(`${a.id} ${a.outlet} ${a.published} ${headlineOf(a)?.text ?? ''}`));
    foldedFacts.set(library, facts);
  }
  const all = facts;
  return library.articles
    .filter((_, i) => words.every((w) => all[i]!.includes(w)))
    .reverse()
    .slice(0, MAX_SUGGESTIONS)
    .map((a) => {
      // An article without a headline is told apart by the words of its address, labelled as such.
      const headline = headlineOf(a);
      const label = headline && (headline.fromAddress ? `${headline.text} ${FROM_ADDRESS}` : headline.text);
      return suggestion([a.published, a.outlet, label].filter(Boolean).join(' · '), a.id);
    });
}

/** The /source command. */
export const source: Command = {
  name: 'source',
  description: 'The articles in the corpus, one article, or the sentences that match your words',
  options: [
    { name: 'article', type: 'string', description: 'An article: type words of its headline, outlet or date', maxLength: 100, autocomplete: true },
    { name: 'query', type: 'string', description: 'Words to find in the articles', maxLength: 200 },
    PRIVATE_OPTION_SPEC,
  ],
  defaultOption: 'query',
  help: {
    usage: '/source [article:<id>] [query:<words>]',
    description: 'With nothing, the list of articles; with article, its facts and opening; with query, the sentences holding your words, from the best-matching articles first, in context.',
    example: '/source query:Ain al-Asad',
  },
  answer: answerSource,
  suggest: suggestSource,
};
