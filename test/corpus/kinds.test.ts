/**
 * A corpus folder of mixed kinds: a Markdown article and a saved web page are read (the page
 * extracted by the ingest rules, and only once while it is unchanged), anything else is skipped
 * with its reason.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerQuote } from '../../src/commands/quote.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { openLibrary } from '../../src/index/open.ts';

// Counts the extractions of saved pages, to show an unchanged page is not extracted again.
const extractions = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/corpus/page.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/corpus/page.ts')>();
  return {
    ...original,
    extractPage: (html: string) => {
      extractions.count++;
      return original.extractPage(html);
    },
  };
});

describe('a corpus folder of Markdown and saved pages', () => {
  let dir: string;
  let cache: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verbatim-kinds-'));
    cache = await mkdtemp(join(tmpdir(), 'verbatim-kinds-cache-'));
    await copyFile('test/fixtures/kinds/fennick-bridge.md', join(dir, 'fennick-bridge.md'));
    await copyFile('test/fixtures/pages/harbour-herald-port-strike.html', join(dir, 'Valmora dockworkers strike.html'));
    await writeFile(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    await writeFile(join(dir, 'fennick-bridge.md~'), 'an editor backup');
    // What a browser's "Web Page, complete" saves beside the page.
    await mkdir(join(dir, 'Valmora dockworkers strike_files'));
    await writeFile(join(dir, 'Valmora dockworkers strike_files', 'style.css'), 'body { margin: 0 }');
    extractions.count = 0;
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  });

  it('reads the Markdown article like a .txt and extracts the saved page with the ingest rules, its id from its file name', async () => {
    const corpus = await loadCorpus(dir);
    if (!corpus.success) throw new Error(corpus.reason);
    const byId = new Map(corpus.articles.map((a) => [a.id, a]));
    expect([...byId.keys()].sort()).toEqual(['fennick-gazette-2024-06-04', 'valmora-dockworkers-strike']);
    const md = byId.get('fennick-gazette-2024-06-04')!;
    expect(md.body).toBe((await readFile('test/fixtures/kinds/fennick-bridge.md', 'utf8')).split('---\n')[2]!.trim());
    const page = byId.get('valmora-dockworkers-strike')!;
    expect(page).toMatchObject({ outlet: 'The Harbour Herald', published: '2024-05-14', title: 'Valmora dockworkers strike over contract talks', byline: 'Ines Carvalho and Tomas Berg' });
    expect(page.url).toMatch(/^https:\/\/www\.harbourherald\.example\/news\/2024\/05\/14\/valmora-dockworkers-strike/u);
    expect(page.body).toContain('We will stay out until the contract is signed');
    // The page's chrome is not in the body.
    for (const chrome of ['cookies', 'Share this', 'Related stories', 'Subscribe', 'All rights reserved']) expect(page.body).not.toContain(chrome);
  });

  it('skips any other file with its reason, and says nothing of editor backups or the folder a browser saves beside a page', async () => {
    const corpus = await loadCorpus(dir);
    if (!corpus.success) throw new Error(corpus.reason);
    expect(corpus.problems).toEqual([{ file: join(dir, 'photo.jpg'), reason: expect.stringMatching(/^not an article file: only \.txt, \.md, \.html, \.htm files are read$/u) }]);
  });

  it('names a saved page that does not state its date, and serves the rest', async () => {
    await writeFile(join(dir, 'undated.html'), '<!doctype html><html><head><title>Undated</title><meta property="og:site_name" content="Somewhere"><link rel="canonical" href="https://somewhere.example/a"></head><body><article><p>A paragraph of text that is long enough to be an article body, with words in it.</p></article></body></html>');
    const corpus = await loadCorpus(dir);
    if (!corpus.success) throw new Error(corpus.reason);
    expect(corpus.articles).toHaveLength(2);
    expect(corpus.problems).toContainEqual({ file: join(dir, 'undated.html'), reason: expect.stringMatching(/does not state its publication date/u) });
  });

  it('answers /quote from both the Markdown article and the saved page', async () => {
    const opened = await openLibrary(dir);
    if (!opened.success) throw new Error(opened.reason);
    const fromMd = answerQuote(opened.library, { query: 'Okafor' });
    expect(fromMd.type === 'results' && fromMd.results.map((r) => [r.text, r.article.id])).toContainEqual(['The repairs are finished and the bridge is safe for cars and lorries again', 'fennick-gazette-2024-06-04']);
    const fromPage = answerQuote(opened.library, { query: 'Ilves' });
    expect(fromPage.type === 'results' && fromPage.results.map((r) => [r.text, r.article.id])).toContainEqual(['We will stay out until the contract is signed', 'valmora-dockworkers-strike']);
  });

  it('extracts a saved page once: a restart with the saved index, even after the file is touched, reads its article from the index', async () => {
    const first = await openLibrary(dir, { cacheDir: cache });
    if (!first.success) throw new Error(first.reason);
    expect(extractions.count).toBe(1);
    const body = first.library.article('valmora-dockworkers-strike')!.body;

    // Same bytes, a new modification time: the file is read and hashed again, but not extracted.
    const later = new Date(Date.now() + 5_000);
    await utimes(join(dir, 'Valmora dockworkers strike.html'), later, later);
    const second = await openLibrary(dir, { cacheDir: cache });
    if (!second.success) throw new Error(second.reason);
    expect(extractions.count).toBe(1);
    expect(second.report.outcome).toBe('loaded');
    expect(second.library.article('valmora-dockworkers-strike')!.body).toBe(body);

    // The same bytes under another name (a copy): known by their content, served under the id of their own name.
    await copyFile(join(dir, 'Valmora dockworkers strike.html'), join(dir, 'strike copy.html'));
    const copied = await openLibrary(dir, { cacheDir: cache });
    if (!copied.success) throw new Error(copied.reason);
    expect(extractions.count).toBe(1);
    expect(copied.library.article('strike-copy')?.body).toBe(body);
    expect(copied.library.article('valmora-dockworkers-strike')?.body).toBe(body);
    expect(copied.problems).toEqual([{ file: join(dir, 'photo.jpg'), reason: expect.any(String) }]);

    // Changed bytes: extracted again.
    const html = await readFile(join(dir, 'Valmora dockworkers strike.html'), 'utf8');
    await writeFile(join(dir, 'Valmora dockworkers strike.html'), html.replace('</body>', '<!-- re-saved --></body>'));
    const third = await openLibrary(dir, { cacheDir: cache });
    if (!third.success) throw new Error(third.reason);
    expect(extractions.count).toBe(2);
    expect(third.library.article('valmora-dockworkers-strike')?.body).toBe(body);
  });
});
