import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle, type ExtractedArticle } from '../../src/corpus/extract.ts';

const RAW_DIR = fileURLToPath(new URL('../fixtures/raw/', import.meta.url));
const NBSP = '\u00a0';

function readRaw(name: string): string {
  return readFileSync(`${RAW_DIR}${name}`, 'utf8');
}

function paragraphs(article: ExtractedArticle): string[] {
  return article.body.split('\n\n');
}

interface Expectation {
  file: string;
  title: string | undefined;
  standfirst: string | undefined;
  /** How each caption ends. */
  captionEndings: string[];
  paragraphs: number;
  firstStarts: string;
  lastEnds: string;
  /** Lines of chrome (SOURCES.md) that must not be in the body. */
  chrome: string[];
}

const fixtures: Expectation[] = [
  {
    file: '000_c4276befe0b9bbfb.txt',
    title: undefined,
    standfirst: undefined,
    captionEndings: [],
    paragraphs: 19,
    firstStarts: 'Iran’s permanent ambassador to the United Nations has strongly rejected',
    lastEnds: 'called on the occupying regime to cease its war.',
    chrome: [],
  },
  {
    file: '001_def429b1c4d7175a.txt',
    title: undefined,
    standfirst: undefined,
    captionEndings: [],
    paragraphs: 13,
    firstStarts: "Iran's permanent ambassador to the United Nations has categorically rejected",
    lastEnds: 'which reciprocate retaliatory attacks.”',
    chrome: [],
  },
  {
    file: '002_546c0ced8b64d753.txt',
    title: 'Tehran denies involvement in attacks on US bases in Syria and Iraq',
    standfirst:
      'Iranian representative to the UN refutes US allegations, calling for the withdrawal of American troops from Syria.',
    captionEndings: [],
    paragraphs: 8,
    firstStarts: "Iran's Permanent Representative to the United Nations, Amir Saeed Iravani,",
    lastEnds: 'the attackers are believed to have escaped into the Syrian Desert.',
    chrome: [
      'Tehran denies involvement in attacks on US bases in Syria and Iraq',
      'A+ A-',
      'Iranian representative to the UN refutes US allegations',
    ],
  },
  {
    file: '003_5304223a5fd210bf.txt',
    title: 'Iran denies involvement in Iraq attacks in letter to UN chief',
    standfirst: undefined,
    captionEndings: ['(Photo by AP)'],
    paragraphs: 11,
    firstStarts: 'Iran has denied any involvement in the recent attacks against the US-occupied military bases',
    lastEnds: `The attack${NBSP}killed${NBSP}one and wounded four others.`,
    chrome: [
      `News${NBSP} /${NBSP} Politics`,
      'Iran denies involvement in Iraq attacks in letter to UN chief',
      'Ain al-Asad air base was struck by a barrage of Iranian missiles',
      '(Photo by AP)',
      'website can also be accessed at the following alternate addresses',
      'www.presstv.co.uk',
      'SHARE THIS ARTICLE',
      'Press TV News Roku',
    ],
  },
  {
    file: '004_7e9dd43d31d6cfa1.txt',
    title: 'Iran reacts to US allegations after recent attacks in Syria',
    standfirst: undefined,
    captionEndings: [],
    paragraphs: 10,
    firstStarts: 'TEHRAN, Mar. 25 (MNA) – An Iranian security official has reacted',
    lastEnds: 'the media reported from Syria.',
    chrome: [
      'Iran reacts to US allegations after recent attacks in Syria',
      'News Code 198808',
      'Your Comment',
      'You are replying to',
      'captcha',
    ],
  },
];

describe('extractArticle on the seed articles', () => {
  for (const expected of fixtures) {
    describe(expected.file, () => {
      const raw = readRaw(expected.file);
      const article = extractArticle(raw);
      const body = paragraphs(article);

      it('finds the headline, standfirst and captions', () => {
        expect(article.title).toBe(expected.title);
        expect(article.standfirst).toBe(expected.standfirst);
        expect(article.captions).toHaveLength(expected.captionEndings.length);
        expected.captionEndings.forEach((ending, i) => expect(article.captions[i]!.endsWith(ending)).toBe(true));
        for (const caption of article.captions) expect(raw.includes(caption)).toBe(true);
        if (article.title !== undefined) expect(raw.includes(article.title)).toBe(true);
        if (article.standfirst !== undefined) expect(raw.includes(article.standfirst)).toBe(true);
      });

      it('keeps every body paragraph verbatim', () => {
        for (const paragraph of body) {
          expect(paragraph.length).toBeGreaterThan(0);
          expect(paragraph).toBe(paragraph.trim());
          expect(raw.includes(paragraph)).toBe(true);
        }
      });

      it('keeps all the article paragraphs, from the first to the last', () => {
        expect(body).toHaveLength(expected.paragraphs);
        expect(body[0]!.startsWith(expected.firstStarts)).toBe(true);
        expect(body.at(-1)!.endsWith(expected.lastEnds)).toBe(true);
      });

      it('leaves no chrome in the body', () => {
        for (const chrome of expected.chrome) expect(article.body).not.toContain(chrome);
      });

      it('accounts for every non-empty line of the page', () => {
        const accounted =
          body.length +
          article.dropped.length +
          article.captions.length +
          (article.standfirst === undefined ? 0 : 1) +
          (article.title === undefined ? 0 : 1);
        expect(accounted).toBe(raw.split('\n').filter((line) => line.trim().length > 0).length);
        for (const { line, reason } of article.dropped) {
          expect(raw.includes(line)).toBe(true);
          expect(reason.length).toBeGreaterThan(0);
        }
      });
    });
  }

  it('keeps the body paragraph that lacks final punctuation in 001', () => {
    const body = paragraphs(extractArticle(readRaw('001_def429b1c4d7175a.txt')));
    expect(body[8]!.endsWith('calling on Washington to withdraw its troops')).toBe(true);
  });

  it('keeps the non-breaking spaces and curly quotes inside paragraphs', () => {
    const body = extractArticle(readRaw('003_5304223a5fd210bf.txt')).body;
    expect(body).toContain(`on the Iraqi-Syrian border${NBSP}to target`);
    expect(body).toContain('“Iran-backed groups”');
  });

  it('reports the dropped chrome with reasons', () => {
    const dropped = extractArticle(readRaw('004_7e9dd43d31d6cfa1.txt')).dropped;
    expect(dropped.map((d) => d.line.trim())).toEqual([
      'News Code 198808',
      'Your Comment',
      'You are replying to: .',
      '• captcha',
    ]);
    expect(dropped[0]!.reason).toBe('page code');
  });
});

describe('extractArticle on pages from other sites', () => {
  it('handles a wire-style page: ">" breadcrumb, byline, date, share buttons, caption, related list, copyright', () => {
    const raw = [
      'Home > World > Middle East',
      '',
      'Oil prices climb as shipping in the Red Sea is disrupted again',
      '',
      'By Jane Doe and John Roe',
      'March 12, 2024 9:41 AM GMT',
      'Share on Facebook',
      'Share on X',
      'Email',
      '',
      'A tanker sails through the Suez Canal in Ismailia, Egypt, on January 9, 2024. (Reuters)',
      '',
      'LONDON (Reuters) - Oil prices rose on Tuesday after fresh attacks on merchant vessels in the Red Sea raised concerns about supply.',
      '',
      'Brent crude futures were up 1.2% at $83.10 a barrel by 0930 GMT.',
      '',
      'Advertisement',
      '',
      'What the analysts say',
      '',
      '"The market is pricing in a longer disruption than it did a month ago," said one analyst in Singapore.',
      '',
      'Shipping firms have diverted vessels around the Cape of Good Hope.',
      '',
      'Related articles',
      'Why are Houthi attacks pushing up oil prices?',
      'Shipping giants reroute around Africa',
      'Explainer: the Red Sea crisis in maps',
      '',
      '© 2024 Some Outlet. All rights reserved.',
    ].join('\n');
    const article = extractArticle(raw);
    expect(article.title).toBe('Oil prices climb as shipping in the Red Sea is disrupted again');
    expect(article.standfirst).toBeUndefined();
    expect(article.captions).toEqual([
      'A tanker sails through the Suez Canal in Ismailia, Egypt, on January 9, 2024. (Reuters)',
    ]);
    expect(paragraphs(article)).toEqual([
      'LONDON (Reuters) - Oil prices rose on Tuesday after fresh attacks on merchant vessels in the Red Sea raised concerns about supply.',
      'Brent crude futures were up 1.2% at $83.10 a barrel by 0930 GMT.',
      'What the analysts say',
      '"The market is pricing in a longer disruption than it did a month ago," said one analyst in Singapore.',
      'Shipping firms have diverted vessels around the Cape of Good Hope.',
    ]);
    const reasons = new Map(article.dropped.map((d) => [d.line, d.reason]));
    expect(reasons.get('Home > World > Middle East')).toBe('breadcrumb');
    expect(reasons.get('By Jane Doe and John Roe')).toBe('byline');
    expect(reasons.get('March 12, 2024 9:41 AM GMT')).toBe('date line');
    expect(reasons.get('Share on Facebook')).toBe('share widget');
    expect(reasons.get('Advertisement')).toBe('advertisement');
    expect(reasons.has('Why are Houthi attacks pushing up oil prices?')).toBe(true);
    expect(reasons.get('© 2024 Some Outlet. All rights reserved.')).toBe('copyright notice');
  });

  it('handles a magazine-style page: "»" breadcrumb, standfirst, mid-body caption and links, tags and follow widgets', () => {
    const raw = [
      `World${NBSP}»${NBSP}Asia${NBSP}»${NBSP}Japan`,
      'Japan’s central bank ends an era of negative interest rates',
      'Text size',
      'The Bank of Japan raised rates for the first time in 17 years, a landmark shift away from its radical stimulus.',
      'Published: Tuesday 19 March 2024, 05:12 GMT',
      '',
      'TOKYO — The Bank of Japan on Tuesday ended eight years of negative interest rates, raising its short-term rate to a range of 0 to 0.1%.',
      '',
      'Governor Kazuo Ueda speaks at a news conference in Tokyo. Photo: Kyodo',
      '',
      'READ MORE: How negative rates changed Japanese banking',
      '',
      'The decision was widely expected after wage talks delivered the biggest pay rises in three decades',
      '',
      '“We judged that the price goal was in sight,” Ueda told reporters.',
      '',
      'The yen weakened after the announcement.',
      '',
      'Tags: Japan, interest rates, Bank of Japan',
      'Follow us on Facebook',
      'Subscribe to our newsletter for the day’s top stories.',
      'Topics:',
      'https://example.com/world/asia',
    ].join('\n');
    const article = extractArticle(raw);
    expect(article.title).toBe('Japan’s central bank ends an era of negative interest rates');
    expect(article.standfirst).toBe(
      'The Bank of Japan raised rates for the first time in 17 years, a landmark shift away from its radical stimulus.',
    );
    expect(article.captions).toEqual(['Governor Kazuo Ueda speaks at a news conference in Tokyo. Photo: Kyodo']);
    expect(paragraphs(article)).toEqual([
      'TOKYO — The Bank of Japan on Tuesday ended eight years of negative interest rates, raising its short-term rate to a range of 0 to 0.1%.',
      'The decision was widely expected after wage talks delivered the biggest pay rises in three decades',
      '“We judged that the price goal was in sight,” Ueda told reporters.',
      'The yen weakened after the announcement.',
    ]);
    const lines = article.dropped.map((d) => d.line);
    expect(lines).toContain(`World${NBSP}»${NBSP}Asia${NBSP}»${NBSP}Japan`);
    expect(lines).toContain('Text size');
    expect(lines).toContain('Published: Tuesday 19 March 2024, 05:12 GMT');
    expect(lines).toContain('READ MORE: How negative rates changed Japanese banking');
    expect(lines).toContain('Subscribe to our newsletter for the day’s top stories.');
    expect(lines).toContain('https://example.com/world/asia');
  });

  it('handles a page with single line breaks, a headline, a comment section and a bare domain', () => {
    const raw = [
      '  Floods force thousands from their homes in southern Brazil  ',
      'Rescue teams in Rio Grande do Sul state used boats and helicopters on Sunday to reach people stranded on rooftops.',
      'At least 39 people have died, officials said.',
      'No one was hurt.',
      '3 Comments',
      'Great reporting, thank you for covering this story so thoroughly and quickly.',
      'Reply',
      'someoutlet.com',
    ].join('\r\n');
    const article = extractArticle(raw);
    expect(article.title).toBe('Floods force thousands from their homes in southern Brazil');
    expect(article.standfirst).toBeUndefined();
    expect(article.captions).toEqual([]);
    expect(paragraphs(article)).toEqual([
      'Rescue teams in Rio Grande do Sul state used boats and helicopters on Sunday to reach people stranded on rooftops.',
      'At least 39 people have died, officials said.',
      'No one was hurt.',
    ]);
    expect(article.dropped.map((d) => d.line)).toEqual([
      '3 Comments',
      'Great reporting, thank you for covering this story so thoroughly and quickly.',
      'Reply',
      'someoutlet.com',
    ]);
  });

  it('gives an empty result for an empty page', () => {
    expect(extractArticle('')).toEqual({ captions: [], body: '', dropped: [] });
  });
});
