import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.ts';
import { decodePage } from '../../src/corpus/page.ts';
import { ingestMessage, prepareArticle } from '../../src/corpus/prepare.ts';

const herald = decodePage(readFileSync('test/fixtures/pages/harbour-herald-port-strike.html'));
const ledger = decodePage(readFileSync('test/fixtures/pages/northern-ledger-flood.html'));

/** A corpus article with these facts and body. */
function article(facts: Partial<Article>): Article {
  return { id: 'a', outlet: 'X', published: '2024-01-01', url: 'https://x.example/a', body: 'Some text.', file: 'corpus/a.txt', ...facts };
}

describe('preparing a saved page for the corpus', () => {
  it('takes from flags what the page lacks, and lets them override what it states', () => {
    const prepared = prepareArticle(ledger, true, { outlet: 'Northern Ledger', title: 'Flood warning on the Ost' }, [], false);
    if (!prepared.success) throw new Error(ingestMessage(prepared.problem, 'ledger'));
    expect(prepared.article.facts).toMatchObject({ id: 'northern-ledger-2024-06-03', outlet: 'Northern Ledger', title: 'Flood warning on the Ost', published: '2024-06-03' });
    expect(prepared.article.sources).toEqual({ outlet: 'flag', title: 'flag', published: 'page', url: 'page', byline: 'page' });
  });

  it('names each required fact neither the page nor a flag gives', () => {
    const prepared = prepareArticle('<html><body><p>Text of an article that has no metadata at all, long enough to read.</p></body></html>', true, {}, [], false);
    expect(prepared).toEqual({ success: false, problem: { code: 'missing-facts', missing: ['outlet', 'published', 'url'] } });
    if (prepared.success) return;
    expect(ingestMessage(prepared.problem, 'p.html')).toBe(
      'Cannot ingest p.html: it does not state its outlet, publication date or address. Give --outlet "Outlet name" --published YYYY-MM-DD --url https://…. Nothing was written.',
    );
  });

  it('refuses a malformed fact given as a flag', () => {
    const prepared = prepareArticle(herald, true, { published: '14/05/2024' }, [], false);
    expect(prepared).toMatchObject({ success: false, problem: { code: 'invalid-facts', details: expect.stringMatching(/published/u) } });
  });

  it('knows a page already in the corpus by its address, whatever tracking parameters, fragment or trailing slash it has', () => {
    const existing = article({ id: 'herald', url: 'https://harbourherald.example/news/2024/05/14/valmora-dockworkers-strike/?utm_source=x#top', file: 'corpus/herald.txt' });
    expect(prepareArticle(herald, true, {}, [existing], false)).toEqual({ success: false, problem: { code: 'duplicate', file: 'corpus/herald.txt', by: 'address' } });
  });

  it('knows it by its text under another address, and with --replace updates that file, keeping its id', () => {
    const first = prepareArticle(herald, true, {}, [], false);
    if (!first.success) throw new Error('test: the page should prepare');
    const existing = article({ ...first.article.facts, url: 'https://elsewhere.example/copy', body: first.article.body, file: 'corpus/old-name.txt', id: 'old-name' });
    expect(prepareArticle(herald, true, {}, [existing], false)).toMatchObject({ success: false, problem: { by: 'text', file: 'corpus/old-name.txt' } });
    const replaced = prepareArticle(herald, true, {}, [existing], true);
    expect(replaced).toMatchObject({ success: true, article: { name: 'old-name.txt', facts: { id: 'old-name' } } });
  });

  it('gives an outlet’s second article of the day the next free id', () => {
    const sameDay = article({ id: 'the-harbour-herald-2024-05-14', file: 'corpus/the-harbour-herald-2024-05-14.txt' });
    expect(prepareArticle(herald, true, {}, [sameDay], false)).toMatchObject({ success: true, article: { name: 'the-harbour-herald-2024-05-14-2.txt' } });
  });

  it('refuses an id given with --id that another article has, unless told to replace it', () => {
    const other = article({ id: 'taken', file: 'corpus/taken.txt' });
    const refused = prepareArticle(herald, true, { id: 'taken' }, [other], false);
    expect(refused).toEqual({ success: false, problem: { code: 'id-taken', id: 'taken', file: 'corpus/taken.txt' } });
  });
});
