import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexArticle } from '../../src/analysis/analyse.ts';
import { deriveOffThread } from '../../src/analysis/off-thread.ts';
import type { Article } from '../../src/corpus/article.ts';
import { parseArticle } from '../../src/corpus/format.ts';
import { openLibrary } from '../../src/index/open.ts';

describe('deriveOffThread', () => {
  it('derives on a worker thread exactly what indexArticle derives in place, for every seed article', async () => {
    const articles: Article[] = [];
    for (const name of (await readdir('corpus')).filter((n) => n.endsWith('.txt')).sort()) {
      const parsed = parseArticle(await readFile(join('corpus', name), 'utf8'), name);
      if (parsed.success) articles.push(parsed.article);
    }
    const derived = await deriveOffThread(articles);
    expect([...derived.keys()].sort()).toEqual(articles.map((a) => a.id).sort());
    for (const article of articles) expect(derived.get(article.id), article.id).toStrictEqual(indexArticle(article));
  });

  it('derives the articles of a saved index too, whose bodies are read through their class', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'verbatim-off-thread-'));
    await openLibrary('corpus', { cacheDir });
    const opened = await openLibrary('corpus', { cacheDir });
    if (!opened.success) throw new Error(opened.reason);
    expect(opened.report.outcome).toBe('loaded');
    const articles = opened.library.articles;
    // Read from the saved index, the body is no field of the article's own: it must still reach the worker.
    expect(Object.keys(articles[0]!)).not.toContain('body');
    const derived = await deriveOffThread(articles);
    for (const article of articles) expect(derived.get(article.id), article.id).toStrictEqual(indexArticle(article));
  });
});
