/** The bot's growing corpus from its configuration: the adder `/add` uses, and the feeds it follows (none when `FEEDS` is empty). */
import type { Config } from '../config.ts';
import { ArticleAdder, type GrowingLibrary } from '../fetch/add-article.ts';
import type { FetchLimits } from '../fetch/fetch.ts';
import { FeedPoller, type FeedLog } from './poller.ts';

/** The fetch limits the configuration sets. */
export function fetchLimitsOf(config: Config): FetchLimits {
  return { maxBytes: Math.round(config.FETCH_MAX_MB * 1024 * 1024), timeoutMs: Math.round(config.FETCH_TIMEOUT_SECONDS * 1000), maxRedirects: 5 };
}

/**
 * The adder for `library`'s folder and, with `FEEDS` set and `followFeeds` (false in every shard
 * but the first, which share the folder), the feed poller, started (its first poll at once).
 */
export function startGrowing(config: Config, library: GrowingLibrary, log: FeedLog, { followFeeds = true }: { followFeeds?: boolean } = {}): { adder: ArticleAdder; feeds: FeedPoller | null } {
  const fetching = { allowHosts: config.FETCH_ALLOW_HOSTS, limits: fetchLimitsOf(config) };
  const adder = new ArticleAdder({ dir: config.CORPUS_DIR, library, ...fetching });
  if (config.FEEDS.length === 0 || !followFeeds) return { adder, feeds: null };
  log.info('following feeds', { feeds: config.FEEDS, intervalMinutes: config.FEED_INTERVAL_MINUTES });
  const feeds = new FeedPoller({ feeds: config.FEEDS, intervalMs: config.FEED_INTERVAL_MINUTES * 60_000, adder, log, ...fetching }).start();
  return { adder, feeds };
}
