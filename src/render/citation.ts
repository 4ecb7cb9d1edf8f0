/** The fixed labels of an answer: how it names its source (outlet, date, headline), a quotation's kind and who is named as its speaker, a count. */
import type { ArticleRef } from '../corpus/article.ts';

/** `Press TV, 2021-03-15, “Iran denies …”`, or `Press TV, 2024-01-30` for an article without a headline. */
export function citationLabel(article: ArticleRef): string {
  return article.title ? `${article.outlet}, ${article.published}, “${article.title}”` : `${article.outlet}, ${article.published}`;
}

/** A label for a quotation's kind, shown beside the speaker. */
export const KIND_LABELS = {
  statement: 'statement',
  phrase: 'quoted phrase',
  reported: 'reported speech, not a direct quotation',
  scare: 'words in quotation marks, nobody’s statement',
} as const;

/**
 * How an answer shows the words that name a quotation's speaker: `named by: “the Iranian envoy
 * added”`, the label followed by the body's own words in quotation marks; or, for a quotation
 * whose article does not say who spoke, the label followed by `none`.
 */
export const NAMED_BY = {
  label: 'named by',
  none: 'nothing (the article does not say who spoke)',
} as const;

/** `1 result`, `2 results`: a count with its noun. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The heading of figures from several articles on one thing: `injured: troops · 3 figures from 2 articles, which differ`. */
export function groupLabel(group: { category: string; counted: string; articles: number; differ: boolean; results: readonly unknown[] }): string {
  const agreement = group.differ ? 'which differ' : 'which agree';
  return `${group.category}: ${group.counted} · ${count(group.results.length, 'figure')} from ${count(group.articles, 'article')}, ${agreement}`;
}
