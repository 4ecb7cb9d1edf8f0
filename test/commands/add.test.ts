/** /add's private answer and public line, as text: what was added, why not, and never a ping or stray formatting. */
import { describe, expect, it } from 'vitest';
import { announceAddition, describeAddition, linkOf } from '../../src/commands/add.ts';

const article = { id: 'the-harbour-herald-2024-05-14', title: 'Valmora dockworkers strike over contract talks', outlet: 'The Harbour Herald', published: '2024-05-14', url: 'https://www.harbourherald.example/news/2024/05/14/valmora-dockworkers-strike' };

describe('describeAddition', () => {
  it('names what was added, with its counts', () => {
    const text = describeAddition({ success: true, added: { article, file: 'corpus/the-harbour-herald-2024-05-14.txt', sentences: 14, quotations: 1, figures: 3 } });
    expect(text).toBe('Added The Harbour Herald, 2024-05-14, “Valmora dockworkers strike over contract talks” (id `the-harbour-herald-2024-05-14`): 14 sentences, 1 quotation, 3 figures. Try /source article:the-harbour-herald-2024-05-14');
  });

  it('names the article already in the corpus', () => {
    expect(describeAddition({ success: false, problem: { code: 'duplicate', article } })).toBe('Already in the corpus: The Harbour Herald, 2024-05-14, “Valmora dockworkers strike over contract talks” (id `the-harbour-herald-2024-05-14`).');
  });

  it.each([
    [{ code: 'refused-address', host: 'intranet.local', address: '10.0.0.7', reason: 'a private network' } as const, 'Not added. Not allowed: intranet.local (10.0.0.7) is a private network, and Verbatim only fetches public web sites.'],
    [{ code: 'too-large', maxBytes: 5 * 1024 * 1024 } as const, 'Not added. The page is too large: more than 5 MB.'],
    [{ code: 'too-slow', timeoutMs: 15_000 } as const, 'Not added. The site was too slow: the page had not arrived after 15 s.'],
    [{ code: 'wrong-type', contentType: 'application/pdf' } as const, 'Not added. That is not a web page (its content type is application/pdf).'],
    [{ code: 'bad-url', detail: 'only http and https addresses can be fetched, not ftp' } as const, 'Not added. That is not an address Verbatim fetches: only http and https addresses can be fetched, not ftp.'],
  ])('says why a fetch gave nothing: %s', (problem, expected) => {
    expect(describeAddition({ success: false, problem: { code: 'fetch', problem } })).toBe(expected);
  });

  it('says what a page that is not an article lacks', () => {
    expect(describeAddition({ success: false, problem: { code: 'not-an-article', problem: { code: 'missing-facts', missing: ['published'] } } })).toBe('Not added: that page is not an article Verbatim can add, as it does not state its publication date.');
    expect(describeAddition({ success: false, problem: { code: 'not-an-article', problem: { code: 'empty-body' } } })).toMatch(/no article text was found on it/u);
  });
});

describe('announceAddition', () => {
  it('shows who added which article, with the headline escaped so it cannot format or mention', () => {
    const line = announceAddition({ ...article, title: 'Strike *ends* @everyone' }, '123456789012345678');
    expect(line).toBe('<@123456789012345678> added an article to the corpus: The Harbour Herald, 2024-05-14, “Strike \\*ends\\* @\u200beveryone”');
  });
});

describe('linkOf', () => {
  it('takes a link as pasted: angle brackets and spaces removed, https:// added when no scheme is given', () => {
    expect(linkOf('  <https://news.example/a?b=1>  ')).toBe('https://news.example/a?b=1');
    expect(linkOf('news.example/2024/story')).toBe('https://news.example/2024/story');
    expect(linkOf('http://news.example/x')).toBe('http://news.example/x');
    // Another scheme is kept, for the fetcher to refuse by name.
    expect(linkOf('file:///etc/passwd')).toBe('file:///etc/passwd');
  });
});
