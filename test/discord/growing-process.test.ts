/**
 * The bot as a process (`node --import tsx src/main.ts`) configured from the environment to follow
 * a feed and take /add, against a local Discord and a web server on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.ts';
import { DiscordEmulator } from '../support/discord-emulator.ts';

describe('the bot process with FEEDS and FETCH_ALLOW_HOSTS set', () => {
  let emulator: DiscordEmulator;
  let server: Server;
  let base: string;
  let corpus: string;
  let cache: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (path === '/feed.xml') {
        return void res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${base}/</link><description>D</description><item><title>Strike</title><link>${base}/strike.html</link></item></channel></rss>`);
      }
      const file = { '/strike.html': 'harbour-herald-port-strike.html', '/flood.html': 'northern-ledger-flood.html' }[path];
      if (!file) return void res.writeHead(404).end();
      void readFile(`test/fixtures/pages/${file}`).then((bytes) => res.writeHead(200, { 'content-type': 'text/html' }).end(bytes));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    emulator = await new DiscordEmulator().start();
    await deployCommands({ token: emulator.token, clientId: emulator.applicationId, guildId: emulator.guildId, apiUrl: emulator.apiUrl });
    corpus = await mkdtemp(join(tmpdir(), 'verbatim-growing-'));
    cache = await mkdtemp(join(tmpdir(), 'verbatim-growing-cache-'));
  });

  afterAll(async () => {
    await emulator?.stop();
    await new Promise((resolve) => server?.close(resolve));
    await rm(corpus, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  });

  it('adds the feed’s item at start-up, logging the poll, and answers /add; stops cleanly', async () => {
    const env = { ...process.env, DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, CORPUS_DIR: corpus, CACHE_DIR: cache, LOG_LEVEL: 'info', FEEDS: `${base}/feed.xml`, FEED_INTERVAL_MINUTES: '30', FETCH_ALLOW_HOSTS: '127.0.0.1' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let raw = '';
    child.stderr.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    const line = async (test: (l: Record<string, unknown>) => boolean, timeoutMs = 20_000): Promise<Record<string, unknown>> => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = raw.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).find(test);
        if (found) return found;
        if (Date.now() > until) throw new Error(`test: no such line in:\n${raw}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    try {
      expect(await line((l) => l.msg === 'following feeds')).toMatchObject({ feeds: [`${base}/feed.xml`], intervalMinutes: 30 });
      expect(await line((l) => l.msg === 'feed polled')).toMatchObject({ feed: `${base}/feed.xml`, added: ['the-harbour-herald-2024-05-14'], failed: 0 });
      expect(await readdir(corpus)).toContain('the-harbour-herald-2024-05-14.txt');
      await emulator.waitForSession();
      const quote = await emulator.sendCommand('quote', { query: 'Ilves' }).response;
      expect(quote.data?.embeds?.[0]?.author?.name).toBe('Marta Ilves');

      const add = emulator.sendCommand('add', { url: `${base}/flood.html` });
      await add.response;
      const edit = await add.waitForEvent('edit', 20_000);
      expect((edit.body as { content: string }).content).toMatch(/^Added .*River Ost flood warning/u);
      expect(await line((l) => l.msg === 'answered' && l.command === 'add')).toMatchObject({ added: '127-0-0-1-2024-06-03', results: 1 });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, raw).toBe(0);
  });
});
