/** `npm start` without DISCORD_TOKEN: a console in the terminal, or the answers alone for piped lines. */
import { createInterface } from 'node:readline/promises';
import { answerLine } from './answer-line.ts';
import type { Config } from './config.ts';
import { renderText } from './render/text.ts';
import { openLibraryOrExit } from './setup.ts';

/** Answers each line typed (or piped) until Ctrl+D or /exit. */
export async function runConsole(config: Config): Promise<void> {
  const library = await openLibraryOrExit(config.CORPUS_DIR, undefined, config.CACHE_DIR, config.MAX_ARTICLE_BYTES);
  // A prompt is for a person at a terminal; piped input gets the answers alone.
  const interactive = process.stdin.isTTY === true;
  if (interactive) {
    console.log(`No DISCORD_TOKEN set, so Verbatim answers here. ${library.articles.length} articles loaded.`);
    console.log('Type a command such as /quote Iravani, /figures casualties, /source or /help; Ctrl+D or /exit to leave.');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'verbatim> ', terminal: interactive });
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === '/exit' || trimmed === '/quit') break;
    if (trimmed) console.log(`${renderText(answerLine(library, trimmed))}\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
