/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise a console in the terminal. */
import { createInterface } from 'node:readline/promises';
import { answerLine } from './answer-line.ts';
import { startBot } from './discord/bot.ts';
import { renderText } from './render/text.ts';
import { configOrExit, openLibrary } from './setup.ts';

const config = configOrExit();
const library = await openLibrary(config.CORPUS_DIR);

if (config.DISCORD_TOKEN) {
  try {
    const client = await startBot({ token: config.DISCORD_TOKEN, library, apiUrl: config.DISCORD_API_URL });
    // Log out cleanly on Ctrl+C or a service manager's stop, so Discord shows the bot offline at once.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        console.error(`${signal} received: logging out.`);
        void client.destroy().finally(() => process.exit(0));
      });
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    console.error(
      code === 'TokenInvalid'
        ? 'Discord refused the token in DISCORD_TOKEN. Copy a fresh one from the Developer Portal (Bot > Reset Token).'
        : `Could not connect to Discord: ${(error as Error).message}`,
    );
    process.exit(1);
  }
} else {
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
