import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePage, extractPage, isHtml } from '../../src/corpus/page.ts';

const page = (name: string): string => decodePage(readFileSync(`test/fixtures/pages/${name}.html`));

/** Text of the pages' chrome: none of it may reach a body, a standfirst or a caption. */
const HERALD_CHROME = [
  'We use cookies',
  'Accept all cookies',
  'Sport',
  'Search the Herald',
  'Subscribe from',
  'Home › News',
  'By Ines Carvalho',
  'Tue 14 May 2024',
  'Facebook',
  'WhatsApp',
  'Advertisement',
  'Read more',
  'Share this article',
  'Copy link',
  'Topics:',
  'Related stories',
  'Shipping rates climb',
  'Port union votes',
  'Comments (3)',
  'About time the workers',
  'harbourwatcher',
  'morning briefing',
  'Privacy policy',
  'All rights reserved',
];

describe('a saved news page', () => {
  const herald = extractPage(page('harbour-herald-port-strike'));

  it('takes the facts from the page’s JSON-LD, Open Graph and canonical link', () => {
    expect(herald.facts).toEqual({
      title: 'Valmora dockworkers strike over contract talks',
      outlet: 'The Harbour Herald',
      // The date as the page states it (22:40 in its own zone), not shifted to UTC.
      published: '2024-05-14',
      url: 'https://www.harbourherald.example/news/2024/05/14/valmora-dockworkers-strike',
      byline: 'Ines Carvalho and Tomas Berg',
    });
  });

  it('keeps every paragraph of the article, word for word, entities decoded and white space made single spaces', () => {
    expect(herald.body.split('\n\n')).toEqual([
      'Hundreds of dockworkers at the port of Valmora walked off the job on Tuesday, halting the loading of at least 14 container ships after talks on a new contract collapsed late on Monday.',
      'The Valmora Port Workers’ Union said about 1,200 of its members had joined the strike, which it described as “open-ended”.',
      '“We will stay out until the contract is signed,” said Marta Ilves, the union’s chair, speaking to reporters at the main gate. “Our members have waited two years for a fair offer.”',
      'The port authority said the union’s demands would add €40 million a year to its costs & called the walkout “premature and damaging”.',
      'Harbour master Piet Jansen said the port had diverted 6 ships to the neighbouring terminal at Oskar Bay. “Nobody wins from a closed port,” Jansen said.',
      'Talks to resume',
      'Both sides said they were willing to return to talks on Thursday, when a mediator appointed by the regional government is due to arrive.',
      'The last strike at the port, in 2019, lasted nine days and cost the regional economy an estimated €65 million, according to the chamber of commerce.',
    ]);
  });

  it('keeps the standfirst and the caption apart from the body', () => {
    expect(herald.standfirst).toBe('Hundreds of port workers walked off the job after talks on a new contract collapsed late on Monday.');
    expect(herald.captions).toEqual(['Pickets outside the main gate of Valmora port on Tuesday morning. Photograph: Lena Ostrova/The Harbour Herald']);
    expect(herald.body).not.toContain('Pickets outside');
    expect(herald.body).not.toContain('Hundreds of port workers walked off');
  });

  it('drops the navigation, cookie banner, share bars, related links, comments and footer, naming each', () => {
    const kept = [herald.body, herald.standfirst ?? '', ...herald.captions].join('\n');
    for (const chrome of HERALD_CHROME) expect(kept, chrome).not.toContain(chrome);
    const reasons = new Set(herald.dropped.map((d) => d.reason));
    for (const reason of ['navigation', 'footer', 'share widget', 'advertisement', 'tags', 'comment section', 'byline or date']) expect(reasons, reason).toContain(reason);
    expect(herald.dropped.find((d) => d.line.startsWith('We use cookies'))).toBeDefined();
    expect(herald.dropped.find((d) => d.line.startsWith('Related stories'))).toBeDefined();
  });

  it('adds no Markdown and no text of its own', () => {
    expect(herald.body).not.toMatch(/[#*_`[\]]/u);
    const source = readFileSync('test/fixtures/pages/harbour-herald-port-strike.html', 'utf8');
    // Every word of the body is a word of the page (the page writes some characters as entities).
    const pageWords = new Set(extractWords(source.replace(/&[a-z]+;|&#\d+;/gu, ' ')));
    for (const word of extractWords(herald.body)) expect(pageWords, word).toContain(word);
  });
});

describe('a saved blog-style page in Windows-1252 with little metadata', () => {
  const ledger = extractPage(page('northern-ledger-flood'));

  it('reads the page in the encoding it declares', () => {
    expect(ledger.body).toContain('the council’s crews had handed out more than 600 sandbags');
    expect(ledger.body).toContain('“The river is still rising and we expect it to peak this evening,” said Alan Reyes');
  });

  it('states only the facts the page gives: no outlet is invented from the title or the address', () => {
    expect(ledger.facts).toEqual({
      title: 'River Ost flood warning raised as rain continues',
      published: '2024-06-03',
      // Where the browser noted the page was saved from.
      url: 'https://northernledger.example/2024/06/03/river-ost-flood-warning-raised/',
      byline: 'Staff reporter',
    });
  });

  it('keeps the five paragraphs and the caption, and drops the sharing, related posts, comment form and widgets', () => {
    expect(ledger.body.split('\n\n')).toHaveLength(5);
    expect(ledger.captions).toEqual(['The River Ost under Fennick bridge on Sunday evening (Photo: Northern Ledger)']);
    for (const chrome of ['Skip to content', 'Share this', 'Related', 'Fennick bridge repairs', 'Leave a Reply', 'Recent Posts', 'Powered by WordPress', 'Posted in', '14°C']) {
      expect(ledger.body, chrome).not.toContain(chrome);
    }
  });
});

describe('a page with no metadata at all', () => {
  it('leaves every fact out but the visible headline', () => {
    const bare = extractPage(`<html><body><h1>A headline on the page</h1><p>${'Some article text that goes on for a while. '.repeat(12)}</p></body></html>`);
    expect(bare.facts).toEqual({ title: 'A headline on the page' });
    expect(bare.body.startsWith('Some article text')).toBe(true);
  });
});

describe('telling a page from plain text', () => {
  it('knows a saved page by its opening, comments and byte-order mark allowed', () => {
    expect(isHtml('<!DOCTYPE html><html>')).toBe(true);
    expect(isHtml('\uFEFF<!-- saved from url=(0010)x -->\n<html lang="en">')).toBe(true);
    expect(isHtml('News / Politics / Iraq\n\nIran says <b> is not a tag here.')).toBe(false);
  });
});

function extractWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
