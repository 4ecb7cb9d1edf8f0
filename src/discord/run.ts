/**
 * `npm start` with DISCORD_TOKEN set: the corpus loaded and watched, the bot logged in, and a clean
 * stop on a signal. Loaded by `src/main.ts` only when a token is set, so the terminal never pays for
 * discord.js and the logger.
 */
import type { Config } from '../config.ts';
import { startGrowing } from '../feeds/start.ts';
import { createLogger, exitOnUnexpectedErrors, messageLog, type Logger } from '../log.ts';
import { openLiveLibraryOrExit } from '../setup.ts';
import { startBot, TOKEN_REFUSED } from './bot.ts';

/** Runs the bot until a stop signal; exits the process itself (0 for a requested stop, 1 on failure). */
export async function runBot(config: Config & { DISCORD_TOKEN: string }, fields: Record<string, unknown> = {}): Promise<void> {
  // From here on every line is structured and scrubbed of the token, errors included.
  const logger: Logger = createLogger({ secrets: [config.DISCORD_TOKEN], level: config.LOG_LEVEL }).child(fields);
  exitOnUnexpectedErrors(logger);
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
  // /add and the feeds (FEEDS, polled from now on) write into the folder and have the library reload it.
  // Under shards every shard takes /add for its servers, but only the first polls the feeds: they all share the folder.
  const { adder, feeds } = startGrowing(config, live, messageLog(logger), { followFeeds: (fields['shard'] ?? 0) === 0 });
  try {
    const bot = await startBot({ token: config.DISCORD_TOKEN, library: live, apiUrl: config.DISCORD_API_URL, logger, adder });
    process.off('SIGINT', stopEarly);
    process.off('SIGTERM', stopEarly);
    // Only a requested stop exits 0: a connection Discord ends for good (a revoked token) is a failure a process manager should see.
    void bot.lost.then((message) => {
      logger.fatal(message);
      process.exit(1);
    });
    // On Ctrl+C or a service manager's stop: answer nothing new, finish what is in flight, log out (Discord shows the bot offline at once), exit 0.
    let stopped = false;
    const stop = (reason: string) => {
      if (stopped) return;
      stopped = true;
      logger.info({ reason }, 'stopping');
      feeds?.stop();
      live.close();
      bot.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'logging out failed');
          process.exit(1);
        },
      );
    };
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop(`${signal} received`));
    // A shard whose manager is gone (killed outright) stops too, rather than run on unsupervised.
    if (process.send) process.once('disconnect', () => stop('the shard manager is gone'));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'TokenInvalid') logger.fatal(TOKEN_REFUSED);
    else logger.fatal({ err: error }, 'Could not connect to Discord');
    process.exit(1);
  }
}
