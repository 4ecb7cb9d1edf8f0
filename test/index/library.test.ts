import { describe, expect, it } from 'vitest';
import { analyseArticle, Library } from '../../src/index/library.ts';
import { seedArticles } from '../support/seed-library.ts';

describe('building a library', () => {
  it('gives the same answers built a slice at a time, pausing between slices, as built at once', async () => {
    const articles = await seedArticles();
    const atOnce = new Library(articles);
    let pauses = 0;
    const sliced = await Library.build(articles, undefined, async () => void pauses++);
    expect(pauses).toBeGreaterThan(1);
    for (const query of ['Iravani', 'Ain al-Asad', 'baseless claims', 'Irvani legal']) {
      expect(sliced.searchSentences(query).map((r) => r.sentence.text)).toEqual(atOnce.searchSentences(query).map((r) => r.sentence.text));
      expect(sliced.searchQuotations(query)).toEqual(atOnce.searchQuotations(query));
    }
    expect(sliced.speakers).toEqual(atOnce.speakers);
    expect(sliced.findSpeakers('Irvani').map((s) => s.name)).toEqual(['Amir Saeid Iravani']);
  });

  it('reuses an article’s analysis only for the very body it was made from', async () => {
    const [first, ...rest] = await seedArticles();
    const analysis = analyseArticle(first!);
    const reused = new Library([first!, ...rest], new Map([[first!.id, analysis]]));
    expect(reused.analysisOf(first!.id)).toBe(analysis);
    const edited = { ...first!, body: `${first!.body}\n\nA new closing paragraph.` };
    const rebuilt = new Library([edited, ...rest], new Map([[first!.id, analysis]]));
    expect(rebuilt.analysisOf(first!.id)).not.toBe(analysis);
    expect(rebuilt.sentencesOf(first!.id).at(-1)?.text).toBe('A new closing paragraph.');
  });
});
