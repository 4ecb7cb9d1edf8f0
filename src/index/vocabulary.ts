/**
 * Every word of a library, sorted, so that a word is a number and the words a query word matches
 * (itself, or every word it starts, as `SEARCH_OPTIONS` says) are one range of numbers. Each sentence and
 * quotation keeps the numbers of its words, and checking whether it holds a query word is then a
 * comparison of integers, not a re-reading of its text: at 10,000 articles a query checks
 * thousands of sentences.
 */
import { MIN_PREFIX_LENGTH, queryTerms } from './search.ts';

/** The ids `[from, to)` of the words a query word matches; empty (`from === to`) when none does. */
export type TermRange = readonly [number, number];

/**
 * Binary search: the first position in `[low, high)` for which `before` is false, given that it
 * is true for every position before some point and false from there on.
 */
export function partitionPoint(low: number, high: number, before: (i: number) => boolean): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A sorted list of distinct words; a word's id is its position. */
export class Vocabulary {
  readonly terms: readonly string[];

  /** `terms` must be sorted by code unit (the default sort) and distinct. */
  constructor(terms: readonly string[]) {
    this.terms = terms;
  }

  /** The first position whose word is not below `word`. */
  #lowerBound(word: string): number {
    return partitionPoint(0, this.terms.length, (i) => this.terms[i]! < word);
  }

  /** The id of a word, or -1. */
  id(word: string): number {
    const at = this.#lowerBound(word);
    return this.terms[at] === word ? at : -1;
  }

  has(word: string): boolean {
    return this.id(word) >= 0;
  }

  /** The ids of the words a query word matches: itself when short, every word it starts otherwise. */
  range(word: string): TermRange {
    const from = this.#lowerBound(word);
    if (word.length < MIN_PREFIX_LENGTH) return this.terms[from] === word ? [from, from + 1] : [from, from];
    // Words that start with `word` sort right after it, together: find where they end.
    return [from, partitionPoint(from, this.terms.length, (i) => this.terms[i]!.startsWith(word))];
  }
}

/**
 * Lists of word ids, one list per text, all in one array (`ids.subarray(from[i], from[i + 1])` is
 * the i-th text's), each without repeats, in the order the words first appear.
 */
export interface TermLists {
  from: Int32Array<ArrayBuffer>;
  ids: Int32Array<ArrayBuffer>;
}

/** Whether the i-th list holds an id in `range`. */
export function holds(lists: TermLists, i: number, [low, high]: TermRange): boolean {
  if (low === high) return false;
  // Taken once: the ids of a saved store are read when first used (see `DEFERRED_COLUMNS`).
  const { from, ids } = lists;
  for (let k = from[i]!, end = from[i + 1]!; k < end; k++) {
    const id = ids[k]!;
    if (id >= low && id < high) return true;
  }
  return false;
}

/**
 * Builds the vocabulary of some groups of texts and each text's word ids. Words are numbered as
 * they come, then renumbered in sorted order once all are known: one pass over the texts.
 */
export class VocabularyBuilder {
  readonly #numbers = new Map<string, number>();
  readonly #groups: { from: number[]; ids: number[] }[] = [];

  /** Starts a group of lists (sentences, quotations, …); returns its position. */
  group(): number {
    this.#groups.push({ from: [0], ids: [] });
    return this.#groups.length - 1;
  }

  /** Adds a list to a group: the words of `text`. */
  add(group: number, text: string): void {
    const target = this.#groups[group]!;
    const seen = new Set<number>();
    for (const word of queryTerms(text)) {
      let number = this.#numbers.get(word);
      if (number === undefined) {
        number = this.#numbers.size;
        this.#numbers.set(word, number);
      }
      if (!seen.has(number)) {
        seen.add(number);
        target.ids.push(number);
      }
    }
    target.from.push(target.ids.length);
  }

  /**
   * The sorted vocabulary and each group's lists in its ids, yielding between stretches of the
   * renumbering: ten thousand articles have millions of ids, and a running bot answers meanwhile.
   */
  *finish(): Generator<void, { vocabulary: Vocabulary; groups: TermLists[] }> {
    const terms = [...this.#numbers.keys()].sort();
    const renumber = new Int32Array(terms.length);
    terms.forEach((term, id) => {
      renumber[this.#numbers.get(term)!] = id;
    });
    yield;
    const groups: TermLists[] = [];
    for (const { from, ids } of this.#groups) {
      const lists: TermLists = { from: Int32Array.from(from), ids: new Int32Array(ids.length) };
      for (let i = 0; i < ids.length; i++) {
        lists.ids[i] = renumber[ids[i]!]!;
        if (i % RENUMBER_STRETCH === RENUMBER_STRETCH - 1) yield;
      }
      groups.push(lists);
    }
    return { vocabulary: new Vocabulary(terms), groups };
  }
}

/** Ids renumbered between two pauses of `VocabularyBuilder.finish`. */
const RENUMBER_STRETCH = 200_000;
