/** Start-up shared by the entry points: configuration, then the corpus and its index. */
import { config as loadDotenv } from 'dotenv';
import { readConfig, type Config } from './config.ts';
import { Presets, SingleBar } from 'cli-progress';
import { openCachedLibrary, type CacheProgress } from './index/cache.ts';
import type { Library } from './index/library.ts';

/** The configuration from the environment and `.env`, or exit with the message naming every problem. */
export function configOrExit(): Config {
  // quiet: dotenv would otherwise print a line to stdout, where `--json` output goes.
  loadDotenv({ quiet: true });
  const result = readConfig(process.env);
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

/** Plain lines on standard error. */
export const CONSOLE_LOG: StartupLog = { info: (message) => console.error(message), warn: (message) => console.error(message), fatal: (message) => console.error(message) };

/** Articles derived between two progress lines when the output is not a terminal. */
const PROGRESS_EVERY = 500;

/** Shows how far deriving a large corpus has got: a progress bar in a terminal, a plain line now and then otherwise. */
function progressOf(log: StartupLog): CacheProgress {
  let bar: SingleBar | null = null;
  return {
    deriving(done, total) {
      if (total < 50) return;
      if (process.stderr.isTTY) {
        if (!bar) {
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
 * Loads the corpus folder and its index: from the saved index in `cacheDir` when it matches the
 * corpus, else built (showing progress) and saved. A broken file is named with its reason and
 * skipped. A folder that cannot be read at all stops the program with one clear line.
 */
export async function openLibrary(dir: string, log: StartupLog = CONSOLE_LOG, cacheDir = '.cache'): Promise<Library> {
  const opened = await openCachedLibrary(dir, cacheDir, progressOf(log));
  if (!opened.success) {
    log.fatal(`${opened.reason} Set CORPUS_DIR (or --corpus) to a folder of article files.`, { dir });
    process.exit(1);
  }
  for (const problem of opened.problems) log.warn(`Skipped ${problem.file}: ${problem.reason}`, { file: problem.file, reason: problem.reason });
  if (opened.library.articles.length === 0) log.warn(`The corpus folder ${dir} holds no usable article (.txt) files: every answer will be "nothing matches".`, { dir });
  const { outcome, derived, reason } = opened.report;
  if (outcome !== 'loaded') log.info(`Index ${outcome === 'built' ? 'built' : 'updated'} (${derived} of ${opened.library.articles.length} articles indexed: ${reason})`, { outcome, derived, reason });
  return opened.library;
}
