/**
 * Answers as good among many articles as among the seeds alone: the seeds' quotations, speakers
 * and figures do not move, and a search finds exactly the sentences and quotations that hold its
 * words, although the full-text index has one document per article and caps common words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findingsOf, generateArticles } from '../../bench/generate.ts';
import type { Article } from '../../src/corpus/article.ts';
import { Library } from '../../src/index/library.ts';
import { buildLibrary } from '../../src/index/assemble.ts';
import { MIN_PREFIX_LENGTH, POSTINGS_CAP, queryTerms } from '../../src/index/search.ts';
import { seedArticles } from '../support/seed-library.ts';

/** Enough articles that the commonest words pass `POSTINGS_CAP`. */
const GENERATED = 400;

let seeds: Article[];
let among: Library;

beforeAll(async () => {
  seeds = await seedArticles();
  among = buildLibrary([...generateArticles(seeds, GENERATED), ...seeds]);
});

describe(`the seeds among ${GENERATED} generated articles`, () => {
  it('keep the same quotations, speakers and figures', () => {
    const ids = seeds.map((a) => a.id);
    const alone = buildLibrary(seeds);
    expect(findingsOf(among, ids)).toEqual(findingsOf(alone, ids));
  });
});

/** Whether a query word matches a word of a text: whole when short, as its start otherwise (`SEARCH_OPTIONS`). */
function wordIn(word: string, terms: readonly string[]): boolean {
  return terms.some((term) => (word.length >= MIN_PREFIX_LENGTH ? term.startsWith(word) : term === word));
}

/** Each sentence's words with its speakers', outlet's and headline's, read once per library. */
const wordsOfSentences = new WeakMap<Library, { key: string; terms: string[] }[]>();

/** Every sentence of the library holding every word, found by reading each one: what a search must return. */
function sentencesHolding(library: Library, words: readonly string[]): Set<string> {
  let all = wordsOfSentences.get(library);
  if (!all) {
    all = [];
    for (const article of library.articles) {
      const quotations = library.quotationsOf(article.id);
      for (const sentence of library.sentencesOf(article.id)) {
        const speakers = quotations.filter((q) => q.sentence === sentence.index && q.speakerId).map((q) => library.speaker(q.speakerId!)!.name);
        all.push({ key: `${article.id}#${sentence.index}`, terms: queryTerms([sentence.text, ...speakers, article.outlet, article.title ?? ''].join(' ')) });
      }
    }
    wordsOfSentences.set(library, all);
  }
  return new Set(all.filter(({ terms }) => words.every((w) => wordIn(w, terms))).map(({ key }) => key));
}

/** Every quotation holding every word in its own words or its speaker's name. */
function quotationsHolding(library: Library, words: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const q of library.quotations) {
    const terms = queryTerms(`${q.text} ${q.speakerId ? library.speaker(q.speakerId)!.name : ''}`);
    if (words.every((w) => wordIn(w, terms))) found.add(`${q.articleId}@${q.start}`);
  }
  return found;
}

/** How many articles hold a word. */
function articlesHolding(library: Library, word: string): number {
  return new Set([...sentencesHolding(library, [word])].map((key) => key.slice(0, key.lastIndexOf('#')))).size;
}

describe(`searching ${GENERATED + 5} articles, where common words are capped`, () => {
  // Queries from the seeds' own words: a rare name, a phrase, a word with a common one, words over two sentences, an outlet with a topic.
  const queries = ['Iravani', 'baseless claims', 'Iravani said', 'Ain al-Asad', 'attack troops', 'Mehr rockets', 'letter Guterres', 'Pentagon said'];

  it('has common words past the cap, so that the capped path is the one tested', () => {
    expect(articlesHolding(among, 'said')).toBeGreaterThan(POSTINGS_CAP);
    expect(articlesHolding(among, 'iravani')).toBeLessThanOrEqual(POSTINGS_CAP);
  });

  it('finds exactly the sentences holding every word, by reading them, when a word is below the cap', () => {
    for (const query of queries) {
      const words = queryTerms(query);
      if (words.every((w) => articlesHolding(among, w) > POSTINGS_CAP)) continue;
      const found = among.searchSentences(query).map((r) => `${r.article.id}#${r.sentence.index}`);
      expect(new Set(found).size, query).toBe(found.length);
      expect(new Set(found), query).toEqual(sentencesHolding(among, words));
    }
  });

  it('finds exactly the quotations holding every word', () => {
    for (const query of queries) {
      const words = queryTerms(query);
      if (words.every((w) => articlesHolding(among, w) > POSTINGS_CAP)) continue;
      const found = among.searchQuotations(query).map((q) => `${q.articleId}@${q.start}`);
      expect(new Set(found), query).toEqual(quotationsHolding(among, words));
    }
  });

  it('answers a query of common words only from sentences that hold them all', () => {
    const found = among.searchSentences('said attack');
    expect(found.length).toBeGreaterThan(0);
    const all = sentencesHolding(among, ['said', 'attack']);
    for (const r of found) expect(all.has(`${r.article.id}#${r.sentence.index}`)).toBe(true);
  });

  it('does not match words that two different sentences hold between them', () => {
    // Two words of one seed article that its sentences hold, but never together: the article matches both, no sentence does.
    const article = seeds[0]!;
    const words = (text: string) => queryTerms(text).filter((w) => w.length >= MIN_PREFIX_LENGTH);
    const sentences = among.sentencesOf(article.id);
    const pairs = words(sentences[0]!.text).flatMap((first) => words(sentences.at(-1)!.text).map((last) => [first, last] as const));
    const pair = pairs.find(([first, last]) => sentencesHolding(among, [first, last]).size === 0);
    expect(pair).toBeDefined();
    const [first, last] = pair!;
    expect(among.searchSentences(first).some((r) => r.article.id === article.id)).toBe(true);
    expect(among.searchSentences(last).some((r) => r.article.id === article.id)).toBe(true);
    expect(among.searchSentences(`${first} ${last}`)).toEqual([]);
  });
});
