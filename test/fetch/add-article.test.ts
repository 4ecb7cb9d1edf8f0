/** Adding from an address, against a web server on 127.0.0.1: what is written, and that a refusal writes nothing. */
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/format.ts';
import { ArticleAdder } from '../../src/fetch/add-article.ts';
import { LiveLibrary } from '../../src/live-library.ts';

const UNDATED = '<!doctype html><html><head><title>About us</title><meta property="og:site_name" content="Somewhere"></head><body><article><p>We are a small team of people who write about the town and its council every week of the year.</p></article></body></html>';

/** A page in Latin-1 that says so only in its HTTP header, as many older sites do. */
const LATIN1 = '<!doctype html><html><head><title>Café reopens</title><meta property="og:site_name" content="Le Petit Journal"><meta property="article:published_time" content="2024-06-12"><link rel="canonical" href="https://petitjournal.example/cafe"></head><body><article><p>The café on the market square reopened on Wednesday after a fire in the kitchen closed it in the spring.</p><p>"We are so happy to be back," said Zoé Marchand, who has run it since 2009.</p></article></body></html>';

describe('ArticleAdder', () => {
  let server: Server;
  let base: string;
  let dir: string;
  let adder: ArticleAdder;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (path === '/strike') return void readFile('test/fixtures/pages/harbour-herald-port-strike.html').then((b) => res.writeHead(200, { 'content-type': 'text/html' }).end(b));
      if (path === '/moved') return void res.writeHead(301, { location: '/strike' }).end();
      // The same article at another address, its own addresses rewritten: only its text shows it is the same.
      if (path === '/mirror') return void readFile('test/fixtures/pages/harbour-herald-port-strike.html', 'utf8').then((html) => res.writeHead(200, { 'content-type': 'text/html' }).end(html.replaceAll('www.harbourherald.example', 'mirror.example')));
      if (path === '/latin1') return void res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' }).end(Buffer.from(LATIN1, 'latin1'));
      // Another article of the same outlet and day.
      if (path === '/second') return void readFile('test/fixtures/pages/harbour-herald-port-strike.html', 'utf8').then((html) => res.writeHead(200, { 'content-type': 'text/html' }).end(html.replaceAll('valmora-dockworkers-strike', 'valmora-talks-resume').replaceAll('Hundreds of dockworkers', 'Several hundred dockworkers')));
      if (path === '/about') return void res.writeHead(200, { 'content-type': 'text/html' }).end(UNDATED);
      if (path === '/flood') return void readFile('test/fixtures/pages/northern-ledger-flood.html').then((b) => res.writeHead(200, { 'content-type': 'text/html' }).end(b));
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), 'verbatim-adder-'));
    await copyFile('corpus/press-tv-2023-11-10.txt', join(dir, 'press-tv-2023-11-10.txt'));
    const opened = await LiveLibrary.open(dir, { info: () => undefined, warn: () => undefined });
    if (!opened.success) throw new Error(opened.reason);
    adder = new ArticleAdder({ dir, library: opened.live, allowHosts: ['127.0.0.1'] });
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the page’s article as a corpus file with the facts the page states, and serves it', async () => {
    const outcome = await adder.add(`${base}/moved`);
    expect(outcome).toMatchObject({ success: true, added: { article: { id: 'the-harbour-herald-2024-05-14', outlet: 'The Harbour Herald' }, quotations: expect.any(Number) } });
    const text = await readFile(join(dir, 'the-harbour-herald-2024-05-14.txt'), 'utf8');
    const parsed = parseArticle(text, 'x');
    expect(parsed.success && parsed.article).toMatchObject({ title: 'Valmora dockworkers strike over contract talks', published: '2024-05-14', byline: 'Ines Carvalho and Tomas Berg' });
    expect(parsed.success && parsed.article.body).toContain('We will stay out until the contract is signed');
    // No temporary file is left behind.
    expect((await readdir(dir)).sort()).toEqual(['press-tv-2023-11-10.txt', 'the-harbour-herald-2024-05-14.txt']);
    // Known by the address it was asked for and by the one it came from, without fetching again.
    expect(adder.known(`${base}/moved`)?.id).toBe('the-harbour-herald-2024-05-14');
    expect(adder.known(`${base}/strike#top`)?.id).toBe('the-harbour-herald-2024-05-14');
  });

  it('refuses the same article at another address, by its text, naming the one already there', async () => {
    const before = await readdir(dir);
    expect(await adder.add(`${base}/mirror`)).toMatchObject({ success: false, problem: { code: 'duplicate', article: { id: 'the-harbour-herald-2024-05-14' } } });
    expect(await readdir(dir)).toEqual(before);
  });

  it('refuses a page that is not an article, writing nothing', async () => {
    const before = await readdir(dir);
    expect(await adder.add(`${base}/about`)).toMatchObject({ success: false, problem: { code: 'not-an-article', problem: { code: 'missing-facts', missing: ['published'] } } });
    expect(await readdir(dir)).toEqual(before);
  });

  it('takes the outlet from the site and the address from the fetch when the page does not state them', async () => {
    const outcome = await adder.add(`${base}/flood`);
    expect(outcome).toMatchObject({ success: true, added: { article: { id: '127-0-0-1-2024-06-03', outlet: '127.0.0.1', url: 'https://northernledger.example/2024/06/03/river-ost-flood-warning-raised/' } } });
  });

  it('reads a page in the encoding its server declares', async () => {
    const outcome = await adder.add(`${base}/latin1`);
    expect(outcome).toMatchObject({ success: true, added: { article: { title: 'Café reopens', outlet: 'Le Petit Journal' } } });
    const text = await readFile(join(dir, 'le-petit-journal-2024-06-12.txt'), 'utf8');
    expect(text).toContain('"We are so happy to be back," said Zoé Marchand');
  });

  it('adds several articles before serving them together, checking each against those not yet served', async () => {
    const other = await mkdtemp(join(tmpdir(), 'verbatim-adder-batch-'));
    try {
      const opened = await LiveLibrary.open(other, { info: () => undefined, warn: () => undefined });
      if (!opened.success) throw new Error(opened.reason);
      const batch = new ArticleAdder({ dir: other, library: opened.live, allowHosts: ['127.0.0.1'] });
      expect(await batch.add(`${base}/strike`, { serve: false })).toMatchObject({ success: true, added: { article: { id: 'the-harbour-herald-2024-05-14' }, sentences: expect.any(Number) } });
      expect(opened.live.current().articles).toHaveLength(0);
      // The same text at another address, and the same address again: refused against the article not yet served.
      expect(await batch.add(`${base}/mirror`, { serve: false })).toMatchObject({ success: false, problem: { code: 'duplicate', article: { id: 'the-harbour-herald-2024-05-14' } } });
      expect(await batch.add(`${base}/strike`, { serve: false })).toMatchObject({ success: false, problem: { code: 'duplicate' } });
      // The outlet's next article of the day gets the next id, not the one already written.
      expect(await batch.add(`${base}/second`, { serve: false })).toMatchObject({ success: true, added: { article: { id: 'the-harbour-herald-2024-05-14-2' } } });
      await batch.serve();
      expect(opened.live.current().articles.map((a) => a.id).sort()).toEqual(['the-harbour-herald-2024-05-14', 'the-harbour-herald-2024-05-14-2']);
      expect((await readdir(other)).sort()).toEqual(['the-harbour-herald-2024-05-14-2.txt', 'the-harbour-herald-2024-05-14.txt']);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('never writes over a file already there: the article takes the next name', async () => {
    const other = await mkdtemp(join(tmpdir(), 'verbatim-adder-other-'));
    try {
      // A broken file holding the name the article would get.
      await writeFile(join(other, 'the-harbour-herald-2024-05-14.txt'), 'not an article yet\n');
      const opened = await LiveLibrary.open(other, { info: () => undefined, warn: () => undefined });
      if (!opened.success) throw new Error(opened.reason);
      const second = new ArticleAdder({ dir: other, library: opened.live, allowHosts: ['127.0.0.1'] });
      const outcome = await second.add(`${base}/strike`);
      expect(outcome).toMatchObject({ success: true, added: { article: { id: 'the-harbour-herald-2024-05-14-2' } } });
      expect(await readFile(join(other, 'the-harbour-herald-2024-05-14.txt'), 'utf8')).toBe('not an article yet\n');
      expect(await readFile(join(other, 'the-harbour-herald-2024-05-14-2.txt'), 'utf8')).toMatch(/^---\nid: the-harbour-herald-2024-05-14-2\n/u);
      expect(opened.live.current().article('the-harbour-herald-2024-05-14-2')).toBeDefined();
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
