import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/index/library.ts';
import { encodeFragmentTerm, FRAGMENT_WORDS, fragmentTerms, linkToSentence } from '../../src/render/fragment.ts';
import { seedLibrary } from '../support/seed-library.ts';
import { fragmentOf } from '../support/shown-text.ts';

let library: Library;
beforeAll(async () => {
  library = await seedLibrary();
});

describe('text fragments', () => {
  it('percent-encodes the directive’s own syntax: -, & and , (and every other non-alphanumeric)', () => {
    expect(encodeFragmentTerm('Takht-Ravanchi, US & Iran’s')).toBe('Takht%2DRavanchi%2C%20US%20%26%20Iran%E2%80%99s');
  });

  it('names a short sentence whole and a long one by its first and last words', () => {
    expect(fragmentTerms('The attack killed one.')).toEqual({ start: 'The attack killed one.', end: null });
    const long = 'one two three four five six seven eight nine ten eleven twelve';
    expect(fragmentTerms(long)).toEqual({ start: 'one two three four five', end: 'eight nine ten eleven twelve' });
    expect(FRAGMENT_WORDS).toBe(5);
  });

  it('follows an existing fragment with :~: instead of adding a second #', () => {
    expect(linkToSentence('https://e.org/a#top', 'Hi there.')).toBe('https://e.org/a#top:~:text=Hi%20there%2E');
  });

  it('points at text that occurs in the article, start before end, for every sentence of the seed corpus', () => {
    let checked = 0;
    for (const article of library.articles) {
      for (const sentence of library.sentencesOf(article.id)) {
        const fragment = fragmentOf(linkToSentence(article.url, sentence.text))!;
        const at = article.body.indexOf(fragment.start);
        expect(at, fragment.start).toBeGreaterThanOrEqual(0);
        if (fragment.end) expect(article.body.indexOf(fragment.end, at), fragment.end).toBeGreaterThan(at);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
