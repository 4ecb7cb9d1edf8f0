/**
 * The process the shard manager starts before any shard (see `src/discord/shards.ts`): it builds
 * or updates the saved index of the corpus folder, logging as the bot does, and exits, so that the
 * shards load the index instead of deriving it each.
 */
import type { Config } from '../config.ts';
import { createLogger, messageLog } from '../log.ts';
import { openLibraryOrExit } from '../setup.ts';

/** Opens the corpus folder's library, saving its index when it changed; exits 1 (logged) when the folder cannot be read. */
export async function prepareIndex(config: Config & { DISCORD_TOKEN: string }): Promise<void> {
  const logger = createLogger({ secrets: [config.DISCORD_TOKEN], level: config.LOG_LEVEL }).child({ role: 'index' });
  const library = await openLibraryOrExit(config.CORPUS_DIR, messageLog(logger), config.CACHE_DIR, config.MAX_ARTICLE_BYTES);
  const { articles, quotations, figures } = library.size;
  logger.info({ articles, quotations, figures }, 'saved index ready for the shards');
}
