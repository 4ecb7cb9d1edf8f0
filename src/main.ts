/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise a console in the terminal. */
import { createInterface } from 'node:readline/promises';
import { answerLine } from './answer-line.ts';
import { startBot } from './discord/bot.ts';
import { createLogger, messageLog } from './log.ts';
import { renderText } from './render/text.ts';
import { configOrExit, openLibraryOrExit, openLiveLibraryOrExit } from './setup.ts';

const config = configOrExit();

if (config.DISCORD_TOKEN) {
  // From here on every line is structured and scrubbed of the token, errors included.
  const logger = createLogger({ secrets: [config.DISCORD_TOKEN], level: config.LOG_LEVEL });
  // A bug that escapes every handler still ends in one scrubbed JSON line, not Node's raw stack
  // (which could quote a request with the token in it), and a non-zero exit for the service manager.
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.on(event, (error: unknown) => {
      logger.fatal({ err: error, event }, 'Verbatim stopped on an unexpected error');
      process.exit(1);
    });
  }
  // Until the bot is up, a stop signal has nothing to finish: leave at once, cleanly.
  const stopEarly = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'signal received while starting; exiting');
    process.exit(0);
  };
  process.once('SIGINT', stopEarly);
  process.once('SIGTERM', stopEarly);
  const live = await openLiveLibraryOrExit(config.CORPUS_DIR, messageLog(logger), config.CACHE_DIR, config.MAX_ARTICLE_BYTES);
  const library = live.current();
  const { articles, quotations, figures } = library.size;
  logger.info({ articles, quotations, figures }, 'corpus loaded');
  // Articles added, changed or removed from now on are served without a restart.
  live.watch();
  logger.info({ dir: config.CORPUS_DIR }, 'watching the corpus folder');
  try {
    const bot = await startBot({ token: config.DISCORD_TOKEN, library: live, apiUrl: config.DISCORD_API_URL, logger });
    process.off('SIGINT', stopEarly);
    process.off('SIGTERM', stopEarly);
    // Only a requested stop exits 0: a connection Discord ends for good (a revoked token) is a failure a process manager should see.
    void bot.lost.then((message) => {
      logger.fatal(message);
      process.exit(1);
    });
    // On Ctrl+C or a service manager's stop: answer nothing new, finish what is in flight, log out (Discord shows the bot offline at once), exit 0.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        logger.info({ signal }, 'signal received');
        live.close();
        bot.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'logging out failed');
            process.exit(1);
          },
        );
      });
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'TokenInvalid') logger.fatal('Discord refused the token in DISCORD_TOKEN. Copy a fresh one from the Developer Portal (Bot > Reset Token).');
    else logger.fatal({ err: error }, 'Could not connect to Discord');
    process.exit(1);
  }
} else {
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
