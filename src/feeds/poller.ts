/**
 * Following news feeds: each feed of `FEEDS` is polled at start-up and then every interval, with a
 * conditional request (the ETag and Last-Modified of the last copy), and each new item's page is
 * added as `/add` adds one. Items already in the corpus are skipped quietly. A feed that fails
 * (unreachable, refused, not a feed) is logged and polled again later, each failure in a row
 * doubling the wait (`backoffDelay`); nothing a feed does stops the bot.
 *
 * Feeds are fetched by the same safe fetcher as pages (`src/fetch/fetch.ts`), and the text fetched
 * is handed to rss-parser, which parses RSS and Atom: it never fetches anything itself.
 */
import Parser from 'rss-parser';
import type { AddProblem, ArticleAdder } from '../fetch/add-article.ts';
import { fetchProblemText, safeFetch, type FetchPolicy, type FetchProblem } from '../fetch/fetch.ts';
import { addressKey } from '../corpus/prepare.ts';

/** Where the poller's lines go. */
export interface FeedLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** What the poller needs of an adder (`ArticleAdder`). */
export type FeedAdder = Pick<ArticleAdder, 'add' | 'known' | 'serve'>;

/** How the feeds are followed. */
export interface FeedOptions extends FetchPolicy {
  feeds: readonly string[];
  /** Between two polls of a feed that answered, in ms (`FEED_INTERVAL_MINUTES`; tests use less). */
  intervalMs: number;
  adder: FeedAdder;
  log: FeedLog;
}

/** What one poll of a feed did. */
export interface FeedPollReport {
  feed: string;
  /** The feed had not changed since the last poll (HTTP 304): nothing was read. */
  notModified: boolean;
  /** Ids of the articles added. */
  added: string[];
  /** Items already in the corpus (or given up on before). */
  skipped: number;
  /** Items that could not be added this time, with why. */
  failed: { link: string; reason: string }[];
}

/** Items of one feed added at most per poll, so a feed listing thousands of links cannot flood the corpus at once; the rest come at the next polls. */
export const MAX_ITEMS_PER_POLL = 50;

/** The longest wait before polling a failing feed again: 6 hours, or the interval if that is longer. */
const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

/** How long to wait before polling a feed that has failed `failures` times in a row: the interval, doubled for each failure after the first, at most `MAX_BACKOFF_MS`. */
export function backoffDelay(intervalMs: number, failures: number): number {
  return Math.max(intervalMs, Math.min(intervalMs * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS));
}

/** Fetch problems that may pass (a slow or unreachable site, a server error): the item is tried again at the next poll. Others are given up on. */
function isPassing(problem: FetchProblem): boolean {
  return problem.code === 'too-slow' || problem.code === 'unreachable' || (problem.code === 'http-status' && (problem.status >= 500 || problem.status === 429));
}

/** A problem adding an item, for the log. */
function addProblemText(problem: AddProblem): string {
  switch (problem.code) {
    case 'fetch':
      return fetchProblemText(problem.problem);
    case 'duplicate':
      return `already in the corpus as ${problem.article.id}`;
    case 'not-an-article':
      return `not an article (${problem.problem.code})`;
    case 'not-written':
      return `could not be written (${problem.detail})`;
  }
}

/** Why a feed could not be read. */
class FeedFailure extends Error {}

/** One feed's state between polls. */
interface FeedState {
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Failures in a row. */
  failures: number;
  /** Item addresses (by `addressKey`) done with: added, already there, or given up on. */
  done: Set<string>;
  timer: NodeJS.Timeout | null;
}

/** Polls the feeds on their schedule until stopped. */
export class FeedPoller {
  readonly #options: FeedOptions;
  readonly #feeds: FeedState[];
  readonly #parser = new Parser();
  #stopped = false;

  constructor(options: FeedOptions) {
    this.#options = options;
    this.#feeds = options.feeds.map((url) => ({ url, failures: 0, done: new Set<string>(), timer: null }));
  }

  /** Polls every feed now, and each again on its schedule. */
  start(): this {
    for (const feed of this.#feeds) this.#schedule(feed, 0);
    return this;
  }

  /** No more polls; one under way finishes. */
  stop(): void {
    this.#stopped = true;
    for (const feed of this.#feeds) if (feed.timer) clearTimeout(feed.timer);
  }

  #schedule(feed: FeedState, delayMs: number): void {
    if (this.#stopped) return;
    feed.timer = setTimeout(() => void this.#pollAndReschedule(feed), delayMs);
    // The feeds never keep the process alive on their own.
    feed.timer.unref();
  }

  async #pollAndReschedule(feed: FeedState): Promise<void> {
    const { log, intervalMs } = this.#options;
    try {
      const report = await this.#poll(feed);
      feed.failures = 0;
      log.info('feed polled', { feed: feed.url, notModified: report.notModified, added: report.added, skipped: report.skipped, failed: report.failed.length });
      for (const { link, reason } of report.failed) log.warn(`A feed item was not added: ${reason}`, { feed: feed.url, link, reason });
      this.#schedule(feed, intervalMs);
    } catch (error) {
      feed.failures++;
      const retryInMs = backoffDelay(intervalMs, feed.failures);
      const reason = error instanceof FeedFailure ? error.message : `unexpected error: ${(error as Error).message}`;
      log.warn(`The feed ${feed.url} failed (${reason}); polled again in ${Math.round(retryInMs / 60_000) || '<1'} min`, { feed: feed.url, reason, failures: feed.failures, retryInMs });
      this.#schedule(feed, retryInMs);
    }
  }

  /** Polls one of the feeds once, by its address, outside its schedule: fetches it, and adds its new items. Rejects with why the feed itself could not be read. */
  poll(url: string): Promise<FeedPollReport> {
    const state = this.#feeds.find((f) => f.url === url);
    if (!state) throw new Error(`feeds: ${url} is not one of the feeds followed`);
    return this.#poll(state);
  }

  async #poll(state: FeedState): Promise<FeedPollReport> {
    const { adder, allowHosts, limits, resolve } = this.#options;
    const fetched = await safeFetch(state.url, { kind: 'feed', etag: state.etag, lastModified: state.lastModified, allowHosts, limits, resolve });
    if (!fetched.success) throw new FeedFailure(fetchProblemText(fetched.problem));
    const report: FeedPollReport = { feed: state.url, notModified: fetched.notModified, added: [], skipped: 0, failed: [] };
    if (fetched.notModified) return report;
    let items: Parser.Item[];
    try {
      items = (await this.#parser.parseString(fetched.body.toString('utf8'))).items ?? [];
    } catch (error) {
      throw new FeedFailure(`not an RSS or Atom feed: ${(error as Error).message.split('\n')[0]}`);
    }
    // Validators only once the copy was read whole: a feed that broke is fetched whole next time.
    state.etag = fetched.etag;
    state.lastModified = fetched.lastModified;
    let tried = 0;
    const listed = new Set<string>();
    for (const item of items) {
      const link = linkOf(item, fetched.url);
      if (!link) continue;
      const key = addressKey(link);
      listed.add(key);
      if (state.done.has(key) || adder.known(link)) {
        state.done.add(key);
        report.skipped++;
        continue;
      }
      if (tried++ >= MAX_ITEMS_PER_POLL) break;
      // Served together at the end of the poll (see `AddOptions.serve`).
      const outcome = await adder.add(link, { serve: false });
      if (outcome.success) {
        state.done.add(key);
        report.added.push(outcome.added.article.id);
      } else if (outcome.problem.code === 'duplicate') {
        state.done.add(key);
        report.skipped++;
      } else {
        if (!(outcome.problem.code === 'fetch' && isPassing(outcome.problem.problem))) state.done.add(key);
        report.failed.push({ link, reason: addProblemText(outcome.problem) });
      }
    }
    // Only items the feed still lists need remembering: the set stays the size of the feed.
    for (const key of state.done) if (!listed.has(key)) state.done.delete(key);
    if (report.added.length > 0) await adder.serve();
    return report;
  }
}

/** An item's page address, made absolute against the feed's: its link, or a guid that is an address. */
function linkOf(item: Parser.Item, base: string): string | undefined {
  for (const candidate of [item.link, item.guid]) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate.trim(), base);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Not an address (a guid often is not); try the next.
    }
  }
  return undefined;
}
