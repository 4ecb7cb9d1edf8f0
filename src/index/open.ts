/**
 * Opening a corpus folder's library: the one place that decides what is reused and what is
 * derived. Every way in comes here: the terminal console and `npm run ask` (through
 * `openLibraryOrExit` in `src/setup.ts`), the bot at start-up (`LiveLibrary.open`) and at each
 * reload of its watched folder (`reopenLibrary`).
 *
 * The policy, in this order:
 *   1. The saved index is loaded whole when it is of this version (`INDEX_VERSION` in `cache.ts`)
 *      and every article file's content hash is the one it recorded (`corpusHash`): nothing is
 *      parsed, derived or indexed.
 *   2. Otherwise each unchanged article keeps the data derived from it (at a start, an article
 *      whose file's hash the saved index recorded; at a reload, one whose body is the one the
 *      library in force was built from), the others are derived again, and what spans articles
 *      (speakers, the search indexes) is built afresh; a start then saves the result.
 *   3. With nothing to reuse (no saved index, one of another version, a corrupt one, or no
 *      `cacheDir`), every article is derived.
 * A saved index that cannot be read, or written, is never fatal: the report says why. Deriving
 * and building (2. and 3., and a reload's library) are `derive.ts`'s.
 */
import { corpusOf, scanCorpus } from '../corpus/load.ts';
import { LIST_OFF_THREAD_FROM, listFolderOffThread, type FolderListing } from '../corpus/listing.ts';
import { cacheFileOf, corpusHash, loadSavedLibrary, readSavedIndex, recordedFiles, savedArticleData } from './cache.ts';
import type { Library } from './library.ts';

// What opening reports, shared with the derivation (`derive.ts`), which defines it.
export type { OpenedLibrary, OpenProgress, OpenReport } from './derive.ts';
import type { OpenedLibrary, OpenProgress } from './derive.ts';

/** How `openLibrary` opens a folder. */
export interface OpenOptions {
  /** Where saved indexes are kept (see `cacheFileOf`). Without it none is read or written, and every article is derived. */
  cacheDir?: string;
  progress?: OpenProgress;
  /**
   * Load a saved library's search indexes in the background at once (a bot, which logs in
   * meanwhile), rather than when first searched (the terminal: a one-shot answer needs only the
   * index it searches, and the article index alone takes a few hundred milliseconds at 10,000 articles).
   */
  preloadIndexes?: boolean;
  /** A corpus file larger than this many bytes is skipped (`MAX_ARTICLE_BYTES`). */
  maxArticleBytes?: number;
}

/** Loads a corpus folder's library by the policy above, from and to the saved index in `cacheDir`. */
export async function openLibrary(dir: string, { cacheDir, progress = {}, maxArticleBytes, preloadIndexes = false }: OpenOptions = {}): Promise<OpenedLibrary> {
  if (cacheDir === undefined) return (await derivation()).deriveAll(dir, null, 'no saved index is kept', progress, maxArticleBytes);
  const path = cacheFileOf(cacheDir, dir);
  // A large folder's `stat`s are taken on another core meanwhile (see `listing.ts`).
  let listing: Promise<FolderListing | null> | undefined;
  const saved = readSavedIndex(path, dir, (recorded) => {
    if (recorded >= LIST_OFF_THREAD_FROM) listing = listFolderOffThread(dir);
  });
  const recorded = saved.meta ? recordedFiles(saved, dir) : null;
  const scan = await scanCorpus(dir, recorded?.files, recorded?.facts, { maxArticleBytes, listing });
  if (!scan.success) return scan;
  const { articles, problems, hashes } = corpusOf(scan.files);
  const key = corpusHash(hashes);
  // 1. Of this version and for these very files: loaded whole.
  if (saved.meta && saved.meta.corpus === key) {
    let library: Library;
    try {
      library = loadSavedLibrary(saved, articles, preloadIndexes);
    } catch {
      // A file that reads but does not hold what it should: nothing of it is trusted, the articles' texts included.
      return (await derivation()).deriveAll(dir, path, 'the saved index is corrupt', progress, maxArticleBytes);
    }
    return { success: true, library, problems, report: { outcome: 'loaded', derived: 0, reason: null }, files: scan.files };
  }
  // 2. Each article the saved index holds under the same content hash keeps its data; 3. without a usable one, none does.
  const { deriveAndSave, nothing } = await derivation();
  const reuse = saved.meta ? savedArticleData(saved, hashes) : nothing;
  const opened = await deriveAndSave(articles, reuse, saved.meta ? 'the corpus changed' : saved.reason, { path, key, files: scan.files }, progress);
  return { ...opened, problems, files: scan.files };
}

/**
 * The derivation and building of a library (`derive.ts`), imported when there is something to
 * derive: a start from the saved index, the usual one, never loads the analysis.
 */
const derivation = (): Promise<typeof import('./derive.ts')> => import('./derive.ts');
