/**
 * Deriving and building libraries: at a start that cannot load the saved index whole (see
 * `open.ts` for when), and at each reload of a watched folder. The analysis is imported from here
 * (and from `assemble.ts`) alone, so that a start from the saved index never loads it.
 */
import type { Article } from '../corpus/article.ts';
import { scanCorpus, corpusOf, type CorpusFile, type CorpusProblem } from '../corpus/load.ts';
import { indexArticle, type ArticleIndex } from '../analysis/analyse.ts';
import { deriveOffThread } from '../analysis/off-thread.ts';
import { buildLibrary, buildLibraryInSlices } from './assemble.ts';
import { corpusHash, writeSavedIndex } from './cache.ts';
import type { Library } from './library.ts';

/** How a library was opened, for the log. */
export interface OpenReport {
  /** `loaded`: the whole index from the saved one (1); `updated`: some articles derived again (2); `built`: every article derived (3). */
  outcome: 'loaded' | 'updated' | 'built';
  /** Articles whose data was derived now. */
  derived: number;
  /** Why the saved index was not used in full, when it was not. */
  reason: string | null;
}

/** What `openLibrary` reports while it works. */
export interface OpenProgress {
  /** Called as articles are derived: `done` of `total`. */
  deriving?(done: number, total: number): void;
}

/**
 * The library and its corpus's problems (the files skipped), or why the corpus folder cannot be
 * read. `files` is the scan of the folder, from which a `LiveLibrary` rereads only the files that change.
 */
export type OpenedLibrary =
  | { success: true; library: Library; problems: CorpusProblem[]; report: OpenReport; files: Map<string, CorpusFile> }
  | { success: false; reason: string };


/** What a reload hears of, and is paused by, while it builds a library. */
export interface ReloadHooks {
  /** Awaited between slices of the work, so that answers go on from the library in force. */
  pause: () => Promise<void>;
  /** Called when work resumes after waiting for the worker thread: the time since the last `pause` was not work. */
  resumed?: () => void;
  /** A saved copy of an article's data could not be read back (the article is then derived again). */
  damaged?: (article: Article, error: Error) => void;
  /** The worker thread failed (the long articles are then derived in place). */
  offThreadFailed?: (error: Error) => void;
}

/**
 * A reload's library (2. above): each article whose body is the one `previous` was built from
 * keeps its data, the others are derived again (long ones on a worker thread), a slice at a time
 * as `ReloadHooks` says.
 */
export async function reopenLibrary(
  articles: readonly Article[],
  previous: Library,
  { pause, resumed, damaged, offThreadFailed }: ReloadHooks,
): Promise<{ library: Library; derived: number }> {
  const { indexes, derived } = await reuseOrDerive(articles, (article) => previous.reusableIndex(article), { pause, resumed, damaged, offThreadFailed });
  return { library: await buildLibraryInSlices(articles, { indexes }, pause), derived };
}

/** No article's data to reuse. */
export const nothing = (): undefined => undefined;

/** The corpus read from its files alone and every article derived (3. above); saved to `path` unless it is null. */
export async function deriveAll(dir: string, path: string | null, reason: string, progress: OpenProgress, maxArticleBytes: number | undefined): Promise<OpenedLibrary> {
  const scan = await scanCorpus(dir, undefined, undefined, { maxArticleBytes });
  if (!scan.success) return scan;
  const { articles, problems, hashes } = corpusOf(scan.files);
  const opened = await deriveAndSave(articles, nothing, reason, path === null ? null : { path, key: corpusHash(hashes), files: scan.files }, progress);
  return { ...opened, problems, files: scan.files };
}

/** The library of `articles`, reusing what `reuse` gives, and the report of it; saved when `save` says where. */
export async function deriveAndSave(
  articles: readonly Article[],
  reuse: (article: Article) => ArticleIndex | undefined,
  reason: string,
  save: { path: string; key: string; files: ReadonlyMap<string, CorpusFile> } | null,
  progress: OpenProgress,
): Promise<{ success: true; library: Library; report: OpenReport }> {
  const { indexes, derived } = await reuseOrDerive(articles, reuse, { progress });
  let library: Library;
  try {
    library = buildLibrary(articles, { indexes });
  } catch (error) {
    if (derived === articles.length) throw error;
    // A saved article's data was damaged in a way only assembling shows: derive everything again.
    return deriveAndSave(articles, nothing, 'the saved index is corrupt', save, progress);
  }
  let why = reason;
  if (save) {
    try {
      await writeSavedIndex(save.path, library, save.files, save.key);
    } catch (error) {
      why = `${reason}; the index could not be saved to ${save.path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
  }
  return { success: true, library, report: { outcome: derived === articles.length ? 'built' : 'updated', derived, reason: why } };
}

/**
 * Articles at least this long (in UTF-16 units) are derived on a worker thread during a reload:
 * deriving takes about 7 ms a kilobyte in one call, so this keeps the longest hold-up of the event
 * loop near 150 ms; shorter ones are derived in place, sparing a thread's start (some 300 ms).
 */
const OFF_THREAD_LENGTH = 20_000;

/**
 * Each article's own derived data: what `reuse` gives for it, else derived now. A `reuse` that
 * throws (a damaged saved copy) counts as none. With `pause`, it is awaited after each article:
 * reusing one costs little, but ten thousand at once would hold up answers; and long articles are
 * derived on a worker thread meanwhile (see `OFF_THREAD_LENGTH`), or in place should it fail.
 */
async function reuseOrDerive(
  articles: readonly Article[],
  reuse: (article: Article) => ArticleIndex | undefined,
  { progress, pause, resumed, damaged, offThreadFailed }: Partial<ReloadHooks> & { progress?: OpenProgress },
): Promise<{ indexes: Map<string, ArticleIndex>; derived: number }> {
  const indexes = new Map<string, ArticleIndex>();
  const missing: Article[] = [];
  for (const article of articles) {
    let index: ArticleIndex | undefined;
    try {
      index = reuse(article);
    } catch (error) {
      damaged?.(article, error as Error);
    }
    if (index) indexes.set(article.id, index);
    else missing.push(article);
    if (pause) await pause();
  }
  const long = pause ? missing.filter((article) => article.body.length >= OFF_THREAD_LENGTH) : [];
  const offThread = deriveOffThread(long).catch((error: Error) => {
    offThreadFailed?.(error);
    return new Map<string, ArticleIndex>();
  });
  const here = long.length === 0 ? missing : missing.filter((article) => article.body.length < OFF_THREAD_LENGTH);
  for (const [i, article] of here.entries()) {
    indexes.set(article.id, indexArticle(article));
    progress?.deriving?.(i + 1, missing.length);
    if (pause) await pause();
  }
  if (pause && long.length > 0) await pause();
  const derivedElsewhere = await offThread;
  resumed?.();
  for (const article of long) {
    indexes.set(article.id, derivedElsewhere.get(article.id) ?? indexArticle(article));
    if (pause) await pause();
  }
  return { indexes, derived: missing.length };
}
