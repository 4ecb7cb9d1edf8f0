/**
 * Following feeds, against a web server on 127.0.0.1 and an adder that records what it is asked:
 * which items are added, skipped, retried or given up on; a failing feed logged and polled again
 * later with a doubling wait, while the other feeds go on.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.ts';
import type { AddOutcome } from '../../src/fetch/add-article.ts';
import { backoffDelay, FeedPoller, type FeedAdder } from '../../src/feeds/poller.ts';

const ref = (id: string) => ({ id, title: null, outlet: 'Test', published: '2024-06-01', url: `https://news.example/${id}` });

/** An adder whose answers are set per link, recording every call. */
function recordingAdder(answers: Record<string, AddOutcome>, known: Set<string> = new Set()): FeedAdder & { asked: string[]; served: number } {
  const asked: string[] = [];
  return {
    asked,
    served: 0,
    async serve() {
      this.served++;
    },
    known: (address) => (known.has(new URL(address).pathname) ? ({ id: 'known' } as Article) : undefined),
    add: async (address) => {
      asked.push(new URL(address).pathname);
      return answers[new URL(address).pathname] ?? { success: false, problem: { code: 'fetch', problem: { code: 'http-status', status: 404 } } };
    },
  };
}

describe('backoffDelay', () => {
  it('waits the interval after one failure, then doubles, up to six hours', () => {
    const minute = 60_000;
    expect([1, 2, 3, 4].map((n) => backoffDelay(30 * minute, n))).toEqual([30 * minute, 60 * minute, 120 * minute, 240 * minute]);
    expect(backoffDelay(30 * minute, 10)).toBe(6 * 60 * minute);
    // An interval longer than the cap is never shortened.
    expect(backoffDelay(24 * 60 * minute, 3)).toBe(24 * 60 * minute);
  });
});

describe('FeedPoller', () => {
  let server: Server;
  let base: string;
  const served: Record<string, { type: string; body: string; status?: number; noValidators?: boolean }> = {};
  const requests: { path: string; ifNoneMatch: string | undefined; ifModifiedSince: string | undefined }[] = [];
  let poller: FeedPoller | undefined;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      requests.push({ path, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
      const page = served[path];
      if (!page) return void res.writeHead(500).end();
      if (page.noValidators) return void res.writeHead(200, { 'content-type': page.type }).end(page.body);
      if (req.headers['if-none-match'] === '"same"') return void res.writeHead(304).end();
      res.writeHead(page.status ?? 200, { 'content-type': page.type, etag: '"same"', 'last-modified': 'Mon, 03 Jun 2024 10:00:00 GMT' }).end(page.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    served['/rss.xml'] = {
      type: 'application/rss+xml',
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${base}/</link><description>D</description>
        <item><title>New</title><link>/a/new</link></item>
        <item><title>Known</title><link>${base}/a/known</link></item>
        <item><title>Dup</title><link>${base}/a/dup</link></item>
        <item><title>Slow</title><link>${base}/a/slow</link></item>
        <item><title>Not one</title><link>${base}/a/menu</link></item>
        <item><title>Guid only</title><guid>${base}/a/guid</guid></item>
      </channel></rss>`,
    };
    served['/atom.xml'] = {
      type: 'application/atom+xml',
      body: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:x</id><updated>2024-06-03T10:00:00Z</updated>
        <entry><title>One</title><id>urn:1</id><updated>2024-06-03T10:00:00Z</updated><link href="${base}/a/atom-one"/></entry></feed>`,
    };
    served['/not-a-feed.xml'] = { type: 'application/xml', body: 'this is not XML at all <<<' };
  });

  afterEach(() => poller?.stop());
  afterAll(async () => new Promise((resolve) => server.close(resolve)));

  const added = (id: string): AddOutcome => ({ success: true, added: { article: ref(id), file: `${id}.txt`, sentences: 3, quotations: 1, figures: 0 } });
  const options = { allowHosts: ['127.0.0.1'], log: { info: () => undefined, warn: () => undefined } };

  it('adds new items (relative links and address guids too), skips those already in the corpus quietly, retries only what may pass', async () => {
    const adder = recordingAdder(
      {
        '/a/new': added('new'),
        '/a/dup': { success: false, problem: { code: 'duplicate', article: ref('dup-elsewhere') } },
        '/a/slow': { success: false, problem: { code: 'fetch', problem: { code: 'too-slow', timeoutMs: 15_000 } } },
        '/a/menu': { success: false, problem: { code: 'not-an-article', problem: { code: 'empty-body' } } },
        '/a/guid': added('guid'),
      },
      new Set(['/a/known']),
    );
    poller = new FeedPoller({ feeds: [`${base}/rss.xml`], intervalMs: 60_000, adder, ...options });
    const first = await poller.poll(`${base}/rss.xml`);
    expect(first).toMatchObject({ notModified: false, added: ['new', 'guid'], skipped: 2 });
    expect(first.failed.map((f) => [new URL(f.link).pathname, f.reason])).toEqual([
      ['/a/slow', 'The site was too slow: the page had not arrived after 15 s.'],
      ['/a/menu', 'not an article (empty-body)'],
    ]);
    expect(adder.asked).toEqual(['/a/new', '/a/dup', '/a/slow', '/a/menu', '/a/guid']);
    // The two added are served together, once.
    expect(adder.served).toBe(1);

    // The next poll asks with the validators it was given: not modified, nothing fetched.
    const second = await poller.poll(`${base}/rss.xml`);
    expect(second).toMatchObject({ notModified: true, added: [] });
    expect(requests.at(-1)).toMatchObject({ path: '/rss.xml', ifNoneMatch: '"same"', ifModifiedSince: 'Mon, 03 Jun 2024 10:00:00 GMT' });
  });

  it('tries again at the next poll only the items that may pass', async () => {
    const adder = recordingAdder({
      '/a/new': added('new'),
      '/a/slow': { success: false, problem: { code: 'fetch', problem: { code: 'too-slow', timeoutMs: 15_000 } } },
      '/a/menu': { success: false, problem: { code: 'not-an-article', problem: { code: 'empty-body' } } },
    });
    // A server that sends no validators: each poll reads the feed whole.
    served['/rss-always.xml'] = { ...served['/rss.xml']!, noValidators: true };
    poller = new FeedPoller({ feeds: [`${base}/rss-always.xml`], intervalMs: 60_000, adder, ...options });
    await poller.poll(`${base}/rss-always.xml`);
    expect(adder.asked).toEqual(['/a/new', '/a/known', '/a/dup', '/a/slow', '/a/menu', '/a/guid']);
    adder.asked.length = 0;
    const again = await poller.poll(`${base}/rss-always.xml`);
    expect(adder.asked).toEqual(['/a/slow']);
    expect(again).toMatchObject({ notModified: false, added: [], skipped: 5 });
  });

  it('reads Atom feeds', async () => {
    const adder = recordingAdder({ '/a/atom-one': added('atom-one') });
    poller = new FeedPoller({ feeds: [`${base}/atom.xml`], intervalMs: 60_000, adder, ...options });
    expect(await poller.poll(`${base}/atom.xml`)).toMatchObject({ added: ['atom-one'] });
  });

  it('logs a failing feed with its reason and polls it again later, the wait doubling, while the other feeds go on', async () => {
    const warnings: Record<string, unknown>[] = [];
    const polled: Record<string, unknown>[] = [];
    const log = { info: (msg: string, fields?: Record<string, unknown>) => void (msg === 'feed polled' && polled.push(fields!)), warn: (_: string, fields?: Record<string, unknown>) => void warnings.push(fields!) };
    const adder = recordingAdder({ '/a/atom-one': added('atom-one') });
    poller = new FeedPoller({ feeds: [`${base}/broken.xml`, `${base}/not-a-feed.xml`, `${base}/atom.xml`], intervalMs: 50, adder, allowHosts: ['127.0.0.1'], log }).start();
    const until = Date.now() + 5_000;
    while (warnings.filter((w) => w.feed === `${base}/broken.xml`).length < 4 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    const broken = warnings.filter((w) => w.feed === `${base}/broken.xml`);
    expect(broken.slice(0, 3).map((w) => [w.failures, w.retryInMs])).toEqual([
      [1, 50],
      [2, 100],
      [3, 200],
    ]);
    expect(broken[0]?.reason).toBe('The site answered with HTTP status 500, not the page.');
    expect(warnings.find((w) => w.feed === `${base}/not-a-feed.xml`)?.reason).toMatch(/^not an RSS or Atom feed/u);
    // The good feed was polled all along, every 50 ms, while the failing one was tried at 0, 50, 150 and 350 ms.
    expect(polled.filter((p) => p.feed === `${base}/atom.xml`).length).toBeGreaterThan(broken.length);
    expect(polled.find((p) => p.feed === `${base}/atom.xml`)).toMatchObject({ added: ['atom-one'] });
  });
});
