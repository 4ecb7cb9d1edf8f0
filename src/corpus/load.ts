/** Reads a corpus folder: every `.txt` file in it is one article. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Article, ArticleFacts } from './article.ts';
import { articleBody, parseArticle, type ParseResult } from './format.ts';

/** A corpus file that could not be used, and why. */
export interface CorpusProblem {
  file: string;
  reason: string;
}

/**
 * The usable articles of a corpus folder and the files that were skipped, or why the folder cannot
 * be read. `hashes` gives each article's content hash (SHA-256 of its file), by article id.
 */
export type Corpus = { success: true; articles: Article[]; problems: CorpusProblem[]; hashes: Map<string, string> } | { success: false; reason: string };

/** Files read at once. */
const READ_BATCH = 64;

/** The content hash of a corpus file, as the cache keys it. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Loads every article of a folder. A file that cannot be read or parsed, or that repeats an id,
 * is reported and skipped: the rest of the corpus is still served. `known` gives the facts of a file
 * already read (by its content hash, from the cache), so it is not parsed again.
 */
export async function loadCorpus(dir: string, known?: (hash: string) => ArticleFacts | undefined): Promise<Corpus> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  } catch (error) {
    return { success: false, reason: `The corpus folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).` };
  }
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  const ids = new Map<string, string>();
  const hashes = new Map<string, string>();
  // Read a batch at a time: one file after another leaves the disk idle between reads, which is most of a large corpus's load time.
  const texts: (string | NodeJS.ErrnoException)[] = [];
  for (let first = 0; first < names.length; first += READ_BATCH) {
    const batch = names.slice(first, first + READ_BATCH).map((name) => readFile(join(dir, name), 'utf8').catch((error: NodeJS.ErrnoException) => error));
    texts.push(...(await Promise.all(batch)));
  }
  for (const [i, name] of names.entries()) {
    const file = join(dir, name);
    const text = texts[i]!;
    if (typeof text !== 'string') {
      problems.push({ file, reason: `cannot be read (${text.code ?? text.message})` });
      continue;
    }
    const hash = contentHash(text);
    const facts = known?.(hash);
    const parsed: ParseResult = facts ? { success: true, article: { ...facts, body: articleBody(text), file } } : parseArticle(text, file);
    if (!parsed.success) {
      problems.push({ file, reason: parsed.reason });
      continue;
    }
    const earlier = ids.get(parsed.article.id);
    if (earlier) {
      problems.push({ file, reason: `id "${parsed.article.id}" is already used by ${earlier}` });
      continue;
    }
    ids.set(parsed.article.id, file);
    hashes.set(parsed.article.id, hash);
    articles.push(parsed.article);
  }
  return { success: true, articles, problems, hashes };
}
