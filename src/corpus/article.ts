/** What an article of the corpus is: its checked facts and its verbatim body. */
import * as z from 'zod';

/** The facts a corpus file states about its article, checked when the file is read. */
export const ArticleFactsSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'),
  title: z.string().min(1).optional(),
  outlet: z.string().min(1),
  /** Who wrote it, as the page names them (`Jane Doe and John Roe`); optional, so older files stay valid. */
  byline: z.string().min(1).optional(),
  published: z.iso.date(),
  url: z.url({ protocol: /^https?$/ }),
  standfirst: z.string().min(1).optional(),
  captions: z.array(z.string().min(1)).optional(),
});

/** The facts of an article, as its front matter states them once checked. */
export type ArticleFacts = z.infer<typeof ArticleFactsSchema>;

/** One article of the corpus: its facts and its body, which is quoted character for character. */
export interface Article extends ArticleFacts {
  /** Plain paragraphs separated by blank lines, exactly as published. */
  body: string;
  /** The corpus file it came from, for messages about it. */
  file: string;
}

/** The part of an article a citation needs. */
export interface ArticleRef {
  id: string;
  title: string | null;
  outlet: string;
  published: string;
  url: string;
}

/** The citation facts of an article, in the shape answers carry. */
export function refOf(article: Article): ArticleRef {
  return {
    id: article.id,
    title: article.title ?? null,
    outlet: article.outlet,
    published: article.published,
    url: article.url,
  };
}
