/** The sentences around a result: what the "Context" button of an answer shows. */
import type { ArticleRef } from '../corpus/article.ts';
import type { Library } from '../index/library.ts';
import type { Result } from './answer.ts';

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
