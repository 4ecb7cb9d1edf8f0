/**
 * The index the commands answer from: every article split into sentences, its quotations with
 * their speakers, its figures, and full-text indexes over them. Built once from plain articles.
 */
import type { Article } from '../corpus/article.ts';
import { indexArticle, type ArticleIndex, type ArticlePerson } from './derive.ts';
import { correctNames, NAME_SEARCH_OPTIONS, queryTerms, TextIndex, type IndexSpec, type SavedTextIndex } from './search.ts';
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

/** The sentence index: text and speakers weigh most; outlet and headline let `Mehr rockets` find Mehr's sentences on rockets. */
const SENTENCE_INDEX: IndexSpec<'text' | 'speakers' | 'outlet' | 'headline'> = { fields: ['text', 'speakers', 'outlet', 'headline'], boost: { text: 2, speakers: 1.5 } };
const QUOTATION_INDEX: IndexSpec<'text' | 'speaker'> = { fields: ['text', 'speaker'], boost: { text: 1, speaker: 1 } };
/** Speaker names are few and short: every posting is kept, and they are matched fuzzily. */
const SPEAKER_INDEX: IndexSpec<'name'> = { fields: ['name'], searchOptions: NAME_SEARCH_OPTIONS, cap: Infinity };

/** Passed by `Library.build` alone: the constructor leaves the search indexes for it to fill a slice at a time. */
const INDEX_LATER = Symbol('index later');

/** Documents added to a search index between two pauses of `Library.build`. */
const INDEX_SLICE = 200;

/**
 * What a library can be given instead of working it out: what the saved index kept, or what the
 * library in force already derived when the corpus folder changes.
 */
export interface PreparedLibrary {
  /**
   * Each article's own derived data, by article id, made from that very body: the saved index
   * keys it by the file's content hash, a reload takes it through `reusableIndex`. An article
   * without it is derived now.
   */
  indexes?: ReadonlyMap<string, ArticleIndex>;
  /** The indexes across articles, when they were saved for exactly these articles. */
  saved?: SavedIndexes;
}

/**
 * What the library derives across articles, saved in the cache beside the per-article part so
 * that loading does no attribution and builds no index.
 */
export interface SavedIndexes {
  speakers: Speaker[];
  /** The speaker id of each quotation, in the order of `Library.quotations`. */
  quotationSpeakers: (string | null)[];
  sentenceIndex: SavedTextIndex;
  quotationIndex: SavedTextIndex;
  speakerIndex: SavedTextIndex;
  vocabulary: string[];
}

/** Everything the commands answer from. Read-only once built. */
export class Library {
  /** Articles, oldest first. */
  readonly articles: readonly Article[];
  readonly quotations: readonly Quotation[];
  readonly figures: readonly Figure[];
  readonly speakers: readonly Speaker[];
  readonly #articles = new Map<string, Article>();
  readonly #indexes = new Map<string, ArticleIndex>();
  readonly #speakers = new Map<string, Speaker>();
  readonly #quotationsOf = new Map<string, Quotation[]>();
  readonly #quotationsBy = new Map<string, Quotation[]>();
  readonly #figuresOf = new Map<string, Figure[]>();
  /** Every sentence in the corpus, oldest article first; a sentence's position here is its id in `#sentenceIndex`. */
  readonly #allSentences: SentenceRef[] = [];
  /** The speakers' names of each sentence that quotes someone, by position in `#allSentences`. */
  readonly #sentenceSpeakers = new Map<number, string>();
  readonly #sentenceIndex: TextIndex<'text' | 'speakers' | 'outlet' | 'headline'>;
  readonly #quotationIndex: TextIndex<'text' | 'speaker'>;
  readonly #speakerIndex: TextIndex<'name'>;
  /** Every word of the corpus text, outlets and headlines: a word found here is not a misspelling. */
  readonly #vocabulary: Set<string>;
  /** Every word of a speaker's name, in the order of `speakers`: what a misspelt name is corrected to. */
  readonly #nameWords = new Map<string, number>();

  /**
   * Builds the library; articles may come in any order. `prepared` spares work done before (see
   * `PreparedLibrary`): each article's derived data and, when nothing changed, the indexes across
   * articles too. Speakers and the search indexes are otherwise built afresh.
   */
  constructor(articles: readonly Article[], prepared?: PreparedLibrary, later?: typeof INDEX_LATER) {
    this.articles = [...articles].sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
    const people: PersonInArticle<ArticlePerson>[] = [];
    const figures: Figure[] = [];
    for (const article of this.articles) {
      if (this.#articles.has(article.id)) throw new Error(`Library: duplicate article id ${article.id}`);
      this.#articles.set(article.id, article);
      const index = prepared?.indexes?.get(article.id) ?? indexArticle(article);
      this.#indexes.set(article.id, index);
      if (!prepared?.saved) for (const person of index.persons) people.push({ person, quotations: person.quotations });
      figures.push(...index.figures);
    }

    const saved = prepared?.saved;
    let speakerIdOf: (article: ArticleIndex, person: number) => string | null;
    if (saved) {
      this.speakers = saved.speakers;
      let n = 0;
      speakerIdOf = () => saved.quotationSpeakers[n++] ?? null;
    } else {
      const { speakers, speakerOf } = mergeSpeakers(people);
      this.speakers = speakers;
      speakerIdOf = (index, person) => speakerOf.get(index.persons[person]!)?.id ?? null;
    }
    for (const s of this.speakers) this.#speakers.set(s.id, s);
    const quotations: Quotation[] = [];
    for (const article of this.articles) {
      const index = this.#indexes.get(article.id)!;
      for (const q of index.quotations) {
        // Every quotation takes its place in the saved list, speaker or not, so the order stays aligned.
        const speakerId = saved ? speakerIdOf(index, -1) : q.person === null ? null : speakerIdOf(index, q.person);
        quotations.push({ articleId: article.id, start: q.start, end: q.end, text: q.text, kind: q.kind, speakerId, sentence: q.sentence });
      }
    }
    this.quotations = quotations;
    this.figures = figures;
    for (const article of this.articles) {
      this.#quotationsOf.set(article.id, []);
      this.#figuresOf.set(article.id, []);
    }
    for (const q of this.quotations) {
      this.#quotationsOf.get(q.articleId)!.push(q);
      if (!q.speakerId) continue;
      const by = this.#quotationsBy.get(q.speakerId);
      if (by) by.push(q);
      else this.#quotationsBy.set(q.speakerId, [q]);
    }
    for (const f of this.figures) this.#figuresOf.get(f.articleId)!.push(f);

    const firstSentence = new Map<string, number>();
    for (const article of this.articles) {
      firstSentence.set(article.id, this.#allSentences.length);
      for (const sentence of this.#indexes.get(article.id)!.sentences) this.#allSentences.push({ article, sentence });
    }
    const speakersBySentence = new Map<number, Set<string>>();
    for (const q of this.quotations) {
      if (!q.speakerId) continue;
      const id = firstSentence.get(q.articleId)! + q.sentence;
      const set = speakersBySentence.get(id) ?? new Set<string>();
      set.add(this.#speakers.get(q.speakerId)!.name);
      speakersBySentence.set(id, set);
    }
    for (const [id, names] of speakersBySentence) this.#sentenceSpeakers.set(id, [...names].join(' '));
    this.speakers.forEach((s, i) => {
      for (const term of queryTerms([s.name, ...s.aliases].join(' '))) if (!this.#nameWords.has(term)) this.#nameWords.set(term, i);
    });

    if (saved) {
      this.#sentenceIndex = new TextIndex(SENTENCE_INDEX, saved.sentenceIndex);
      this.#quotationIndex = new TextIndex(QUOTATION_INDEX, saved.quotationIndex);
      this.#speakerIndex = new TextIndex(SPEAKER_INDEX, saved.speakerIndex);
      this.#vocabulary = new Set(saved.vocabulary);
      return;
    }
    this.#sentenceIndex = new TextIndex(SENTENCE_INDEX);
    this.#quotationIndex = new TextIndex(QUOTATION_INDEX);
    this.#speakerIndex = new TextIndex(SPEAKER_INDEX);
    this.#vocabulary = new Set();
    if (later !== INDEX_LATER) for (const _ of this.#buildIndexes());
  }

  /**
   * Builds the library as the constructor does, but calls `pause` between slices of the search
   * indexes (most of the work once each article's data is at hand), so that a running bot goes on
   * answering from the library in force while this one is built. Saved indexes need no building.
   */
  static async build(articles: readonly Article[], prepared: PreparedLibrary | undefined, pause: () => Promise<void>): Promise<Library> {
    if (prepared?.saved) return new Library(articles, prepared);
    const library = new Library(articles, prepared, INDEX_LATER);
    for (const _ of library.#buildIndexes()) await pause();
    return library;
  }

  /** Fills the empty search indexes and the vocabulary, yielding after each slice of documents. */
  *#buildIndexes(): Generator<void> {
    // Newest first: where a common word's postings are capped, the newest sentences keep theirs.
    // Added in slices in that same order, the capped postings are those of a single `addAll`.
    const sentences = this.#allSentences
      .map(({ article, sentence }, id) => ({ id, text: sentence.text, speakers: this.#sentenceSpeakers.get(id) ?? '', outlet: article.outlet, headline: article.title ?? '' }))
      .reverse();
    yield;
    for (let i = 0; i < sentences.length; i += INDEX_SLICE) {
      this.#sentenceIndex.addAll(sentences.slice(i, i + INDEX_SLICE));
      yield;
    }
    const quotations = this.quotations.map((q, id) => ({ id, text: q.text, speaker: this.#speakerName(q) })).reverse();
    for (let i = 0; i < quotations.length; i += INDEX_SLICE) {
      this.#quotationIndex.addAll(quotations.slice(i, i + INDEX_SLICE));
      yield;
    }
    this.#speakerIndex.addAll(this.speakers.map((s, id) => ({ id, name: [s.name, ...s.aliases].join(' ') })));
    for (const article of this.articles) for (const term of queryTerms(`${article.outlet} ${article.title ?? ''}`)) this.#vocabulary.add(term);
    for (let i = 0; i < this.#allSentences.length; i += INDEX_SLICE) {
      for (const { sentence } of this.#allSentences.slice(i, i + INDEX_SLICE)) for (const term of queryTerms(sentence.text)) this.#vocabulary.add(term);
      yield;
    }
  }

  /** What the cache keeps of this library besides each article's own data. */
  savedIndexes(): SavedIndexes {
    return {
      speakers: [...this.speakers],
      quotationSpeakers: this.quotations.map((q) => q.speakerId),
      sentenceIndex: this.#sentenceIndex.toJSON(),
      quotationIndex: this.#quotationIndex.toJSON(),
      speakerIndex: this.#speakerIndex.toJSON(),
      vocabulary: [...this.#vocabulary],
    };
  }

  /** What was derived from one article alone, as the cache keeps it. */
  articleIndex(articleId: string): ArticleIndex | undefined {
    return this.#indexes.get(articleId);
  }

  /**
   * What this library derived from an article, for a later library to reuse: only when this
   * library holds an article of the same id with the very same body.
   */
  reusableIndex(article: Article): ArticleIndex | undefined {
    return this.#articles.get(article.id)?.body === article.body ? this.#indexes.get(article.id) : undefined;
  }

  #speakerName(q: Quotation): string {
    return q.speakerId ? this.#speakers.get(q.speakerId)!.name : '';
  }

  /** All the text a sentence is found by: its own, its speakers', its outlet and headline. */
  #sentenceText = (id: number): string => {
    const { article, sentence } = this.#allSentences[id]!;
    return `${sentence.text} ${this.#sentenceSpeakers.get(id) ?? ''} ${article.outlet} ${article.title ?? ''}`;
  };

  #quotationText = (id: number): string => {
    const q = this.quotations[id]!;
    return `${q.text} ${this.#speakerName(q)}`;
  };

  /** The query with misspelt speaker names corrected (`Irvani` → `iravani`); other words as typed. */
  #corrected(query: string): string {
    // Only the name words of the speakers a fuzzy search finds are compared letter by letter: a large corpus has thousands.
    const candidates = (term: string): string[] =>
      this.#speakerIndex
        .search(term, () => '')
        .flatMap((hit) => queryTerms([this.speakers[hit.id]!.name, ...this.speakers[hit.id]!.aliases].join(' ')))
        .filter((word, i, all) => all.indexOf(word) === i)
        .sort((a, b) => this.#nameWords.get(a)! - this.#nameWords.get(b)!);
    return correctNames(query, this.#vocabulary, candidates);
  }

  /** The article with this id. */
  article(id: string): Article | undefined {
    return this.#articles.get(id);
  }

  /** The sentences of an article, in order. */
  sentencesOf(articleId: string): readonly Sentence[] {
    return this.#indexes.get(articleId)?.sentences ?? [];
  }

  /** The quotations of an article, in order. */
  quotationsOf(articleId: string): readonly Quotation[] {
    return this.#quotationsOf.get(articleId) ?? [];
  }

  /** The quotations of a speaker, in article order. */
  quotationsBy(speakerId: string): readonly Quotation[] {
    return this.#quotationsBy.get(speakerId) ?? [];
  }

  /** How many words an article's body holds. */
  wordsOf(articleId: string): number {
    return this.#indexes.get(articleId)?.words ?? 0;
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
    return this.#speakerIndex.search(query, () => '').map((hit) => this.speakers[hit.id]!);
  }

  /** Quotations whose words (or speaker's name, misspelt or not) match every word of the query, best first. */
  searchQuotations(query: string): Quotation[] {
    return this.#quotationIndex.search(this.#corrected(query), this.#quotationText).map((hit) => this.quotations[hit.id]!);
  }

  /**
   * Sentences matching every word of the query, best first; `filter` keeps only some. A word may
   * match the sentence, its speakers, its outlet or its headline (`Mehr rockets`).
   */
  searchSentences(query: string, filter?: (ref: SentenceRef) => boolean): SentenceRef[] {
    const accept = filter ? (id: number) => filter(this.#allSentences[id]!) : undefined;
    return this.#sentenceIndex.search(this.#corrected(query), this.#sentenceText, accept).map((hit) => this.#allSentences[hit.id]!);
  }
}

