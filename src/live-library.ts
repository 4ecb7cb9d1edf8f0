/**
 * The library of a corpus folder that grows while the bot runs: files added, changed or removed
 * are picked up without a restart. Everything that answers reads the library through `current()`,
 * once per interaction, so a new library takes over in one assignment while answers already under
 * way finish on the one they started with.
 */
import { watch, type FSWatcher } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { isListed } from './corpus/kinds.ts';
import { corpusOf, scanCorpus, type CorpusFile, type CorpusProblem } from './corpus/load.ts';
import type { Library } from './index/library.ts';
import { openLibrary, type OpenOptions, type OpenReport } from './index/open.ts';

/** Where answers get the library from: the one in force at the moment of asking. */
export interface LibrarySource {
  current(): Library;
}

/** A library that never changes, for the terminal, scripts and tests. */
export function fixedLibrary(library: Library): LibrarySource {
  return { current: () => library };
}

/** What a reload found and did, for the log. */
export interface CorpusChange {
  /** Corpus files (paths) new since the last load, changed, or gone. */
  added: string[];
  changed: string[];
  removed: string[];
  /** Files of this reload that cannot be used (new or changed ones only: the rest were reported before). */
  problems: CorpusProblem[];
  /** Articles served from now on. */
  articles: number;
  /** Articles derived afresh; the others' sentences, quotations and figures were reused. */
  analysed: number;
  /** From noticing the change to the new library serving. */
  ms: number;
  /** The longest stretch the reload kept the event loop to itself: what an interaction arriving meanwhile could wait at most. */
  blockedMs: number;
}

/** Where reload messages go: plain lines for a terminal, structured lines for the bot. */
export interface ReloadLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** How the folder is watched. */
export interface WatchOptions {
  /** Quiet time after the last file event before the folder is read: a burst of writes makes one reload. */
  debounceMs?: number;
  /** Longest a steady stream of events may hold a reload off. */
  maxWaitMs?: number;
  /**
   * Read the folder this often even without events, for file systems that send none (network
   * shares, some container mounts); unchanged files are only `stat`ed. 0 turns it off.
   */
  pollMs?: number;
}

/** The defaults of `WatchOptions`: a saved file is served about half a second after the last write. */
export const WATCH_DEFAULTS: Required<WatchOptions> = { debounceMs: 500, maxWaitMs: 5_000, pollMs: 30_000 };

/** A reload lets waiting interactions be answered after this much work. */
const SLICE_MS = 15;

/** A corpus folder's library, rebuilt off the hot path when its files change. */
export class LiveLibrary implements LibrarySource {
  readonly dir: string;
  #library: Library;
  #files: ReadonlyMap<string, CorpusFile>;
  readonly #log: ReloadLog;
  /** The reload under way, if any; reloads never overlap. */
  #running: Promise<CorpusChange | null> | null = null;
  /** The reload that follows the running one, for changes noticed while it ran. */
  #next: Promise<CorpusChange | null> | null = null;
  #watcher: FSWatcher | null = null;
  #timer: NodeJS.Timeout | null = null;
  #poll: NodeJS.Timeout | null = null;
  #firstEventAt = 0;
  #closed = false;
  readonly #maxArticleBytes: number | undefined;

  private constructor(dir: string, files: ReadonlyMap<string, CorpusFile>, library: Library, log: ReloadLog, maxArticleBytes: number | undefined) {
    this.dir = dir;
    this.#files = files;
    this.#library = library;
    this.#log = log;
    this.#maxArticleBytes = maxArticleBytes;
  }

  /**
   * Loads the folder as `openLibrary` does (through the saved index in `options.cacheDir`, if
   * given), and `report` says how; the problems are the files skipped, for the caller to report as
   * at any start. Reloads then reuse the per-article data of the files left unchanged.
   */
  static async open(
    dir: string,
    log: ReloadLog,
    options: OpenOptions = {},
  ): Promise<{ success: true; live: LiveLibrary; problems: CorpusProblem[]; report: OpenReport } | { success: false; reason: string }> {
    // A bot logs in while the search indexes load, so its first answers find them ready.
    const opened = await openLibrary(dir, { preloadIndexes: true, ...options });
    if (!opened.success) return opened;
    return { success: true, live: new LiveLibrary(dir, opened.files, opened.library, log, options.maxArticleBytes), problems: opened.problems, report: opened.report };
  }

  /** The library in force. Read it once per answer: a later call may return a newer one. */
  current(): Library {
    return this.#library;
  }

  /**
   * Reads the folder again and, if any file changed, builds the new library and swaps it in.
   * Resolves with what changed, or null when nothing did. A call during a reload waits for it and
   * then reads the folder once more, so no change is missed.
   */
  reload(): Promise<CorpusChange | null> {
    if (this.#running) {
      // Every call made during a reload shares one more reload after it.
      this.#next ??= this.#running.then(() => {
        this.#next = null;
        return this.reload();
      });
      return this.#next;
    }
    this.#running = this.#reloadOnce().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #reloadOnce(): Promise<CorpusChange | null> {
    const started = performance.now();
    const scan = await scanCorpus(this.dir, this.#files, undefined, { maxArticleBytes: this.#maxArticleBytes });
    if (!scan.success) {
      // The folder is gone or unreadable for a moment (being replaced, a mount hiccup): keep serving what was loaded.
      this.#log.warn(`${scan.reason} Still serving the articles loaded before.`, { dir: this.dir });
      return null;
    }
    const before = this.#files;
    const added: string[] = [];
    const changed: string[] = [];
    const removed: string[] = [];
    for (const [name, file] of scan.files) {
      const old = before.get(name);
      if (!old) added.push(file.file);
      else if (old.hash !== file.hash) changed.push(file.file);
    }
    for (const [name, file] of before) if (!scan.files.has(name)) removed.push(file.file);
    if (added.length + changed.length + removed.length === 0) {
      this.#files = scan.files;
      return null;
    }

    // An article served keeps its id: a file added with the same one is the one skipped.
    const serving = new Map(this.#library.articles.map((article) => [article.id, article.file]));
    const { articles, problems } = corpusOf(scan.files, serving);
    const fresh = new Set([...added, ...changed]);
    const oldProblems = new Map(corpusOf(before).problems.map((p) => [p.file, p.reason]));
    const newProblems = problems.filter((p) => fresh.has(p.file) || oldProblems.get(p.file) !== p.reason);
    for (const problem of newProblems) this.#log.warn(`Skipped ${problem.file}: ${problem.reason}`, { file: problem.file, reason: problem.reason });

    // Built a slice at a time: between slices, interactions are answered from the library in force.
    let sliceStart = performance.now();
    let blockedMs = 0;
    const pause = async (): Promise<void> => {
      const busy = performance.now() - sliceStart;
      if (busy < SLICE_MS) return;
      blockedMs = Math.max(blockedMs, busy);
      await nextTurn();
      sliceStart = performance.now();
    };
    // Imported at the first reload: deriving loads the analysis, which a start from the saved index does without.
    const { reopenLibrary } = await import('./index/derive.ts');
    const { library, derived } = await reopenLibrary(articles, this.#library, {
      pause,
      // Waiting for the worker thread is not holding the event loop.
      resumed: () => (sliceStart = performance.now()),
      // The saved index's copy is damaged (see src/index/cache.ts): derived again, like a changed article.
      damaged: (article, error) => this.#log.warn(`Indexing ${article.file} again: ${error.message}`, { file: article.file }),
      // Then the long articles are derived here, holding up answers meanwhile, but served all the same.
      offThreadFailed: (error) => this.#log.warn(`Deriving long articles on a worker thread failed; deriving them here: ${error.message}`, { err: error }),
    });
    blockedMs = Math.max(blockedMs, performance.now() - sliceStart);
    if (this.#closed) return null;
    // The swap: answers that already hold the old library finish with it.
    this.#library = library;
    this.#files = scan.files;
    const change: CorpusChange = {
      added,
      changed,
      removed,
      problems: newProblems,
      articles: articles.length,
      analysed: derived,
      ms: Math.round(performance.now() - started),
      blockedMs: Math.round(blockedMs),
    };
    this.#log.info('corpus reloaded', { ...change, problems: newProblems.length });
    return change;
  }

  /**
   * Watches the folder and reloads after each burst of changes (see `WatchOptions`). Errors of the
   * watcher are logged and polling carries on.
   */
  watch(options: WatchOptions = {}): this {
    const { debounceMs, maxWaitMs, pollMs } = { ...WATCH_DEFAULTS, ...options };
    const settle = (): void => {
      this.#timer = null;
      this.#firstEventAt = 0;
      void this.reload().catch((error: unknown) => this.#log.warn('reloading the corpus failed', { err: error }));
    };
    const schedule = (): void => {
      if (this.#closed) return;
      const now = performance.now();
      if (this.#firstEventAt === 0) this.#firstEventAt = now;
      if (this.#timer) clearTimeout(this.#timer);
      const wait = Math.max(0, Math.min(debounceMs, this.#firstEventAt + maxWaitMs - now));
      this.#timer = setTimeout(settle, wait);
      this.#timer.unref();
    };
    try {
      this.#watcher = watch(this.dir, { persistent: false }, (_event, name) => {
        // An editor's swap and backup files and ingest's temporary files are not articles; their rename into place is.
        if (name === null || isListed(name)) schedule();
      });
      this.#watcher.on('error', (error) => this.#log.warn('watching the corpus folder failed; polling only', { dir: this.dir, err: error }));
    } catch (error) {
      this.#log.warn('cannot watch the corpus folder; polling only', { dir: this.dir, err: error });
    }
    if (pollMs > 0) {
      this.#poll = setInterval(schedule, pollMs);
      this.#poll.unref();
    }
    return this;
  }

  /** Stops watching; a reload under way finishes but is not swapped in. */
  close(): void {
    this.#closed = true;
    this.#watcher?.close();
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#poll) clearInterval(this.#poll);
  }
}
