/**
 * The sentences around a result: what "Show context for…" shows. A result is named by a stable
 * reference, its article's id and the offsets of its span with a short hash of the words, never
 * by its position in an answer: a reference made before the corpus changed still finds the same
 * words, or says that the article changed or is gone.
 */
import { createHash } from 'node:crypto';
import type { ArticleRef } from '../corpus/article.ts';
import type { Library } from '../index/library.ts';
import { figureResult, quotationResult, sentenceResult, type Result } from './answer.ts';

/** How many sentences before and after a result its context shows. */
export const CONTEXT_SENTENCES = 2;

/** A stretch of an article body around a result, verbatim. */
export interface Context {
  article: ArticleRef;
  /** `body.slice(start, end)`: whole sentences, from `CONTEXT_SENTENCES` before the result to as many after. */
  text: string;
  start: number;
  end: number;
  /** Where the result's own span lies in `text`. */
  highlightStart: number;
  highlightEnd: number;
}

/** The result with the sentences around it, or null when its article is no longer in the library. */
export function contextOf(library: Library, result: Result, around = CONTEXT_SENTENCES): Context | null {
  const article = library.article(result.article.id);
  if (!article) return null;
  const sentences = library.sentencesOf(article.id);
  const touched = sentences.filter((s) => s.end > result.start && s.start < result.end);
  const first = touched[0]?.index ?? 0;
  const last = touched[touched.length - 1]?.index ?? first;
  const start = Math.min(sentences[Math.max(0, first - around)]?.start ?? result.start, result.start);
  const end = Math.max(sentences[Math.min(sentences.length - 1, last + around)]?.end ?? result.end, result.end);
  return { article: result.article, text: article.body.slice(start, end), start, end, highlightStart: result.start - start, highlightEnd: result.end - start };
}

/** Discord's limit on a select option's value, which holds a reference. */
export const MAX_REFERENCE = 100;
/** Characters of the hash of a result's words in its reference: enough to tell an edited article. */
const HASH_LENGTH = 8;
/** The letter a reference gives each kind of result. */
const KIND_LETTERS = { quotation: 'q', figure: 'f', sentence: 's' } as const satisfies Record<Result['kind'], string>;

function hashOf(articleId: string, text: string): string {
  return createHash('sha256').update(`${articleId}\n${text}`).digest('base64url').slice(0, HASH_LENGTH);
}

/**
 * A result's stable reference, `q.120.188.Ab3dE9xY.press-tv-2023-11-10`: kind, offsets, hash of
 * the article id and words, article id. An id too long for `MAX_REFERENCE` is cut; the hash still
 * tells which article it was.
 */
export function referenceOf(result: Result): string {
  const head = `${KIND_LETTERS[result.kind]}.${result.start}.${result.end}.${hashOf(result.article.id, result.text)}.`;
  return `${head}${result.article.id.slice(0, MAX_REFERENCE - head.length)}`;
}

/** What a reference finds now: the same result, or why not (its article changed, or is gone, or the reference is none of ours). */
export type Resolved = { success: true; result: Result } | { success: false; reason: 'changed' | 'gone' | 'malformed' };

/** Finds the result a reference names in `library`, checking that its words are still the same. */
export function resolveReference(library: Library, reference: string): Resolved {
  const match = /^([qfs])\.(\d{1,9})\.(\d{1,9})\.([\w-]{8})\.([a-z0-9][a-z0-9-]*)$/u.exec(reference);
  if (!match) return { success: false, reason: 'malformed' };
  const [, letter, startText, endText, hash, idPrefix] = match as unknown as [string, string, string, string, string, string];
  const start = Number(startText);
  const end = Number(endText);
  const full = reference.length >= MAX_REFERENCE;
  const candidates = full ? library.articles.filter((a) => a.id.startsWith(idPrefix)) : [library.article(idPrefix)].filter((a) => a !== undefined);
  if (candidates.length === 0) return { success: false, reason: 'gone' };
  const article = candidates.find((a) => hashOf(a.id, a.body.slice(start, end)) === hash);
  if (!article) return { success: false, reason: 'changed' };
  let result: Result | undefined;
  if (letter === 'q') {
    const quotation = library.quotationsOf(article.id).find((q) => q.start === start && q.end === end);
    result = quotation && quotationResult(library, quotation);
  } else if (letter === 'f') {
    const figure = library.figuresOf(article.id).find((f) => f.start === start && f.end === end);
    result = figure && figureResult(library, figure);
  } else {
    const sentences = library.sentencesOf(article.id);
    const sentence = sentences.find((s) => s.start === start && s.end === end);
    result = sentence && sentenceResult(article, sentences, sentence);
  }
  // The words are there but no longer a quotation or figure: the analysis of the article changed.
  return result ? { success: true, result } : { success: false, reason: 'changed' };
}
