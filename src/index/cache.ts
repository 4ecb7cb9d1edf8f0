/**
 * The saved index: everything the library derives, kept in one file so that a restart loads it
 * instead of running the attribution rules over every article again.
 *
 * The file holds each article's own derived data keyed by the content hash of its file, and the
 * indexes across articles keyed by a hash of the whole corpus. Both are only trusted from the
 * same version of the code (`CODE_VERSION`). An unchanged corpus loads whole; an edited, added or
 * removed article reuses every other article's data and rebuilds only the indexes across articles;
 * a missing, corrupt or foreign file is rebuilt, never fatal.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, ArticleFacts } from '../corpus/article.ts';
import { corpusOf, scanCorpus, type CorpusFile, type CorpusProblem } from '../corpus/load.ts';
import { indexArticle, type ArticleIndex } from './derive.ts';
import { Library, type SavedIndexes } from './library.ts';

/** Bump when the file's layout changes (the source hash below changes with it anyway). */
const CACHE_FORMAT = 2;

/** The cache file of a corpus folder: one per folder (by its absolute path), so several corpora can share a cache folder. */
export function cacheFileOf(cacheDir: string, corpusDir: string): string {
  return join(cacheDir, `library-${createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 12)}.json`);
}

/**
 * The version of the code that derives what the cache holds: a hash of every source file of
 * `src/index/` and `src/corpus/` and of the MiniSearch release. Any change of a rule, however
 * small, gives another version, so a stale cache is never served.
 */
export const CODE_VERSION: string = (() => {
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\n`);
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, join(here, '..', 'corpus')]) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) hash.update(`${name}\n`).update(readFileSync(join(dir, name)));
  }
  hash.update(readFileSync(join(here, '..', '..', 'node_modules', 'minisearch', 'package.json')));
  return hash.digest('hex').slice(0, 16);
})();

/** An article as the cache keeps it: its facts (the body is read from its file) and its derived data, texts that are spans of the body left out. */
interface CachedArticle {
  facts: ArticleFacts;
  index: SavedArticleIndex;
}

/** The cache file. */
interface CacheFile {
  format: number;
  code: string;
  /** Hash of every article's content hash: which corpus `indexes` were built from. */
  corpus: string;
  /** By content hash of the article's file. */
  articles: Record<string, CachedArticle>;
  indexes: SavedIndexes;
}

/** How a library was opened, for the log. */
export interface CacheReport {
  /** `loaded`: the whole index from the cache; `updated`: some articles derived again; `built`: everything derived. */
  outcome: 'loaded' | 'updated' | 'built';
  /** Articles whose data was derived now. */
  derived: number;
  /** Why the cache was not used in full, when it was not. */
  reason: string | null;
}

/** What `openCachedLibrary` reports while it works. */
export interface CacheProgress {
  /** Called as articles are derived: `done` of `total`. */
  deriving?(done: number, total: number): void;
}

/**
 * The library and its corpus's problems, or why the corpus folder cannot be read. `files` is the
 * scan of the folder, from which a `LiveLibrary` rereads only the files that change.
 */
export type CachedLibrary = (OpenedLibrary & { files: Map<string, CorpusFile> }) | { success: false; reason: string };

/** A library as the cache opened it. */
interface OpenedLibrary {
  success: true;
  library: Library;
  problems: CorpusProblem[];
  report: CacheReport;
}

/** The hash naming a whole corpus: its articles' ids and content hashes, and the code version. */
export function corpusHash(hashes: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256').update(CODE_VERSION);
  for (const id of [...hashes.keys()].sort()) hash.update(`${id}\t${hashes.get(id)}\n`);
  return hash.digest('hex');
}

/**
 * An article's derived data as saved: texts that are spans of the body (`text === body.slice(start,
 * end)`) left out, and sentences, the most numerous, as `[start, end, paragraph]`. The file is
 * half the size, and parsing it is most of a restart's time.
 */
type SavedArticleIndex = Omit<ArticleIndex, 'sentences'> & { sentences: [number, number, number][] };

function withoutSpans(index: ArticleIndex, body: string): SavedArticleIndex {
  const strip = <T extends { start: number; end: number; text: string }>(item: T): T =>
    item.text === body.slice(item.start, item.end) ? ({ ...item, text: undefined } as unknown as T) : item;
  if (index.sentences.some((s, i) => s.index !== i || s.text !== body.slice(s.start, s.end))) throw new Error('cache: a sentence is not a span of its body');
  return { ...index, sentences: index.sentences.map((s) => [s.start, s.end, s.paragraph]), quotations: index.quotations.map(strip), figures: index.figures.map(strip) };
}

/** Puts back what `withoutSpans` left out. */
function withSpans(saved: SavedArticleIndex, body: string): ArticleIndex {
  const fill = <T extends { start: number; end: number; text: string }>(item: T): T => {
    if (typeof item.text !== 'string') item.text = body.slice(item.start, item.end);
    return item;
  };
  saved.quotations.forEach(fill);
  saved.figures.forEach(fill);
  return { ...saved, sentences: saved.sentences.map(([start, end, paragraph], index) => ({ index, start, end, text: body.slice(start, end), paragraph })) };
}

/** The cache file, or why it cannot be used. */
async function readCache(path: string): Promise<{ cache: CacheFile | null; reason: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { cache: null, reason: 'no saved index yet' };
  }
  try {
    const cache = JSON.parse(text) as CacheFile;
    if (typeof cache !== 'object' || cache === null || typeof cache.articles !== 'object' || cache.articles === null) return { cache: null, reason: 'the saved index is not a Verbatim index' };
    if (cache.format !== CACHE_FORMAT || cache.code !== CODE_VERSION) return { cache: null, reason: 'the saved index is from another version of Verbatim' };
    return { cache, reason: '' };
  } catch {
    return { cache: null, reason: 'the saved index is corrupt' };
  }
}

/** Writes the cache file whole or not at all: a crash while writing leaves the previous one. */
async function writeCache(path: string, cache: CacheFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(cache));
  await rename(temporary, path);
}

/**
 * Loads the corpus folder and its library, from the cache in `cacheDir` where it is valid,
 * deriving what it lacks and saving the result. A cache that cannot be written is not an error
 * (the library is still served); its reason is in the report.
 */
export async function openCachedLibrary(dir: string, cacheDir: string, progress: CacheProgress = {}): Promise<CachedLibrary> {
  const path = cacheFileOf(cacheDir, dir);
  const { cache, reason } = await readCache(path);
  const scan = await scanCorpus(dir, undefined, (hash) => cache?.articles[hash]?.facts);
  if (!scan.success) return scan;
  const { articles, problems, hashes } = corpusOf(scan.files);
  const key = corpusHash(hashes);

  let opened: OpenedLibrary;
  if (cache && cache.corpus === key) {
    try {
      const indexes = new Map(articles.map((a) => [a.id, withSpans(cache.articles[hashes.get(a.id)!]!.index, a.body)]));
      const library = new Library(articles, { indexes, saved: cache.indexes });
      opened = { success: true, library, problems, report: { outcome: 'loaded', derived: 0, reason: null } };
    } catch {
      // A file that parses but does not hold what it should: rebuilt below, from nothing.
      opened = await build(articles, problems, hashes, key, null, 'the saved index is corrupt', path, progress);
    }
  } else opened = await build(articles, problems, hashes, key, cache, cache ? 'the corpus changed' : reason, path, progress);
  return { ...opened, files: scan.files };
}

async function build(
  articles: Article[],
  problems: CorpusProblem[],
  hashes: ReadonlyMap<string, string>,
  key: string,
  cache: CacheFile | null,
  reason: string,
  path: string,
  progress: CacheProgress,
): Promise<OpenedLibrary> {
  const indexes = new Map<string, ArticleIndex>();
  const missing: Article[] = [];
  for (const article of articles) {
    const cached = cache?.articles[hashes.get(article.id)!];
    let index: ArticleIndex | null = null;
    try {
      if (cached) index = withSpans(cached.index, article.body);
    } catch {
      index = null;
    }
    if (index) indexes.set(article.id, index);
    else missing.push(article);
  }
  missing.forEach((article, i) => {
    indexes.set(article.id, indexArticle(article));
    progress.deriving?.(i + 1, missing.length);
  });
  let library: Library;
  try {
    library = new Library(articles, { indexes });
  } catch (error) {
    if (missing.length === articles.length) throw error;
    // A cached article's data was damaged in a way only assembling shows: derive everything again.
    return build(articles, problems, hashes, key, null, 'the saved index is corrupt', path, progress);
  }
  const saved: CacheFile = { format: CACHE_FORMAT, code: CODE_VERSION, corpus: key, articles: {}, indexes: library.savedIndexes() };
  for (const article of articles) {
    const { body: _body, file: _file, ...facts } = article;
    saved.articles[hashes.get(article.id)!] = { facts, index: withoutSpans(library.articleIndex(article.id)!, article.body) };
  }
  let outcome: CacheReport['outcome'] = missing.length === articles.length ? 'built' : 'updated';
  let why = reason;
  try {
    await writeCache(path, saved);
  } catch (error) {
    why = `${reason}; the index could not be saved to ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  if (articles.length === 0) outcome = 'built';
  return { success: true, library, problems, report: { outcome, derived: missing.length, reason: why } };
}
