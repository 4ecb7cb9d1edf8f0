/** Reads a corpus folder: every `.txt` file in it is one article. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from './article.ts';
import { parseArticle } from './format.ts';

/** A corpus file that could not be used, and why. */
export interface CorpusProblem {
  file: string;
  reason: string;
}

/** The usable articles of a corpus folder and the files that were skipped, or why the folder cannot be read. */
export type Corpus = { success: true; articles: Article[]; problems: CorpusProblem[] } | { success: false; reason: string };

/**
 * Loads every article of a folder. A file that cannot be read or parsed, or that repeats an id,
 * is reported and skipped: the rest of the corpus is still served.
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  } catch (error) {
    return { success: false, reason: `The corpus folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).` };
  }
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  const ids = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      problems.push({ file, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
      continue;
    }
    const parsed = parseArticle(text, file);
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
    articles.push(parsed.article);
  }
  return { success: true, articles, problems };
}
