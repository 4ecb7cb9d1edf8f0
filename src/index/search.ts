/**
 * The full-text side of the index: a narrow wrapper over MiniSearch so its options live in one
 * place and its result type stays inside this module.
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import { distance as editDistance } from 'fastest-levenshtein';

/**
 * Words too common to tell sentences apart. Dropped when indexing and when searching, so a
 * query made only of them finds nothing rather than everything.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an and are as at be been but by for from had has have he her his i in is it its of on or our she ' +
    'so than that the their them there these they this to was we were which who will with would you').split(' '),
);

/** Lower-cases a term and drops stopwords and lone letters (the `s` of `Iran’s`). */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return lower.length < 2 || STOPWORDS.has(lower) ? null : lower;
}

/** Words shorter than this are matched whole: as prefixes, `US` or `Ira` would match far too much. */
export const MIN_PREFIX_LENGTH = 4;

/**
 * Names shorter than this are never matched fuzzily: one letter off a four-letter word is
 * another word (`Tran`, `Iran`), while one letter off `Iravani` is a misspelling of it.
 */
export const MIN_FUZZY_LENGTH = 5;

/**
 * How the text indexes search. `AND` means every word of the query must match, so a query the
 * corpus does not answer finds nothing instead of a near miss on one word. Prefixes let `attack`
 * find `attacks`; text is never matched fuzzily (`sanctions` is not `actions`): misspelt names are
 * corrected against the speakers first (see `NAME_SEARCH_OPTIONS`).
 */
export const SEARCH_OPTIONS: SearchOptions = {
  prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
  fuzzy: false,
  combineWith: 'AND',
};

/**
 * How speaker names are searched: fuzzily too, so that `Irvani` finds Iravani. A name is a small,
 * distinctive vocabulary, unlike the text.
 */
export const NAME_SEARCH_OPTIONS: SearchOptions = {
  ...SEARCH_OPTIONS,
  fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH ? 0.2 : false),
};

/** What `TextIndex.search` checks candidates with (see there). */
export interface SearchChecks<Field extends string> {
  holds?: (id: number, word: string) => boolean;
  matches?: (id: number) => boolean;
  fields?: readonly Field[];
}

/** A document found by a search: its id and how well it matched. */
export interface Hit {
  id: number;
  score: number;
}

/**
 * How many documents a term is indexed for at most (the first ones added: the library adds the
 * newest first). A term in more documents is *saturated*: `said` or `Iran` in thousands of
 * articles. Scoring every one of them is what makes a common word slow in a large corpus, and
 * their postings are most of the index's memory and load time, so beyond the cap a saturated
 * word is checked against each candidate's own words instead (see `TextIndex.search`).
 */
export const POSTINGS_CAP = 150;

/** What a text index covers and how it is searched; loading a saved index needs the same. */
export interface IndexSpec<Field extends string> {
  fields: readonly Field[];
  /** Weighs fields against each other. */
  boost?: Partial<Record<Field, number>>;
  searchOptions?: SearchOptions;
  /** See `POSTINGS_CAP`; Infinity for a small index (speaker names), where every posting is kept. */
  cap?: number;
}

/** A text index as saved in the cache: MiniSearch's own JSON form, and the saturated terms. */
export interface SavedTextIndex {
  minisearch: AsPlainObject;
  saturated: string[];
}

/** A MiniSearch index over documents with numeric ids and string fields, with common terms capped. */
export class TextIndex<Field extends string> {
  readonly #options: Options<Record<Field | 'id', string | number>>;
  #search: MiniSearch<Record<Field | 'id', string | number>> | null;
  /** What the index is loaded from on first use, until it is. */
  #saved: (() => SavedTextIndex) | null;
  readonly #cap: number;
  #saturated: Set<string>;
  /** Documents each term is indexed for so far, while adding. */
  readonly #counts = new Map<string, number>();

  /**
   * An empty index, or one to load from what `toJSON` saved with the same `spec`. A saved index
   * is loaded when first searched, or before by `load`: a large one takes a few hundred
   * milliseconds, which a bot spends better logging in.
   */
  constructor(spec: IndexSpec<Field>, saved?: () => SavedTextIndex) {
    this.#options = {
      fields: [...spec.fields],
      storeFields: [],
      processTerm,
      searchOptions: { ...(spec.searchOptions ?? SEARCH_OPTIONS), boost: (spec.boost ?? {}) as Record<string, number> },
    };
    this.#cap = spec.cap ?? POSTINGS_CAP;
    this.#saved = saved ?? null;
    this.#search = saved ? null : new MiniSearch(this.#options);
    this.#saturated = new Set();
  }

  /** The MiniSearch index, loaded now if it is not yet. */
  #index(): MiniSearch<Record<Field | 'id', string | number>> {
    if (!this.#search) {
      const saved = this.#saved!();
      this.#search = MiniSearch.loadJS(saved.minisearch, this.#options);
      this.#saturated = new Set(saved.saturated);
      this.#saved = null;
    }
    return this.#search!;
  }

  /** Loads a saved index now, if it is not yet. */
  load(): void {
    this.#index();
  }

  /**
   * Adds documents; each needs a unique numeric `id`. Documents added first keep their postings
   * of a term that reaches the cap; later ones are found for it by their text (see `search`).
   */
  addAll(documents: readonly (Record<Field, string> & { id: number })[]): void {
    const capped = documents.map((document) => {
      const terms = new Map<string, string[]>();
      const kept = new Set<string>();
      const fields = {} as Record<string, string | number>;
      for (const [field, value] of Object.entries(document)) {
        if (field === 'id') continue;
        const words = queryTerms(String(value));
        terms.set(field, words);
        for (const word of words) kept.add(word);
      }
      for (const word of kept) {
        const count = this.#counts.get(word) ?? 0;
        this.#counts.set(word, count + 1);
        if (count >= this.#cap) {
          kept.delete(word);
          this.#saturated.add(word);
        }
      }
      for (const [field, words] of terms) fields[field] = words.filter((w) => kept.has(w)).join(' ');
      fields['id'] = document.id;
      return fields as Record<Field | 'id', string | number>;
    });
    this.#index().addAll(capped);
  }

  /** Whether a query word matches a saturated term, so that its postings are incomplete. */
  #saturatedWord(word: string): boolean {
    if (this.#saturated.has(word)) return true;
    if (word.length < MIN_PREFIX_LENGTH) return false;
    for (const term of this.#saturated) if (term.startsWith(word)) return true;
    return false;
  }

  /**
   * Documents matching every word of the query, best first, only by the given `fields`.
   * `holds(id, word)` says whether a document holds a word, against which a saturated word is
   * checked: the words with complete postings pick and score the candidates and every saturated
   * word must be held by them, so no match is lost. A query of saturated words only is answered
   * from their capped postings: the first documents added that hold them all, as far as
   * `matches(id)` confirms (a document can hold the words apart, in different sentences); when
   * none does, each word's postings are looked through in turn for documents holding the others.
   */
  search(query: string, { holds = () => false, matches, fields }: SearchChecks<Field> = {}): Hit[] {
    const index = this.#index();
    const words = queryTerms(query);
    if (words.length === 0) return [];
    const open = words.filter((w) => !this.#saturatedWord(w));
    const closed = words.filter((w) => this.#saturatedWord(w));
    const run = (text: string, checked: readonly string[], confirm?: (id: number) => boolean): Hit[] => {
      const options: SearchOptions = fields ? { fields: [...fields] } : {};
      if (confirm || checked.length > 0) {
        options.filter = (result) => {
          const id = result.id as number;
          return checked.every((w) => holds(id, w)) && (!confirm || confirm(id));
        };
      }
      return index.search(text, options).map((r) => ({ id: r.id as number, score: r.score }));
    };
    if (open.length > 0) return run(open.join(' '), closed);
    if (closed.length === 1) return run(closed[0]!, []);
    const together = run(closed.join(' '), [], matches);
    if (together.length > 0) return together;
    // Saturated words whose capped postings share no matching document may still meet further down: take each one's postings in turn and check the others.
    for (const word of closed) {
      const hits = run(
        word,
        closed.filter((w) => w !== word),
        matches,
      );
      if (hits.length > 0) return hits;
    }
    return [];
  }

  /** The index as saved in the cache. */
  toJSON(): SavedTextIndex {
    if (this.#saved) return this.#saved();
    return { minisearch: this.#index().toJSON(), saturated: [...this.#saturated] };
  }
}

/** Text folded for matching what someone types: lower case, without accents. */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query that a search uses: what is left once stopwords are dropped. */
export function queryTerms(query: string): string[] {
  return query
    .split(/[\n\r\p{Z}\p{P}]+/u)
    .map(processTerm)
    .filter((t): t is string => t !== null);
}

/**
 * Replaces each word of a query that appears nowhere in the corpus by the speaker-name word it
 * misspells (`Irvani` → `iravani`): at most one letter off, two for long names, never for short
 * words. Other words are kept as typed, so a word that is simply absent still finds nothing.
 */
export function correctNames(query: string, vocabulary: { has(word: string): boolean }, nameWords: Iterable<string> | ((term: string) => Iterable<string>)): string {
  return queryTerms(query)
    .map((term) => {
      if (vocabulary.has(term) || term.length < MIN_FUZZY_LENGTH) return term;
      const allowed = term.length >= 8 ? 2 : 1;
      let best: string | null = null;
      let bestDistance = allowed + 1;
      for (const word of typeof nameWords === 'function' ? nameWords(term) : nameWords) {
        const distance = editDistance(term, word);
        if (distance < bestDistance) [best, bestDistance] = [word, distance];
      }
      return best ?? term;
    })
    .join(' ');
}
