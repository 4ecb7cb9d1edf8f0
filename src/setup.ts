/** Start-up shared by the entry points: configuration, then the corpus and its index. */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SingleBar } from 'cli-progress';
import { whenFirstUsed } from './when-first-used.ts';
import { config as loadDotenv } from 'dotenv';
import { readConfig, type Config } from './config.ts';
import type { CorpusProblem } from './corpus/load.ts';
import type { Library } from './index/library.ts';
import { openLibrary, type OpenProgress, type OpenReport } from './index/open.ts';
import { showControlCharacters } from './render/text.ts';
import { LiveLibrary, type ReloadLog } from './live-library.ts';

/**
 * The variable the shard manager sets to start `src/main.ts` as the process that builds the saved
 * index before any shard (see `src/discord/prepare-index.ts`). Here, where `main.ts` reads it
 * without loading the bot.
 */
export const PREPARE_INDEX = 'VERBATIM_PREPARE_INDEX';

/** The configuration from the environment and `.env` (only the variables in `uses`, when given), or exit with the message naming every problem. */
export function configOrExit(uses?: readonly (keyof Config)[]): Config {
  // quiet: dotenv would otherwise print a line to stdout, where `--json` output goes.
  loadDotenv({ quiet: true });
  const result = readConfig(process.env, uses);
  if (!result.success) {
    console.error(result.message);
    process.exit(1);
  }
  return result.config;
}

/** Where start-up warnings go: plain lines on standard error for the terminal, structured log lines for the bot. */
export interface StartupLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  fatal(message: string, fields?: Record<string, unknown>): void;
}

/** Plain lines on standard error; a file's name or reason may quote its text, so control characters are shown, not acted on. */
const say = (message: string): void => console.error(showControlCharacters(message));
export const CONSOLE_LOG: StartupLog = { info: say, warn: say, fatal: say };

/** The progress bar, required when first shown: only deriving a large corpus in a terminal shows it. */
const cliProgress = whenFirstUsed<typeof import('cli-progress')>('cli-progress');

/** Articles derived between two progress lines when the output is not a terminal. */
const PROGRESS_EVERY = 500;

/** Shows how far deriving a large corpus has got: a progress bar in a terminal, a plain line now and then otherwise. */
function progressOf(log: StartupLog): OpenProgress {
  let bar: SingleBar | null = null;
  return {
    deriving(done, total) {
      if (total < 50) return;
      if (process.stderr.isTTY) {
        if (!bar) {
          const { Presets, SingleBar } = cliProgress();
          bar = new SingleBar({ format: 'Indexing articles [{bar}] {value}/{total} · {eta_formatted} left', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
          bar.start(total, 0);
        }
        bar.update(done);
        if (done === total) bar.stop();
      } else if (done % PROGRESS_EVERY === 0 || done === total) log.info(`Indexed ${done} of ${total} articles`, { done, total });
    },
  };
}

/**
 * Loads the corpus folder and its index as `openLibrary` (`src/index/open.ts`) decides: from the
 * saved index in `cacheDir` when it matches the corpus, else derived (showing progress) and saved.
 * A broken file is named with its reason and skipped. A folder that cannot be read at all stops
 * the program with one clear line.
 */
export async function openLibraryOrExit(dir: string, log: StartupLog = CONSOLE_LOG, cacheDir = '.cache', maxArticleBytes?: number): Promise<Library> {
  checkFolders(dir, cacheDir, log);
  const opened = await openLibrary(dir, { cacheDir, progress: progressOf(log), maxArticleBytes });
  if (!opened.success) exitUnreadable(dir, opened.reason, log);
  reportOpened(dir, opened.library, opened.problems, opened.report, log, ': every answer will be "nothing matches".');
  return opened.library;
}

/**
 * Like `openLibraryOrExit` (by the same `openLibrary`), for the bot: the library of a folder that
 * is then watched, so articles added, changed or removed are served without a restart (see
 * `LiveLibrary.watch`).
 */
export async function openLiveLibraryOrExit(dir: string, log: StartupLog & ReloadLog, cacheDir = '.cache', maxArticleBytes?: number): Promise<LiveLibrary> {
  checkFolders(dir, cacheDir, log);
  const opened = await LiveLibrary.open(dir, log, { cacheDir, progress: progressOf(log), maxArticleBytes });
  if (!opened.success) exitUnreadable(dir, opened.reason, log);
  reportOpened(dir, opened.live.current(), opened.problems, opened.report, log, ' yet: add some and they are served at once.');
  return opened.live;
}

/**
 * The two folders checked before anything is read, each problem in one line: a corpus folder that
 * is missing or is a file stops the program; a cache folder that is a file or cannot be written
 * is warned of (the bot still answers, but derives the whole index at every start).
 */
function checkFolders(corpusDir: string, cacheDir: string, log: StartupLog): void {
  const corpus = corpusFolderProblem(corpusDir);
  if (corpus) exitUnreadable(corpusDir, corpus, log);
  const cache = cacheFolderProblem(cacheDir);
  if (cache) log.warn(`${cache}: the index cannot be saved, so every start indexes the whole corpus again. Set CACHE_DIR to a folder Verbatim can write to.`, { dir: cacheDir });
}

/** Why a corpus folder cannot be used, or null. */
export function corpusFolderProblem(dir: string): string | null {
  try {
    if (!statSync(dir).isDirectory()) return `The corpus folder ${dir} is a file, not a folder.`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `The corpus folder ${dir} does not exist.` : `The corpus folder ${dir} cannot be read (${code ?? (error as Error).message}).`;
  }
  return null;
}

/** Why the saved index cannot be written into a cache folder, or null; a missing folder is created. */
export function cacheFolderProblem(dir: string): string | null {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EEXIST' || code === 'ENOTDIR' ? `CACHE_DIR ${dir} is a file, not a folder` : `CACHE_DIR ${dir} cannot be created (${code ?? (error as Error).message})`;
  }
  // Writing is the only sure test: permissions, a read-only mount and a full disk all show here.
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    return `CACHE_DIR ${dir} cannot be written to (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  return null;
}

function exitUnreadable(dir: string, reason: string, log: StartupLog): never {
  log.fatal(`${reason} Set CORPUS_DIR (or --corpus) to a folder of article files.`, { dir });
  process.exit(1);
}

/** The start-up lines: each file skipped, an empty corpus (the line ending in `whenEmpty`), and how the index was opened when not simply loaded. */
function reportOpened(dir: string, library: Library, problems: readonly CorpusProblem[], report: OpenReport, log: StartupLog, whenEmpty: string): void {
  for (const problem of problems) log.warn(`Skipped ${problem.file}: ${problem.reason}`, { file: problem.file, reason: problem.reason });
  if (library.articles.length === 0) log.warn(`The corpus folder ${dir} holds no usable article (.txt, .md or saved .html) files${whenEmpty}`, { dir });
  if (report.outcome !== 'loaded') {
    const { outcome, derived, reason } = report;
    log.info(`Index ${outcome === 'built' ? 'built' : 'updated'} (${derived} of ${library.articles.length} articles indexed: ${reason})`, { outcome, derived, reason });
  }
}
