/**
 * The corpus file format: YAML front matter between `---` lines, then the body as plain
 * paragraphs separated by blank lines. Pure functions from text to articles and back.
 */
import * as z from 'zod';
import { whenFirstUsed } from '../when-first-used.ts';
import { ArticleFactsSchema, type Article, type ArticleFacts } from './article.ts';

/**
 * Bump when reading a corpus file changes what an article holds (its facts, or how its body is
 * cut out and normalised, or what a saved page's extraction gives: `kinds.ts`): the saved index
 * keeps articles as they were read (see `src/index/cache.ts`).
 */
export const CORPUS_FORMAT = 2;

/** The result of reading one corpus file: the article, or why it cannot be used. */
export type ParseResult = { success: true; article: Article } | { success: false; reason: string };

/**
 * The YAML parser, loaded when a file is first read or written: a start from the saved index
 * reads no front matter, and loading the parser (a quarter of a megabyte of code) was a tenth of
 * that start.
 */
const yaml = whenFirstUsed<typeof import('yaml')>('yaml');

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** Reads a corpus file's text. `file` names it in the article, for messages. */
export function parseArticle(text: string, file: string): ParseResult {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { success: false, reason: 'no front matter: the file must start with a line "---", the facts, and another "---"' };
  let data: unknown;
  try {
    data = yaml().parse(match[1]!);
  } catch (error) {
    return { success: false, reason: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  const facts = ArticleFactsSchema.safeParse(data);
  if (!facts.success) return { success: false, reason: z.prettifyError(facts.error).replace(/\n\s*/g, '; ') };
  const body = bodyAfter(text, match[0].length);
  if (body.length === 0) return { success: false, reason: 'the article has no body text after the front matter' };
  return { success: true, article: { ...facts.data, body, file } };
}

/** The body of a corpus file whose front matter ends at `offset`. */
function bodyAfter(text: string, offset: number): string {
  // Line endings are the only thing normalised: a file saved on Windows quotes the same as one saved elsewhere.
  return text.slice(offset).replace(/\r\n/g, '\n').replace(/^\n+/, '').trimEnd();
}

/** The body of a corpus file already known to be valid (its facts come from a cache): `parseArticle`'s body without reading the facts again. */
export function articleBody(text: string): string {
  const match = FRONT_MATTER.exec(text);
  return match ? bodyAfter(text, match[0].length) : '';
}

/** Writes an article as a corpus file; `parseArticle` reads it back unchanged. */
export function formatArticle(facts: ArticleFacts, body: string): string {
  const ordered: Record<string, unknown> = {
    id: facts.id,
    title: facts.title,
    outlet: facts.outlet,
    byline: facts.byline,
    published: facts.published,
    url: facts.url,
    standfirst: facts.standfirst,
    captions: facts.captions && facts.captions.length > 0 ? facts.captions : undefined,
  };
  for (const key of Object.keys(ordered)) if (ordered[key] === undefined) delete ordered[key];
  return `---\n${yaml().stringify(ordered, { lineWidth: 0 })}---\n${body}\n`;
}
