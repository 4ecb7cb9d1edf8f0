/** Start-up shared by the entry points: configuration, then the corpus and its index. */
import { config as loadDotenv } from 'dotenv';
import { readConfig, type Config } from './config.ts';
import { loadCorpus } from './corpus/load.ts';
import { Library } from './index/library.ts';

/** The configuration from the environment and `.env`, or exit with the message naming every problem. */
export function configOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  // quiet: dotenv would otherwise print a line to stdout, where `--json` output goes.
  loadDotenv({ quiet: true });
  const result = readConfig(env);
  if (!result.success) {
    console.error(result.message);
    process.exit(1);
  }
  return result.config;
}

/** Loads the corpus folder and builds the index; a broken file is named with its reason and skipped. */
export async function openLibrary(dir: string, warn: (message: string) => void = console.error): Promise<Library> {
  const corpus = await loadCorpus(dir);
  for (const problem of corpus.problems) warn(`Skipped ${problem.file}: ${problem.reason}`);
  return new Library(corpus.articles);
}
