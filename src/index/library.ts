/**
 * The index the commands answer from: every article split into sentences, its quotations with
 * their speakers, its figures, and full-text indexes over them. Built once from plain articles.
 */
import type { Article } from '../corpus/article.ts';
import { findFigures } from './figures.ts';
import type { LocalPerson } from './people.ts';
import { findQuotations } from './quotations.ts';
import { correctNames, NAME_SEARCH_OPTIONS, queryTerms, TextIndex } from './search.ts';
import { splitSentences } from './sentences.ts';
import { mergeSpeakers, type PersonInArticle } from './speakers.ts';
import type { Figure, Quotation, Sentence, Speaker } from './types.ts';

/** A key naming one sentence of the corpus. */
export function sentenceKey(articleId: string, index: number): string {
  return `${articleId}#${index}`;
}

/** A sentence together with the article it belongs to. */
export interface SentenceRef {
  article: Article;
  sentence: Sentence;
}

/** Passed by `Library.build` alone: the constructor leaves the indexes for it to fill a slice at a time. */
const INDEX_LATER = Symbol('index later');

/** Documents added to a search index between two pauses of `Library.build`. */
const INDEX_SLICE = 200;

/**
 * What one article yields on its own: its sentences, its quotations with their speakers as the
 * article names them, its people and its figures. Most of the work of building a library, and
 * valid for as long as the article's body is unchanged.
 */
export interface ArticleAnalysis {
  articleId: string;
  /** The body it was found in: a library reuses the analysis only for this exact body. */
  body: string;
  sentences: Sentence[];
  quotations: ReturnType<typeof findQuotations>['quotations'];
  people: PersonInArticle[];
  figures: Figure[];
}

/** Analyses one article; pure, and independent of every other article. */
export function analyseArticle(article: Article): ArticleAnalysis {
  const sentences = splitSentences(article.body);
  const found = findQuotations(article.body, sentences);
  const counts = new Map<LocalPerson, number>();
  for (const q of found.quotations) if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
  const people = found.people.persons.map((person) => ({ person, quotations: counts.get(person) ?? 0 }));
  return { articleId: article.id, body: article.body, sentences, quotations: found.quotations, people, figures: findFigures(article.id, article.body, sentences) };
}

/** Everything the commands answer from. Read-only once built. */
export class Library {
  /** Articles, oldest first. */
  readonly articles: readonly Article[];
  readonly quotations: readonly Quotation[];
  readonly figures: readonly Figure[];
  readonly speakers: readonly Speaker[];
  readonly #articles = new Map<string, Article>();
  readonly #sentences = new Map<string, Sentence[]>();
  readonly #speakers = new Map<string, Speaker>();
  readonly #quotationsOf = new Map<string, Quotation[]>();
  readonly #figuresOf = new Map<string, Figure[]>();
  /** Every sentence in the corpus; a sentence's position here is its id in `#sentenceIndex`. */
  readonly #allSentences: SentenceRef[] = [];
  readonly #sentenceIndex = new TextIndex(['text', 'speakers', 'outlet', 'headline'], { text: 2, speakers: 1.5 });
  readonly #quotationIndex = new TextIndex(['text', 'speaker'], { text: 1, speaker: 1 });
  readonly #speakerIndex = new TextIndex(['name'], {}, NAME_SEARCH_OPTIONS);
  /** Every word of the corpus text, outlets and headlines, and every word of a speaker's name: what a misspelt name is corrected against. */
  readonly #vocabulary = new Set<string>();
  readonly #nameWords = new Set<string>();

  readonly #analyses = new Map<string, ArticleAnalysis>();

  /**
   * Builds the library; articles may come in any order. `analyses` (from `analyseArticle` or an
   * earlier library's `analysisOf`) spares the per-article work for articles whose body is
   * unchanged; the cross-article parts (speakers, search indexes) are always built afresh.
   */
  constructor(articles: readonly Article[], analyses?: ReadonlyMap<string, ArticleAnalysis>, later?: typeof INDEX_LATER) {
    this.articles = [...articles].sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
    const people: PersonInArticle[] = [];
    const local: { article: Article; quotations: ArticleAnalysis['quotations'] }[] = [];
    const figures: Figure[] = [];
    for (const article of this.articles) {
      if (this.#articles.has(article.id)) throw new Error(`Library: duplicate article id ${article.id}`);
      this.#articles.set(article.id, article);
      const given = analyses?.get(article.id);
      const analysis = given && given.articleId === article.id && given.body === article.body ? given : analyseArticle(article);
      this.#analyses.set(article.id, analysis);
      this.#sentences.set(article.id, analysis.sentences);
      local.push({ article, quotations: analysis.quotations });
      people.push(...analysis.people);
      figures.push(...analysis.figures);
    }

    const { speakers, speakerOf } = mergeSpeakers(people);
    this.speakers = speakers;
    for (const s of speakers) this.#speakers.set(s.id, s);
    this.quotations = local.flatMap(({ article, quotations }) =>
      quotations.map(
        (q): Quotation => ({
          articleId: article.id,
          start: q.start,
          end: q.end,
          text: q.text,
          kind: q.kind,
          speakerId: q.speaker ? (speakerOf.get(q.speaker)?.id ?? null) : null,
          sentence: q.sentence,
        }),
      ),
    );
    this.figures = figures;
    for (const article of this.articles) {
      this.#quotationsOf.set(article.id, []);
      this.#figuresOf.set(article.id, []);
    }
    for (const q of this.quotations) this.#quotationsOf.get(q.articleId)!.push(q);
    for (const f of this.figures) this.#figuresOf.get(f.articleId)!.push(f);

    if (later !== INDEX_LATER) for (const _ of this.#buildIndexes());
  }

  /**
   * Builds the library as the constructor does, but calls `pause` between slices of the search
   * indexes (most of the work once the articles are analysed), so that a running bot can go on
   * answering from the library in force while this one is built.
   */
  static async build(articles: readonly Article[], analyses: ReadonlyMap<string, ArticleAnalysis> | undefined, pause: () => Promise<void>): Promise<Library> {
    const library = new Library(articles, analyses, INDEX_LATER);
    for (const _ of library.#buildIndexes()) await pause();
    return library;
  }

  /** Fills the search indexes and the vocabulary, yielding after each slice of documents. */
  *#buildIndexes(): Generator<void> {
    const speakersBySentence = new Map<string, Set<string>>();
    for (const q of this.quotations) {
      if (!q.speakerId) continue;
      const key = sentenceKey(q.articleId, q.sentence);
      const set = speakersBySentence.get(key) ?? new Set<string>();
      set.add(this.#speakers.get(q.speakerId)!.name);
      speakersBySentence.set(key, set);
    }
    const sentences = this.articles.flatMap((article) =>
      this.#sentences.get(article.id)!.map((sentence) => {
        const id = this.#allSentences.push({ article, sentence }) - 1;
        const speakerNames = [...(speakersBySentence.get(sentenceKey(article.id, sentence.index)) ?? [])];
        return { id, text: sentence.text, speakers: speakerNames.join(' '), outlet: article.outlet, headline: article.title ?? '' };
      }),
    );
    yield;
    for (let i = 0; i < sentences.length; i += INDEX_SLICE) {
      this.#sentenceIndex.addAll(sentences.slice(i, i + INDEX_SLICE));
      yield;
    }
    const quotations = this.quotations.map((q, id) => ({ id, text: q.text, speaker: q.speakerId ? this.#speakers.get(q.speakerId)!.name : '' }));
    for (let i = 0; i < quotations.length; i += INDEX_SLICE) {
      this.#quotationIndex.addAll(quotations.slice(i, i + INDEX_SLICE));
      yield;
    }
    this.#speakerIndex.addAll(this.speakers.map((s, id) => ({ id, name: [s.name, ...s.aliases].join(' ') })));
    for (let i = 0; i < this.#allSentences.length; i += INDEX_SLICE) {
      for (const { article, sentence } of this.#allSentences.slice(i, i + INDEX_SLICE)) for (const term of queryTerms(`${sentence.text} ${article.outlet} ${article.title ?? ''}`)) this.#vocabulary.add(term);
      yield;
    }
    for (const s of this.speakers) for (const term of queryTerms([s.name, ...s.aliases].join(' '))) this.#nameWords.add(term);
  }

  /** The query with misspelt speaker names corrected (`Irvani` → `iravani`); other words as typed. */
  #corrected(query: string): string {
    return correctNames(query, this.#vocabulary, this.#nameWords);
  }

  /** What was found in one article on its own, for a later library to reuse. */
  analysisOf(articleId: string): ArticleAnalysis | undefined {
    return this.#analyses.get(articleId);
  }

  /** The article with this id. */
  article(id: string): Article | undefined {
    return this.#articles.get(id);
  }

  /** The sentences of an article, in order. */
  sentencesOf(articleId: string): readonly Sentence[] {
    return this.#sentences.get(articleId) ?? [];
  }

  /** The quotations of an article, in order. */
  quotationsOf(articleId: string): readonly Quotation[] {
    return this.#quotationsOf.get(articleId) ?? [];
  }

  /** The figures of an article, in order. */
  figuresOf(articleId: string): readonly Figure[] {
    return this.#figuresOf.get(articleId) ?? [];
  }

  /** The speaker with this id. */
  speaker(id: string): Speaker | undefined {
    return this.#speakers.get(id);
  }

  /** Speakers whose name matches every word of the query (misspellings too: `Irvani` finds Iravani), best first. */
  findSpeakers(query: string): Speaker[] {
    return this.#speakerIndex.search(query).map((hit) => this.speakers[hit.id]!);
  }

  /** Quotations whose words (or speaker's name, misspelt or not) match every word of the query, best first. */
  searchQuotations(query: string): Quotation[] {
    return this.#quotationIndex.search(this.#corrected(query)).map((hit) => this.quotations[hit.id]!);
  }

  /**
   * Sentences matching every word of the query, best first; `filter` keeps only some. A word may
   * match the sentence, its speakers, its outlet or its headline (`Mehr rockets`).
   */
  searchSentences(query: string, filter?: (ref: SentenceRef) => boolean): SentenceRef[] {
    const accept = filter ? (id: number) => filter(this.#allSentences[id]!) : undefined;
    return this.#sentenceIndex.search(this.#corrected(query), accept).map((hit) => this.#allSentences[hit.id]!);
  }
}

