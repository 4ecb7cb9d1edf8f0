import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatArticle, parseArticle } from '../../src/corpus/format.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { splitSentences } from '../../src/analysis/text/sentences.ts';

const RAW = 'test/fixtures/raw';
const raws = readdirSync(RAW)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(RAW, f), 'utf8'));

/** The lines test/fixtures/raw/SOURCES.md lists as page chrome, not article text. */
const CHROME = [
  'A+ A-',
  'News\u00a0 /\u00a0 Politics\u00a0 /\u00a0 Iraq',
  'Press TV’s website can also be accessed at the following alternate addresses:',
  'www.presstv.co.uk',
  'SHARE THIS ARTICLE',
  'Press TV News Roku',
  'News Code 198808',
  'Your Comment',
  'You are replying to: .',
  'captcha',
  '(Photo by AP)',
  'Iranian representative to the UN refutes US allegations',
];

describe('the shipped corpus', async () => {
  const loaded = await loadCorpus('corpus');
  if (!loaded.success) throw new Error(loaded.reason);
  const corpus = loaded;

  it('loads all five seed articles with no problems', () => {
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles).toHaveLength(5);
  });

  it('has every sentence of every body verbatim in one raw seed file', () => {
    for (const article of corpus.articles) {
      const source = raws.filter((raw) => splitSentences(article.body).every((s) => raw.includes(s.text)));
      expect(source, `${article.id} should come from exactly one raw file`).toHaveLength(1);
    }
  });

  it('keeps none of the chrome lines in any body', () => {
    for (const article of corpus.articles) for (const line of CHROME) expect(article.body, article.id).not.toContain(line);
  });

  it('keeps the standfirst and the caption apart from the body, with their text verbatim', () => {
    const gercek = corpus.articles.find((a) => a.outlet === 'Gerçek News')!;
    expect(gercek.standfirst).toBe('Iranian representative to the UN refutes US allegations, calling for the withdrawal of American troops from Syria.');
    const letter = corpus.articles.find((a) => a.published === '2021-03-15')!;
    expect(letter.captions).toHaveLength(1);
    expect(raws.some((raw) => raw.includes(letter.captions![0]!))).toBe(true);
  });

  it('keeps the dateline that opens the Mehr article as part of its first paragraph', () => {
    const mehr = corpus.articles.find((a) => a.outlet === 'Mehr News Agency')!;
    expect(mehr.body.startsWith('TEHRAN, Mar. 25 (MNA) – An Iranian security official')).toBe(true);
  });

  it('leaves the title out where the page showed none, rather than inventing one', () => {
    expect(corpus.articles.filter((a) => a.title === undefined).map((a) => a.published).sort()).toEqual(['2023-11-10', '2024-01-30']);
  });
});

describe('corpus files', () => {
  it('read back exactly what was written', () => {
    const facts = { id: 'x-1', outlet: 'Outlet: "Quoted"', published: '2024-02-03', url: 'https://example.org/a?b=1', captions: ['A caption: with colon'] };
    const body = 'First “paragraph” with\u00a0space.\n\nSecond: --- line.';
    const parsed = parseArticle(formatArticle(facts, body), 'x.txt');
    expect(parsed).toEqual({ success: true, article: { ...facts, body, file: 'x.txt' } });
  });

  it('name the reason when the front matter is missing or a fact is malformed', () => {
    expect(parseArticle('Just text', 'a.txt')).toMatchObject({ success: false, reason: expect.stringMatching(/front matter/) });
    const bad = parseArticle('---\nid: a\noutlet: X\npublished: 10/11/2023\nurl: https://x.org\n---\nBody.', 'b.txt');
    expect(bad).toMatchObject({ success: false, reason: expect.stringMatching(/published/) });
  });

  it('skip a broken file with its name and reason while serving the rest', async () => {
    const { mkdtemp, writeFile, copyFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-corpus-'));
    await copyFile('corpus/press-tv-2021-03-15.txt', join(dir, 'good.txt'));
    await writeFile(join(dir, 'broken.txt'), '---\nid: [unclosed\n---\nBody.');
    await writeFile(join(dir, 'no-url.txt'), '---\nid: no-url\noutlet: X\npublished: 2024-01-01\n---\nBody.');
    const corpus = await loadCorpus(dir);
    if (!corpus.success) throw new Error(corpus.reason);
    expect(corpus.articles.map((a) => a.id)).toEqual(['press-tv-2021-03-15']);
    expect(corpus.problems.map((p) => [p.file.endsWith('broken.txt') || p.file.endsWith('no-url.txt'), p.reason.length > 0])).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(corpus.problems.find((p) => p.file.endsWith('no-url.txt'))!.reason).toMatch(/url/);
  });

  it('say why a corpus folder cannot be read at all', async () => {
    expect(await loadCorpus('no/such/folder')).toEqual({ success: false, reason: 'The corpus folder no/such/folder cannot be read (ENOENT).' });
  });
});
