/** How an answer names its source: outlet, date and headline (or outlet and date), and the link. */
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
