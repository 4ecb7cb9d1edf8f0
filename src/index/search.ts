/**
 * The full-text side of the index: a narrow wrapper over MiniSearch so its options live in one
 * place and its result type stays inside this module.
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';

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

/**
 * How every index searches. Fuzzy and prefix matching let a misspelt or half-typed name
 * (`Irvani`, `Khosr`) find its person; `AND` means every word of the query must match, so a
 * query that the corpus does not answer finds nothing instead of a near miss on one word.
 */
export const SEARCH_OPTIONS: SearchOptions = {
  fuzzy: 0.2,
  prefix: true,
  combineWith: 'AND',
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
  constructor(fields: readonly Field[], boost: Partial<Record<Field, number>> = {}) {
    const options: Options<Record<Field | 'id', string | number>> = {
      fields: [...fields],
      storeFields: [],
      processTerm,
      searchOptions: { ...SEARCH_OPTIONS, boost: boost as Record<string, number> },
    };
    this.#search = new MiniSearch(options);
  }

  /** Adds documents; each needs a unique numeric `id`. */
  addAll(documents: readonly (Record<Field, string> & { id: number })[]): void {
    this.#search.addAll(documents as unknown as Record<Field | 'id', string | number>[]);
  }

  /** Documents matching every word of the query, best first, optionally only those `filter` accepts. */
  search(query: string, filter?: (id: number) => boolean, fields?: readonly Field[]): Hit[] {
    const options: SearchOptions = {};
    if (filter) options.filter = (result) => filter(result.id as number);
    if (fields) options.fields = [...fields];
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
