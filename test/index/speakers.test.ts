/** Speakers across articles: one speaker, one name, every spelling kept; a surname alone never joins two people. */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.ts';
import type { Library } from '../../src/index/library.ts';
import { buildLibrary } from '../../src/index/assemble.ts';

function article(id: string, published: string, body: string): Article {
  return { id, title: null, outlet: 'Test Wire', published, url: `https://example.org/${id}`, standfirst: null, captions: [], body, file: `${id}.txt` } as unknown as Article;
}

function speakersOf(library: Library): Record<string, string[]> {
  return Object.fromEntries(library.speakers.map((s) => [s.name, [...s.aliases].sort()]));
}

describe('speakers across articles', () => {
  it('keeps a capital speaking under its own name, found by its state’s name too', () => {
    const library = buildLibrary([
      article('a', '2025-01-01', 'Iran has denied any role in the attacks.'),
      article('b', '2025-01-02', 'Tehran says the sanctions have left charities without money.'),
    ]);
    expect(speakersOf(library)).toEqual({ Iran: [], Tehran: ['Iran'] });
    expect(library.speakers.every((s) => s.kind === 'organisation')).toBe(true);
    expect(library.quotations.map((q) => library.speaker(q.speakerId!)?.name)).toEqual(['Iran', 'Tehran']);
    expect(library.findSpeakers('Iran').map((s) => s.name)).toEqual(['Iran', 'Tehran']);
  });

  it('joins two spellings of one full name under the one most quoted, and a bare surname when one person has it', () => {
    const library = buildLibrary([
      article('a', '2025-01-01', '"We reject it," said Amir Saeid Iravani, the envoy.'),
      article('b', '2025-01-02', '"We reject it again," said Amir Saeed Iravani.\n\nIravani said the letter was sent.'),
    ]);
    expect(speakersOf(library)).toEqual({ 'Amir Saeed Iravani': ['Amir Saeid Iravani'] });
    expect(library.quotations.map((q) => library.speaker(q.speakerId!)?.name)).toEqual(['Amir Saeed Iravani', 'Amir Saeed Iravani', 'Amir Saeed Iravani']);
  });

  it('does not join two people who share a surname', () => {
    const library = buildLibrary([
      article('a', '2025-01-01', '"We will respond," said Amina Abakar, the minister.'),
      article('b', '2025-01-02', '"We will strike," said General Hassan Abakar.\n\nAbakar said more troops were sent.'),
    ]);
    expect(Object.keys(speakersOf(library)).sort()).toEqual(['Amina Abakar', 'Hassan Abakar']);
  });
});
