/** The shipped seed corpus, loaded once per test file. */
import type { Article } from '../../src/corpus/article.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Library } from '../../src/index/library.ts';
import { buildLibrary } from '../../src/index/assemble.ts';

/** The articles of `corpus/`; throws if the folder cannot be read, which no test expects. */
export async function seedArticles(): Promise<Article[]> {
  const corpus = await loadCorpus('corpus');
  if (!corpus.success) throw new Error(`test: ${corpus.reason}`);
  return corpus.articles;
}

/** The library built from `corpus/`. */
export async function seedLibrary(): Promise<Library> {
  return buildLibrary(await seedArticles());
}
