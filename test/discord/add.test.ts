/**
 * End to end, the corpus following the story: the real discord.js client against the local
 * Discord emulator, a web server on 127.0.0.1 serving saved pages and a feed, and a corpus folder
 * that starts as a Markdown article and a saved page. `/add` of a page's link, a second `/add` of
 * it, refused, oversized and never-ending pages, and a feed that gains an item while the bot runs.
 */
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type Bot } from '../../src/discord/bot.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { FeedPoller } from '../../src/feeds/poller.ts';
import { ArticleAdder } from '../../src/fetch/add-article.ts';
import type { Resolve } from '../../src/fetch/fetch.ts';
import { LiveLibrary } from '../../src/live-library.ts';
import { createLogger, messageLog } from '../../src/log.ts';
import { DiscordEmulator, type EmulatedInteraction } from '../support/discord-emulator.ts';
import { loggedLine } from '../support/live-bot.ts';
import { corpusPart } from '../support/shown-text.ts';

const EPHEMERAL = 64;
const DEFERRED_REPLY = 5;
/** The feed is polled this often here; `FEED_INTERVAL_MINUTES` is in minutes, so the poller takes milliseconds. */
const POLL_MS = 400;

/** An invented news page, as a site would serve it. */
function depotPage(base: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Fennick council approves new bus depot | The Fennick Courier</title>
<meta property="og:site_name" content="The Fennick Courier">
<meta property="og:title" content="Fennick council approves new bus depot">
<meta property="article:published_time" content="2024-06-10T09:30:00+01:00">
<link rel="canonical" href="${base}/articles/depot.html">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Fennick council approves new bus depot</h1>
<p>Fennick town council approved plans for a new bus depot on the edge of the Mill Lane estate on Monday evening, after a debate that lasted more than three hours.</p>
<p>The depot will hold 40 buses and replace the old yard beside the river, which flooded twice last winter and has been closed since March.</p>
<p>“We expect the depot to open next spring, and the buses will be back on their old timetable from then,” said Priya Lindqvist, the council’s transport director.</p>
<p>Residents of Mill Lane had asked for a wall along the new road to keep the noise down, and the council agreed to build one before the depot opens.</p>
</article>
<footer>© 2024 The Fennick Courier. All rights reserved.</footer>
</body></html>`;
}

/** An RSS feed listing these page addresses. */
function rss(base: string, links: readonly string[]): string {
  const items = links.map((link, i) => `<item><title>Story ${i + 1}</title><link>${base}${link}</link><guid>${base}${link}</guid></item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local news</title><link>${base}/</link><description>Test feed</description>${items}</channel></rss>`;
}

describe('adding articles from Discord and from a feed', () => {
  let emulator: DiscordEmulator;
  let bot: Bot | undefined;
  let live: LiveLibrary;
  let feeds: FeedPoller | undefined;
  let server: Server;
  let base: string;
  let dir: string;
  const lines: Record<string, unknown>[] = [];
  const hanging = new Set<ServerResponse>();
  /** What the feed lists, and its version for ETag. */
  const feed = { links: ['/articles/harbour.html'], version: 1, requests: 0, notModified: 0 };
  let user = 1700000000000000000n;
  const who = (): { userId: string } => ({ userId: String(user++) });

  const logged = (test: (line: Record<string, unknown>) => boolean, from: number, timeoutMs = 10_000): Promise<Record<string, unknown>> => loggedLine(lines, test, from, timeoutMs);

  /** Sends /add and waits for its private answer. */
  const add = async (url: string, asker = who()): Promise<{ interaction: EmulatedInteraction; answer: string }> => {
    const interaction = emulator.sendCommand('add', { url }, asker);
    const ack = await interaction.response;
    expect(ack.type).toBe(DEFERRED_REPLY);
    expect((ack.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const edit = await interaction.waitForEvent('edit', 20_000);
    return { interaction, answer: (edit.body as { content: string }).content };
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const page = (file: string, type = 'text/html; charset=utf-8'): void => {
        void readFile(file).then((bytes) => res.writeHead(200, { 'content-type': type }).end(bytes));
      };
      switch (path) {
        case '/articles/harbour.html':
          return page('test/fixtures/pages/harbour-herald-port-strike.html');
        case '/articles/northern.html':
          return page('test/fixtures/pages/northern-ledger-flood.html', 'text/html; charset=windows-1252');
        case '/articles/depot.html':
          return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(depotPage(base));
        case '/articles/huge.html':
          return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body>${'<p>Filler text. </p>'.repeat(400_000)}</body></html>`);
        case '/articles/never.html':
          hanging.add(res);
          return void res.writeHead(200, { 'content-type': 'text/html' }).write('<html><body><p>Loading');
        case '/feed.xml': {
          feed.requests++;
          const etag = `"feed-v${feed.version}"`;
          if (req.headers['if-none-match'] === etag) {
            feed.notModified++;
            return void res.writeHead(304, { etag }).end();
          }
          return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(rss(base, feed.links));
        }
        default:
          res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    dir = await mkdtemp(join(tmpdir(), 'verbatim-add-'));
    await copyFile('test/fixtures/kinds/fennick-bridge.md', join(dir, 'fennick-bridge.md'));
    await copyFile('test/fixtures/pages/harbour-herald-port-strike.html', join(dir, 'Valmora dockworkers strike.html'));

    emulator = await new DiscordEmulator().start();
    const logger = createLogger({ secrets: [emulator.token], destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
    const opened = await LiveLibrary.open(dir, messageLog(logger));
    if (!opened.success) throw new Error(opened.reason);
    live = opened.live.watch({ debounceMs: 30, pollMs: 0 });
    // As FETCH_ALLOW_HOSTS=127.0.0.1 would; a short time limit, so the page that never ends does not hold the test 15 s.
    // Names resolved here, so no query leaves the machine: `localhost` is loopback, as everywhere.
    const resolve: Resolve = async (host) => {
      if (host === 'localhost') return [{ address: '127.0.0.1', family: 4 }];
      throw Object.assign(new Error(`test: no address for ${host}`), { code: 'ENOTFOUND' });
    };
    const fetching = { allowHosts: ['127.0.0.1'], limits: { timeoutMs: 1_500 }, resolve };
    const adder = new ArticleAdder({ dir, library: live, ...fetching });
    await deployCommands({ token: emulator.token, clientId: emulator.applicationId, guildId: emulator.guildId, apiUrl: emulator.apiUrl });
    bot = await startBot({ token: emulator.token, library: live, apiUrl: emulator.apiUrl, logger, adder });
    await emulator.waitForSession();
    feeds = new FeedPoller({ feeds: [`${base}/feed.xml`], intervalMs: POLL_MS, adder, log: messageLog(logger), ...fetching }).start();
  });

  afterAll(async () => {
    feeds?.stop();
    live?.close();
    await bot?.client.destroy();
    await emulator?.stop();
    for (const res of hanging) res.destroy();
    await new Promise((resolve) => server?.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('registers /add for members who can manage messages, in servers only', () => {
    const registered = emulator.registeredCommands(emulator.guildId).find((c) => c.name === 'add');
    expect(registered?.default_member_permissions).toBe('8192'); // Manage Messages
    expect(registered?.contexts).toEqual([0]);
    expect(registered?.options?.map((o) => [o.name, o.required])).toEqual([['url', true]]);
  });

  it('answers from a folder holding a Markdown article and a saved web page', async () => {
    const fromMd = await emulator.sendCommand('quote', { query: 'Okafor' }, who()).response;
    expect(fromMd.data?.embeds?.[0]?.author?.name).toBe('Nadia Okafor');
    expect(fromMd.data?.embeds?.flatMap((e) => (e.description ?? '').split('\n').map((line) => corpusPart(line).text))).toContain('The repairs are finished and the bridge is safe for cars and lorries again');
    const fromPage = await emulator.sendCommand('quote', { query: 'Ilves' }, who()).response;
    expect(fromPage.data?.embeds?.[0]?.author?.name).toBe('Marta Ilves');
    expect(fromPage.data?.embeds?.flatMap((e) => (e.description ?? '').split('\n').map((line) => corpusPart(line).text))).toContain('We will stay out until the contract is signed');
  });

  it('/add of a page’s link: a private answer naming what was added, a public line naming who added it without a ping, and /quote of its speaker within 5 s', async () => {
    const started = Date.now();
    const asker = who();
    const { interaction, answer } = await add(`${base}/articles/northern.html`, asker);
    expect(answer).toMatch(/^Added .*River Ost flood warning raised as rain continues/u);
    expect(answer).toMatch(/2024-06-03/u);
    expect(answer).toMatch(/\(id `127-0-0-1-2024-06-03`\): \d+ sentences, [1-9]\d* quotations?, [1-9]\d* figures?/u);

    const publicLine = await interaction.waitForEvent('followup');
    const body = publicLine.body as { content: string; flags?: number; allowed_mentions?: unknown };
    expect(body.content).toContain(`<@${asker.userId}> added an article`);
    expect(body.content).toContain('River Ost flood warning raised as rain continues');
    expect((body.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(body.allowed_mentions).toEqual({ parse: [] });

    const quote = await emulator.sendCommand('quote', { query: 'Reyes' }, who()).response;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(quote.data?.embeds?.[0]?.author?.name).toBe('Alan Reyes');
    expect(quote.data?.embeds?.flatMap((e) => (e.description ?? '').split('\n').map((line) => corpusPart(line).text))).toContain('The river is still rising and we expect it to peak this evening');
    expect(await readdir(dir)).toContain('127-0-0-1-2024-06-03.txt');
  });

  it('refuses a second /add of the same link, naming the article already there, and writes nothing', async () => {
    const before = await readdir(dir);
    const { interaction, answer } = await add(`${base}/articles/northern.html`);
    expect(answer).toMatch(/^Already in the corpus: .*River Ost flood warning raised as rain continues.*\(id `127-0-0-1-2024-06-03`\)/u);
    expect(interaction.events.some((e) => e.kind === 'followup')).toBe(false);
    expect(await readdir(dir)).toEqual(before);
  });

  it('refuses a link to a page already in the folder as a saved page, by its address', async () => {
    const before = await readdir(dir);
    const { answer } = await add(`${base}/articles/harbour.html`);
    expect(answer).toMatch(/^Already in the corpus: .*Valmora dockworkers strike over contract talks.*\(id `valmora-dockworkers-strike`\)/u);
    expect(await readdir(dir)).toEqual(before);
  });

  it('refuses a loopback address that is not allowed, an oversized page and a page that never finishes, each with its reason, writing nothing', async () => {
    const before = await readdir(dir);
    const port = (server.address() as AddressInfo).port;
    const refused = await add(`http://localhost:${port}/articles/depot.html`);
    expect(refused.answer).toMatch(/^Not added\. Not allowed: localhost \(.+\) is this machine \(a loopback address\)/u);
    const literal = await add(`http://127.0.0.2:${port}/articles/depot.html`);
    expect(literal.answer).toMatch(/Not allowed: 127\.0\.0\.2 is this machine \(a loopback address\)/u);
    const huge = await add(`${base}/articles/huge.html`);
    expect(huge.answer).toBe('Not added. The page is too large: more than 5 MB.');
    const never = await add(`${base}/articles/never.html`);
    expect(never.answer).toBe('Not added. The site was too slow: the page had not arrived after 1.5 s.');
    const notHttp = await add('ftp://127.0.0.1/articles/depot.html');
    expect(notHttp.answer).toMatch(/only http and https/u);
    for (const { interaction } of [refused, literal, huge, never, notHttp]) expect(interaction.events.some((e) => e.kind === 'followup')).toBe(false);
    expect(await readdir(dir)).toEqual(before);
  });

  it('adds a new feed item within one poll, skipping quietly what is already in the corpus, with conditional requests in between', async () => {
    // The first poll (at start) found only the saved page's link, already in the corpus.
    const first = await logged((l) => l.msg === 'feed polled' && l.notModified === false, 0);
    expect(first).toMatchObject({ added: [], skipped: 1, failed: 0 });
    await logged((l) => l.msg === 'feed polled' && l.notModified === true, 0);
    expect(feed.notModified).toBeGreaterThan(0);

    const from = lines.length;
    feed.links = ['/articles/depot.html', ...feed.links];
    feed.version++;
    const polled = await logged((l) => l.msg === 'feed polled' && Array.isArray(l.added) && (l.added as unknown[]).length > 0, from, POLL_MS * 2 + 3_000);
    expect(polled).toMatchObject({ added: ['the-fennick-courier-2024-06-10'], skipped: 1, failed: 0 });
    const quote = await emulator.sendCommand('quote', { query: 'Lindqvist' }, who()).response;
    expect(quote.data?.embeds?.[0]?.author?.name).toBe('Priya Lindqvist');
    expect(quote.data?.embeds?.flatMap((e) => (e.description ?? '').split('\n').map((line) => corpusPart(line).text))).toContain('We expect the depot to open next spring, and the buses will be back on their old timetable from then');

    // The next polls add nothing again.
    const after = lines.length;
    expect(await logged((l) => l.msg === 'feed polled', after)).toMatchObject({ added: [] });
  });
});
