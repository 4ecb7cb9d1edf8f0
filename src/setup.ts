/** Start-up shared by the entry points: configuration, then the corpus and its index. */
import { config as loadDotenv } from 'dotenv';
import { readConfig, type Config } from './config.ts';
import { loadCorpus } from './corpus/load.ts';
import { Library } from './index/library.ts';
import { LiveLibrary, type ReloadLog } from './live-library.ts';

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
  warn(message: string, fields?: Record<string, unknown>): void;
  fatal(message: string, fields?: Record<string, unknown>): void;
}

/** Plain lines on standard error. */
export const CONSOLE_LOG: StartupLog = { warn: (message) => console.error(message), fatal: (message) => console.error(message) };

/**
 * Loads the corpus folder and builds the index; a broken file is named with its reason and
 * skipped. A folder that cannot be read at all stops the program with one clear line.
 */
export async function openLibrary(dir: string, log: StartupLog = CONSOLE_LOG): Promise<Library> {
  const corpus = await loadCorpus(dir);
  if (!corpus.success) {
    log.fatal(`${corpus.reason} Set CORPUS_DIR (or --corpus) to a folder of article files.`, { dir });
    process.exit(1);
  }
  for (const problem of corpus.problems) log.warn(`Skipped ${problem.file}: ${problem.reason}`, { file: problem.file, reason: problem.reason });
  if (corpus.articles.length === 0) log.warn(`The corpus folder ${dir} holds no usable article (.txt) files: every answer will be "nothing matches".`, { dir });
  return new Library(corpus.articles);
}

/**
 * Like `openLibrary`, for the bot: the library of a folder that is then watched, so articles added,
 * changed or removed are served without a restart (see `LiveLibrary.watch`).
 */
export async function openLiveLibrary(dir: string, log: StartupLog & ReloadLog): Promise<LiveLibrary> {
  const opened = await LiveLibrary.open(dir, log);
  if (!opened.success) {
    log.fatal(`${opened.reason} Set CORPUS_DIR (or --corpus) to a folder of article files.`, { dir });
    process.exit(1);
  }
  for (const problem of opened.problems) log.warn(`Skipped ${problem.file}: ${problem.reason}`, { file: problem.file, reason: problem.reason });
  if (opened.live.current().articles.length === 0) log.warn(`The corpus folder ${dir} holds no usable article (.txt) files yet: add some and they are served at once.`, { dir });
  return opened.live;
}
