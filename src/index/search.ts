/**
 * The full-text side of the index: a narrow wrapper over MiniSearch so its options live in one
 * place and its result type stays inside this module.
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { editDistance } from './people.ts';

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

/** A document found by a search: its id and how well it matched. */
export interface Hit {
  id: number;
  score: number;
}

/** A MiniSearch index over documents with numeric ids and string fields. */
export class TextIndex<Field extends string> {
  readonly #search: MiniSearch<Record<Field | 'id', string | number>>;

  /** Builds an index over the given fields; `boost` weighs fields against each other. */
  constructor(fields: readonly Field[], boost: Partial<Record<Field, number>> = {}, searchOptions: SearchOptions = SEARCH_OPTIONS) {
    const options: Options<Record<Field | 'id', string | number>> = {
      fields: [...fields],
      storeFields: [],
      processTerm,
      searchOptions: { ...searchOptions, boost: boost as Record<string, number> },
    };
    this.#search = new MiniSearch(options);
  }

  /** Adds documents; each needs a unique numeric `id`. */
  addAll(documents: readonly (Record<Field, string> & { id: number })[]): void {
    this.#search.addAll(documents as unknown as Record<Field | 'id', string | number>[]);
  }

  /** Documents matching every word of the query, best first, optionally only those `filter` accepts. */
  search(query: string, filter?: (id: number) => boolean): Hit[] {
    const options: SearchOptions = {};
    if (filter) options.filter = (result) => filter(result.id as number);
    return this.#search.search(query, options).map((r) => ({ id: r.id as number, score: r.score }));
  }
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
export function correctNames(query: string, vocabulary: ReadonlySet<string>, nameWords: ReadonlySet<string>): string {
  return queryTerms(query)
    .map((term) => {
      if (vocabulary.has(term) || term.length < MIN_FUZZY_LENGTH) return term;
      const allowed = term.length >= 8 ? 2 : 1;
      let best: string | null = null;
      let bestDistance = allowed + 1;
      for (const word of nameWords) {
        const distance = editDistance(term, word);
        if (distance < bestDistance) [best, bestDistance] = [word, distance];
      }
      return best ?? term;
    })
    .join(' ');
}
