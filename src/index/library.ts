/**
 * The index the commands answer from: every article split into sentences, its quotations with
 * their speakers, its figures, and full-text indexes over them. Built once from plain articles,
 * or loaded as the cache saved it.
 *
 * Laid out for a corpus of ten thousand articles and more: each article's rows are columns of
 * numbers (`store.ts`), turned into objects only for the articles an answer shows; the full-text
 * index has one document per article, and the sentences or quotations that match are then found
 * in the matched articles by their word ids (`vocabulary.ts`).
 *
 * This file is the index's only door: commands, rendering and the bot import nothing else from
 * `src/index/` (`test/index/narrow.test.ts` checks it), and no MiniSearch type crosses it.
 */
import type { Article } from '../corpus/article.ts';
import type { ArticleIndex } from '../analysis/analyse.ts';
import { correctNames, folded, NAME_SEARCH_OPTIONS, queryTerms, TextIndex, type IndexSpec, type SavedTextIndex } from './search.ts';
import { Store, type Columns, type StoreTexts } from './store.ts';
import type { Figure, FigureCategory, Quotation, QuotationKind, Sentence, Speaker } from '../analysis/types.ts';
import { holds, partitionPoint, type TermRange } from './vocabulary.ts';

// How a query is cut into words and typed text folded: commands check a query with the very rules the search uses.
export { folded, queryTerms };

/** A sentence together with the article it belongs to. */
export interface SentenceRef {
  article: Article;
  sentence: Sentence;
}

/** A speaker offered while a name is typed, with how many of their quotations (of the kinds asked for) there are. */
export interface SpeakerSuggestion {
  speaker: Speaker;
  quotations: number;
}

/** Where a sentence is, without its text: what a search's filter is given, so that it makes no objects for sentences it turns down. */
interface SentenceSpot {
  article: Article;
  /** The article's position in the library, oldest first. */
  position: number;
  /** The sentence's position in its article. */
  index: number;
  paragraph: number;
}

/**
 * The article index: text and speakers weigh most; outlet and headline let `Mehr rockets` find
 * Mehr's sentences on rockets. One document per article: a sentence is found inside the articles
 * it returns.
 */
export type ArticleField = 'text' | 'speakers' | 'outlet' | 'headline';
export const ARTICLE_INDEX: IndexSpec<ArticleField> = { fields: ['text', 'speakers', 'outlet', 'headline'], boost: { text: 2, speakers: 1.5 } };
/** The fields a quotation is found by: its words and its speaker's name. */
const QUOTATION_FIELDS = ['text', 'speakers'] as const;
/** Speaker names are few and short: every posting is kept, and they are matched fuzzily. */
export const SPEAKER_INDEX: IndexSpec<'name'> = { fields: ['name'], searchOptions: NAME_SEARCH_OPTIONS, cap: Infinity };

/**
 * How many articles keep their sentences, quotations and figures as objects between answers.
 * A few thousand objects: the articles being discussed, not the corpus.
 */
const MATERIALISED_ARTICLES = 1_000;

/** What the cache keeps of a library besides its articles: enough to load it without deriving or indexing anything. */
export interface SavedLibrary {
  /** The article ids in library order, which the columns follow. */
  order: string[];
  columns: Columns;
  texts: StoreTexts;
  /** Each article's persons, as JSON, read when wanted (see `Store.persons`). */
  persons: () => Buffer;
  speakers: Speaker[];
  /** The search indexes, read when first wanted (see `TextIndex`). */
  articleIndex: () => SavedTextIndex;
  speakerIndex: () => SavedTextIndex;
}

/** What `suggestSpeakers` looks speakers up in, for one choice of quotation kinds: worked out once, since it runs at every keystroke. */
interface SpeakerLookup {
  /** The speakers with a quotation of those kinds, most quoted first, then by name, with the folded words of their names and other spellings. */
  offered: (SpeakerSuggestion & { words: string[] })[];
  /** Every name word with its speaker's position in `offered`, sorted by word: the words a typed prefix starts are one stretch of it. */
  words: { word: string; rank: number }[];
  /** Quotations of those kinds, by speaker id. */
  counts: Map<string, number>;
}

/** The words of a name, or of what is typed for one, as `suggestSpeakers` compares them: folded, split at spaces and hyphens. */
function nameWordsOf(text: string): string[] {
  return folded(text).split(/[\s-]+/u).filter(Boolean);
}

/** An article's sentences, quotations and figures as objects, each made when first used. */
interface Materialised {
  sentences?: Sentence[];
  quotations?: Quotation[];
  figures?: Figure[];
}

/** What a library is made of, however it was obtained: built (`assemble.ts`) or loaded (`Library.load`). */
export interface LibraryParts {
  articles: Article[];
  store: Store;
  speakers: Speaker[];
  articleIndex: TextIndex<ArticleField>;
  speakerIndex: TextIndex<'name'>;
}

/** Everything the commands answer from. Read-only once built. */
export class Library {
  /** Articles, oldest first. */
  readonly articles: readonly Article[];
  readonly speakers: readonly Speaker[];
  readonly #store: Store;
  readonly #articleIndex: TextIndex<ArticleField>;
  readonly #speakerIndex: TextIndex<'name'>;
  readonly #positions = new Map<string, number>();
  readonly #speakerPositions = new Map<string, number>();
  /** The article of each quotation row. */
  readonly #quotationArticle: Int32Array;
  /** Each speaker's quotation rows, in library order: `rows[from[p]]` to `rows[from[p + 1]]`. */
  readonly #quotationsBy: { from: Int32Array; rows: Int32Array };
  /** Recently used articles as objects, the first used first (see `#materialise`). */
  readonly #materialised = new Map<number, Materialised>();
  /** The article used last: a command asks for the same article many times in a row. */
  #lastMaterialised: { a: number; made: Materialised } | null = null;
  #nameWords: Map<string, number> | null = null;
  /** By the quotation kinds asked for, joined. */
  readonly #speakerLookups = new Map<string, SpeakerLookup>();
  #allQuotations: Quotation[] | null = null;
  #allFigures: Figure[] | null = null;

  /**
   * A library of parts already worked out, its articles in library order: `buildLibrary`
   * (`assemble.ts`) builds them from articles, `Library.load` reads them from the saved index.
   */
  constructor(parts: LibraryParts) {
    this.articles = parts.articles;
    this.speakers = parts.speakers;
    this.#store = parts.store;
    this.#articleIndex = parts.articleIndex;
    this.#speakerIndex = parts.speakerIndex;
    this.articles.forEach((article, a) => this.#positions.set(article.id, a));
    this.speakers.forEach((speaker, p) => this.#speakerPositions.set(speaker.id, p));

    const c = this.#store.columns;
    this.#quotationArticle = new Int32Array(c.quotationKind.length);
    for (let a = 0; a < this.articles.length; a++) this.#quotationArticle.fill(a, c.quotationFrom[a], c.quotationFrom[a + 1]);
    // Grouped by speaker with a counting sort: rows stay in library order within each speaker.
    const from = new Int32Array(this.speakers.length + 1);
    for (const p of c.quotationSpeaker) if (p >= 0) from[p + 1]! += 1;
    for (let p = 0; p < this.speakers.length; p++) from[p + 1]! += from[p]!;
    const rows = new Int32Array(from[this.speakers.length]!);
    const next = from.slice(0, this.speakers.length);
    c.quotationSpeaker.forEach((p, row) => {
      if (p >= 0) rows[next[p]!++] = row;
    });
    this.#quotationsBy = { from, rows };
  }

  /**
   * The library the cache saved, for these articles (in any order). Throws when the saved data
   * does not fit them, so that the caller builds the library afresh.
   */
  static load(articles: readonly Article[], saved: SavedLibrary): Library {
    const byId = new Map(articles.map((a) => [a.id, a]));
    const ordered = saved.order.map((id) => byId.get(id));
    const store = new Store(saved.columns, saved.texts, saved.persons);
    if (ordered.length !== articles.length || ordered.some((a) => !a) || store.articles !== articles.length) throw new Error('Library: the saved index is for other articles');
    if (store.columns.quotationSpeaker.some((p) => p >= saved.speakers.length)) throw new Error('Library: the saved speakers do not fit the quotations');
    return new Library({
      articles: ordered as Article[],
      store,
      speakers: saved.speakers,
      articleIndex: new TextIndex(ARTICLE_INDEX, saved.articleIndex),
      speakerIndex: new TextIndex(SPEAKER_INDEX, saved.speakerIndex),
    });
  }

  /**
   * Loads the search indexes of a library loaded from the cache, one after the other in later
   * turns of the event loop: a bot logging in meanwhile goes on with it between them. Without it
   * they load when first searched. `articles: false` loads the speakers' index only.
   */
  async loadIndexes({ articles = true }: { articles?: boolean } = {}): Promise<void> {
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    await nextTurn();
    this.#speakerIndex.load();
    if (!articles) return;
    await nextTurn();
    this.#articleIndex.load();
  }

  /** What the cache keeps of this library besides its articles. */
  saved(): SavedLibrary {
    return {
      order: this.articles.map((a) => a.id),
      columns: this.#store.columns,
      texts: this.#store.texts,
      persons: this.#store.persons,
      speakers: [...this.speakers],
      articleIndex: () => this.#articleIndex.toJSON(),
      speakerIndex: () => this.#speakerIndex.toJSON(),
    };
  }

  /** How much the library holds, counted without making any object. */
  get size(): { articles: number; sentences: number; quotations: number; figures: number; speakers: number } {
    const c = this.#store.columns;
    return { articles: this.articles.length, sentences: c.sentenceStart.length, quotations: c.quotationKind.length, figures: c.figureStart.length, speakers: this.speakers.length };
  }

  /** Every quotation, article by article (oldest first). Made on first use: commands use the narrower look-ups below. */
  get quotations(): readonly Quotation[] {
    this.#allQuotations ??= this.articles.flatMap((_, a) => this.#materialise(a, 'quotations'));
    return this.#allQuotations;
  }

  /** Every figure, article by article (oldest first). Made on first use. */
  get figures(): readonly Figure[] {
    this.#allFigures ??= this.articles.flatMap((_, a) => this.#materialise(a, 'figures'));
    return this.#allFigures;
  }

  /** How many figures count each thing, by what they count as written (`US troops`), counted without making any object. */
  figuresByCounted(): Map<string, number> {
    const { strings } = this.#store.texts;
    const tally = new Map<string, number>();
    for (const id of this.#store.columns.figureCounted) tally.set(strings[id]!, (tally.get(strings[id]!) ?? 0) + 1);
    return tally;
  }

  /**
   * An article's sentences, quotations or figures as objects, each made when first asked for and
   * kept for the last `MATERIALISED_ARTICLES` articles asked for. The oldest kept is dropped first,
   * whether or not it was used since: moving an entry on every use cost more than the objects.
   */
  #materialise<K extends keyof Materialised>(a: number, part: K): NonNullable<Materialised[K]> {
    let kept = this.#lastMaterialised?.a === a ? this.#lastMaterialised.made : this.#materialised.get(a);
    if (!kept) {
      kept = {};
      this.#materialised.set(a, kept);
      if (this.#materialised.size > MATERIALISED_ARTICLES) this.#materialised.delete(this.#materialised.keys().next().value!);
    }
    this.#lastMaterialised = { a, made: kept };
    if (kept[part] === undefined) {
      const store = this.#store;
      const { id, body } = this.articles[a]!;
      const c = store.columns;
      if (part === 'sentences') kept.sentences = store.sentences(a, body);
      else if (part === 'quotations') {
        const speakerId = (p: number): string => this.speakers[p]!.id;
        kept.quotations = [];
        for (let row = c.quotationFrom[a]!; row < c.quotationFrom[a + 1]!; row++) kept.quotations.push(store.quotation(row, id, body, speakerId));
      } else {
        kept.figures = [];
        for (let row = c.figureFrom[a]!; row < c.figureFrom[a + 1]!; row++) kept.figures.push(store.figure(row, id, body));
      }
    }
    return kept[part]!;
  }

  /** What was derived from one article alone, as `indexArticle` gives it. */
  articleIndex(articleId: string): ArticleIndex | undefined {
    const a = this.#positions.get(articleId);
    return a === undefined ? undefined : this.#store.articleIndex(a, articleId, this.articles[a]!.body);
  }

  /**
   * What this library derived from an article, for a later library to reuse: only when this
   * library holds an article of the same id with the very same body.
   */
  reusableIndex(article: Article): ArticleIndex | undefined {
    const a = this.#positions.get(article.id);
    if (a === undefined) return undefined;
    const mine = this.articles[a]!;
    return mine === article || mine.body === article.body ? this.#store.articleIndex(a, article.id, mine.body) : undefined;
  }

  /** The ranges of word ids a query's words match, or null when a word matches none: nothing can match then. */
  #ranges(words: readonly string[]): TermRange[] | null {
    const ranges = words.map((w) => this.#store.vocabulary.range(w));
    return ranges.some(([from, to]) => from === to) ? null : ranges;
  }

  /**
   * The articles matching every word, best first, and their matching rows (sentences or
   * quotations, as `rows` finds them), each article's found once. Where only capped postings
   * decide, an article counts as found only with a row holding every word, so that common words
   * held apart are looked for further (see `TextIndex.search`).
   */
  #articlesMatching(words: readonly string[], rows: (a: number) => number[], fields?: readonly ArticleField[]): { articles: number[]; rowsOf: (a: number) => number[] } {
    const matched = new Map<number, number[]>();
    const rowsOf = (a: number): number[] => {
      let found = matched.get(a);
      if (!found) matched.set(a, (found = rows(a)));
      return found;
    };
    const articles = this.#articleIndex.search(words.join(' '), { holds: this.#articleHolds, matches: (a) => rowsOf(a).length > 0, fields }).map((hit) => hit.id);
    return { articles, rowsOf };
  }

  /** Whether article `a` holds a word anywhere: its sentences, speakers, outlet or headline. */
  #articleHolds = (a: number, word: string): boolean => {
    const store = this.#store;
    const range = store.vocabulary.range(word);
    if (holds(store.articleTerms, a, range)) return true;
    for (let row = store.columns.sentenceFrom[a]!; row < store.columns.sentenceFrom[a + 1]!; row++) if (holds(store.sentenceTerms, row, range)) return true;
    return false;
  };

  /** The query with misspelt speaker names corrected (`Irvani` → `iravani`); other words as typed. */
  #corrected(query: string): string {
    if (!this.#nameWords) {
      this.#nameWords = new Map();
      for (const [i, s] of this.speakers.entries()) for (const term of queryTerms([s.name, ...s.aliases].join(' '))) if (!this.#nameWords.has(term)) this.#nameWords.set(term, i);
    }
    const nameWords = this.#nameWords;
    // Only the name words of the speakers a fuzzy search finds are compared letter by letter: a large corpus has thousands.
    const candidates = (term: string): string[] =>
      this.#speakerIndex
        .search(term)
        .flatMap((hit) => queryTerms([this.speakers[hit.id]!.name, ...this.speakers[hit.id]!.aliases].join(' ')))
        .filter((word, i, all) => all.indexOf(word) === i)
        .sort((a, b) => nameWords.get(a)! - nameWords.get(b)!);
    return correctNames(query, this.#store.vocabulary, candidates);
  }

  /** The article with this id. */
  article(id: string): Article | undefined {
    const a = this.#positions.get(id);
    return a === undefined ? undefined : this.articles[a];
  }

  /** The sentences of an article, in order. */
  sentencesOf(articleId: string): readonly Sentence[] {
    const a = this.#positions.get(articleId);
    return a === undefined ? [] : this.#materialise(a, 'sentences');
  }

  /** The quotations of an article, in order. */
  quotationsOf(articleId: string): readonly Quotation[] {
    const a = this.#positions.get(articleId);
    return a === undefined ? [] : this.#materialise(a, 'quotations');
  }

  /** The figures of an article, in order. */
  figuresOf(articleId: string): readonly Figure[] {
    const a = this.#positions.get(articleId);
    return a === undefined ? [] : this.#materialise(a, 'figures');
  }

  /** The paragraph of a figure (by its row), counted without making any object. */
  #figureParagraph(a: number, row: number): number {
    const c = this.#store.columns;
    return c.sentenceParagraph[c.sentenceFrom[a]! + c.figureSentence[row]!]!;
  }

  /** How many words an article's body holds. */
  wordsOf(articleId: string): number {
    const a = this.#positions.get(articleId);
    return a === undefined ? 0 : this.#store.columns.words[a]!;
  }

  /** How many sentences, quotations of each kind and figures an article holds, counted without making any object. */
  countsOf(articleId: string): { sentences: number; quotations: Record<QuotationKind, number>; figures: number } {
    const quotations: Record<QuotationKind, number> = { statement: 0, phrase: 0, scare: 0, reported: 0 };
    const a = this.#positions.get(articleId);
    if (a === undefined) return { sentences: 0, quotations, figures: 0 };
    const c = this.#store.columns;
    for (let row = c.quotationFrom[a]!; row < c.quotationFrom[a + 1]!; row++) quotations[this.#store.quotationKind(row)] += 1;
    return { sentences: c.sentenceFrom[a + 1]! - c.sentenceFrom[a]!, quotations, figures: c.figureFrom[a + 1]! - c.figureFrom[a]! };
  }

  /** The quotation of a row, made from its article's objects. */
  #quotationAt(row: number): Quotation {
    const a = this.#quotationArticle[row]!;
    return this.#materialise(a, 'quotations')[row - this.#store.columns.quotationFrom[a]!]!;
  }

  /**
   * The quotations of several speakers: each speaker's in the order given, within a speaker by kind
   * in the order of `kinds` (other kinds left out), then in reading order; at most `limit`. Only
   * the quotations returned are made into objects: a state may be quoted in thousands of articles.
   */
  quotationsOfSpeakers(speakerIds: readonly string[], { kinds, limit = Infinity }: { kinds: readonly QuotationKind[]; limit?: number }): Quotation[] {
    const { from, rows } = this.#quotationsBy;
    const found: Quotation[] = [];
    for (const id of speakerIds) {
      const p = this.#speakerPositions.get(id);
      if (p === undefined) continue;
      const own = rows.subarray(from[p], from[p + 1]);
      for (const kind of kinds) {
        for (const row of own) {
          if (this.#store.quotationKind(row) !== kind) continue;
          found.push(this.#quotationAt(row));
          if (found.length >= limit) return found;
        }
      }
    }
    return found;
  }

  /** How many quotations of each kind a speaker has, counted without making any object. */
  quotationCountsBy(speakerId: string): Record<QuotationKind, number> {
    const counts: Record<QuotationKind, number> = { statement: 0, phrase: 0, scare: 0, reported: 0 };
    const p = this.#speakerPositions.get(speakerId);
    if (p === undefined) return counts;
    const { from, rows } = this.#quotationsBy;
    for (let k = from[p]!; k < from[p + 1]!; k++) counts[this.#store.quotationKind(rows[k]!)] += 1;
    return counts;
  }

  /** The speaker with this id. */
  speaker(id: string): Speaker | undefined {
    const p = this.#speakerPositions.get(id);
    return p === undefined ? undefined : this.speakers[p];
  }

  /** Speakers whose name matches every word of the query (misspellings too: `Irvani` finds Iravani), best first. */
  findSpeakers(query: string): Speaker[] {
    return this.#speakerIndex.search(query).map((hit) => this.speakers[hit.id]!);
  }

  /**
   * Speakers to offer while a name is typed: those with a quotation of the given `kinds` whose
   * name (or other spelling) has a word starting with each typed word (`ira` → Iravani), or, when
   * none has, that the typing misspells (`irvan`, see `findSpeakers`). Most quoted first, then by
   * name; at most `limit`. Nothing typed offers the most quoted.
   */
  suggestSpeakers(typed: string, { kinds, limit }: { kinds: readonly QuotationKind[]; limit: number }): SpeakerSuggestion[] {
    const lookup = this.#speakerLookup(kinds);
    const words = nameWordsOf(typed);
    const found = this.#startingWith(lookup, words)
      .slice(0, limit)
      .map((rank) => ({ speaker: lookup.offered[rank]!.speaker, quotations: lookup.offered[rank]!.quotations }));
    if (found.length > 0 || words.length === 0) return found;
    return this.findSpeakers(typed)
      .filter((s) => (lookup.counts.get(s.id) ?? 0) > 0)
      .sort((a, b) => lookup.counts.get(b.id)! - lookup.counts.get(a.id)! || a.name.localeCompare(b.name))
      .slice(0, limit)
      .map((speaker) => ({ speaker, quotations: lookup.counts.get(speaker.id)! }));
  }

  #speakerLookup(kinds: readonly QuotationKind[]): SpeakerLookup {
    const key = kinds.join();
    let lookup = this.#speakerLookups.get(key);
    if (lookup) return lookup;
    const counts = new Map<string, number>();
    const offered: SpeakerLookup['offered'] = [];
    for (const speaker of this.speakers) {
      const byKind = this.quotationCountsBy(speaker.id);
      const quotations = kinds.reduce((n, kind) => n + byKind[kind], 0);
      counts.set(speaker.id, quotations);
      if (quotations > 0) offered.push({ speaker, quotations, words: nameWordsOf([speaker.name, ...speaker.aliases].join(' ')) });
    }
    offered.sort((a, b) => b.quotations - a.quotations || a.speaker.name.localeCompare(b.speaker.name));
    const words = offered.flatMap((o, rank) => o.words.map((word) => ({ word, rank }))).sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : a.rank - b.rank));
    lookup = { offered, words, counts };
    this.#speakerLookups.set(key, lookup);
    return lookup;
  }

  /** The positions in `offered` of the speakers whose name words start with every typed word, best first. */
  #startingWith(lookup: SpeakerLookup, typed: readonly string[]): number[] {
    if (typed.length === 0) return lookup.offered.map((_, rank) => rank);
    // The longest typed word narrows most: its stretch of the sorted words, then the other words checked on each speaker.
    const longest = typed.reduce((a, b) => (b.length > a.length ? b : a));
    const from = partitionPoint(0, lookup.words.length, (i) => lookup.words[i]!.word < longest);
    const ranks = new Set<number>();
    for (let i = from; i < lookup.words.length && lookup.words[i]!.word.startsWith(longest); i++) ranks.add(lookup.words[i]!.rank);
    return [...ranks].filter((rank) => typed.every((w) => lookup.offered[rank]!.words.some((n) => n.startsWith(w)))).sort((a, b) => a - b);
  }

  /**
   * Quotations whose words (or speaker's name, misspelt or not) match every word of the query:
   * those of the best-matching article first, each article's in order. Only quotations of the
   * given `kinds` (all when not given), and at most `limit`.
   */
  searchQuotations(query: string, { kinds, limit = Infinity }: { kinds?: readonly QuotationKind[]; limit?: number } = {}): Quotation[] {
    const words = queryTerms(this.#corrected(query));
    const ranges = this.#ranges(words);
    if (!ranges) return [];
    const { quotationFrom } = this.#store.columns;
    const rows = (a: number): number[] => {
      const found = [];
      for (let row = quotationFrom[a]!; row < quotationFrom[a + 1]!; row++) {
        if (kinds && !kinds.includes(this.#store.quotationKind(row))) continue;
        if (ranges.every((range) => holds(this.#store.quotationTerms, row, range))) found.push(row);
      }
      return found;
    };
    const { articles, rowsOf } = this.#articlesMatching(words, rows, QUOTATION_FIELDS);
    const found: Quotation[] = [];
    for (const a of articles) {
      for (const row of rowsOf(a)) {
        found.push(this.#materialise(a, 'quotations')[row - quotationFrom[a]!]!);
        if (found.length >= limit) return found;
      }
    }
    return found;
  }

  /**
   * Where the sentences matching every word of the query are, one at a time: those of the
   * best-matching article first (or, with `newestFirst`, of the newest article), each article's in
   * order. A word may match the sentence, its speakers, its article's outlet or headline (`Mehr
   * rockets`). No sentence is made into an object, and a caller that has enough stops the search.
   */
  *#sentencesMatching(query: string, { newestFirst = false }: { newestFirst?: boolean } = {}): Generator<SentenceSpot> {
    const words = queryTerms(this.#corrected(query));
    const ranges = this.#ranges(words);
    if (!ranges) return;
    const { sentenceFrom, sentenceParagraph } = this.#store.columns;
    const { sentenceTerms, articleTerms } = this.#store;
    const rows = (a: number): number[] => {
      // A word the outlet or headline holds is held by every sentence of the article.
      const byArticle = ranges.map((range) => holds(articleTerms, a, range));
      const found = [];
      for (let row = sentenceFrom[a]!; row < sentenceFrom[a + 1]!; row++) {
        let all = true;
        for (let k = 0; all && k < ranges.length; k++) all = byArticle[k]! || holds(sentenceTerms, row, ranges[k]!);
        if (all) found.push(row);
      }
      return found;
    };
    const { articles: hits, rowsOf } = this.#articlesMatching(words, rows);
    if (newestFirst) hits.sort((x, y) => y - x);
    for (const a of hits) {
      const article = this.articles[a]!;
      for (const row of rowsOf(a)) yield { article, position: a, index: row - sentenceFrom[a]!, paragraph: sentenceParagraph[row]! };
    }
  }

  /** The spots `#sentencesMatching` finds that `filter` keeps, at most `limit`. */
  #findSentences(query: string, { filter, limit = Infinity, newestFirst = false }: { filter?: (spot: SentenceSpot) => boolean; limit?: number; newestFirst?: boolean }): SentenceSpot[] {
    const found: SentenceSpot[] = [];
    if (limit <= 0) return found;
    for (const spot of this.#sentencesMatching(query, { newestFirst })) {
      if (filter && !filter(spot)) continue;
      found.push(spot);
      if (found.length >= limit) break;
    }
    return found;
  }

  /**
   * The sentences matching every word of the query (a word may match the sentence, its speakers,
   * or its article's outlet or headline: `Mehr rockets`), those of the best-matching article first
   * (or, with `newestFirst`, of the newest), each article's in order; at most `limit`.
   */
  searchSentences(query: string, { limit = Infinity, newestFirst = false }: { limit?: number; newestFirst?: boolean } = {}): SentenceRef[] {
    return this.#findSentences(query, { limit, newestFirst }).map(({ article, position, index }) => ({ article, sentence: this.#materialise(position, 'sentences')[index]! }));
  }

  /**
   * Figures of the given `categories` (of any, when none is given) in paragraphs that hold every
   * one of `words` (query words, as `queryTerms` gives them), the article's headline and outlet
   * counting as part of each paragraph: a toll's paragraph names the place once (`the besieged
   * Gaza Strip, which has killed …`), not in each of its sentences (`Another 26,900 people have been
   * wounded as well.`). Newest first, by article and then from an article's last figure back; at
   * most `limit`, the newest. Only as many articles are read, newest first, as give `limit`.
   */
  figuresMatching({ categories = [], words = [], limit = Infinity, numbered = false }: { categories?: readonly FigureCategory[]; words?: readonly string[]; limit?: number; numbered?: boolean } = {}): Figure[] {
    if (limit <= 0) return [];
    const wantedCategories = new Set(categories);
    const wanted = (category: FigureCategory): boolean => wantedCategories.size === 0 || wantedCategories.has(category);
    const { figureFrom, figureValue } = this.#store.columns;
    // `numbered`: only figures that state a number (`at least 12`), not a vague quantity (`dozens of`).
    const wantedRow = (row: number): boolean => wanted(this.#store.figureCategory(row)) && (!numbered || !Number.isNaN(figureValue[row]!));
    const found: Figure[] = [];
    if (words.length > 0) {
      // Which paragraphs of an article hold a wanted figure, worked out once per article: a common word matches thousands of sentences.
      const wantedParagraphs = new Map<number, Set<number>>();
      const hasWanted = (a: number, paragraph: number): boolean => {
        let paragraphs = wantedParagraphs.get(a);
        if (!paragraphs) {
          paragraphs = new Set();
          for (let row = figureFrom[a]!; row < figureFrom[a + 1]!; row++) if (wantedRow(row)) paragraphs.add(this.#figureParagraph(a, row));
          wantedParagraphs.set(a, paragraphs);
        }
        return paragraphs.has(paragraph);
      };
      // The words after the first narrow to the paragraphs that hold them all, by article position.
      const [first, ...rest] = words as [string, ...string[]];
      let narrowing: Map<number, Set<number>> | null = null;
      for (const word of rest) {
        const before: Map<number, Set<number>> | null = narrowing;
        const next = new Map<number, Set<number>>();
        for (const { position, paragraph } of this.#findSentences(word, { filter: (spot) => hasWanted(spot.position, spot.paragraph) && (!before || before.get(spot.position)?.has(spot.paragraph) === true) })) {
          const paragraphs = next.get(position) ?? new Set<number>();
          paragraphs.add(paragraph);
          next.set(position, paragraphs);
        }
        narrowing = next;
      }
      // The first word's sentences come newest article first: the search stops once enough figures are found.
      let current = -1;
      const taken = new Set<number>();
      for (const { position: a, paragraph } of this.#sentencesMatching(first, { newestFirst: true })) {
        if (a !== current) {
          if (found.length >= limit) break;
          current = a;
          taken.clear();
        }
        if (taken.has(paragraph) || !hasWanted(a, paragraph) || (narrowing && !narrowing.get(a)?.has(paragraph))) continue;
        taken.add(paragraph);
        const figures = this.#materialise(a, 'figures');
        for (let row = figureFrom[a]!; row < figureFrom[a + 1]!; row++) {
          if (wantedRow(row) && this.#figureParagraph(a, row) === paragraph) found.push(figures[row - figureFrom[a]!]!);
        }
      }
    } else {
      // Walking back from the newest article stops once enough are found.
      for (let a = this.articles.length - 1; a >= 0 && found.length < limit; a--) {
        for (const f of this.#materialise(a, 'figures')) if (wanted(f.category) && (!numbered || f.value !== null)) found.push(f);
      }
    }
    // The last article read may give more than are wanted: its first figures are the ones dropped.
    found.sort((x, y) => this.#positions.get(x.articleId)! - this.#positions.get(y.articleId)! || x.start - y.start);
    return found.slice(-limit).reverse();
  }
}
