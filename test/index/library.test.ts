import { describe, expect, it } from 'vitest';
import { indexArticle } from '../../src/analysis/analyse.ts';
import { Library } from '../../src/index/library.ts';
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

  it('reuses an article’s derived data only for the very body it was made from', async () => {
    const [first, ...rest] = await seedArticles();
    const index = indexArticle(first!);
    const reused = new Library([first!, ...rest], { indexes: new Map([[first!.id, index]]) });
    expect(reused.articleIndex(first!.id)).toEqual(index);
    expect(reused.reusableIndex(first!)).toEqual(index);
    const edited = { ...first!, body: `${first!.body}\n\nA new closing paragraph.` };
    expect(reused.reusableIndex(edited)).toBeUndefined();
    const rebuilt = new Library([edited, ...rest], { indexes: new Map(rest.flatMap((a) => [[a.id, reused.reusableIndex(a)!] as const])) });
    expect(rebuilt.articleIndex(first!.id)).not.toEqual(index);
    expect(rebuilt.sentencesOf(first!.id).at(-1)?.text).toBe('A new closing paragraph.');
  });

  it('loaded from what it saved, answers as the library it was saved from', async () => {
    const articles = await seedArticles();
    const original = new Library(articles);
    const { persons, articleIndex, speakerIndex, ...saved } = original.saved();
    const loaded = Library.load([...articles].reverse(), { ...structuredClone(saved), persons, articleIndex, speakerIndex });
    await loaded.loadIndexes();
    for (const query of ['Irvani legal', 'Iran attack', 'said', 'Mehr rockets']) {
      expect(loaded.searchQuotations(query)).toEqual(original.searchQuotations(query));
      expect(loaded.searchSentences(query)).toEqual(original.searchSentences(query));
    }
    expect(loaded.speakers).toEqual(original.speakers);
    expect(loaded.quotations).toEqual(original.quotations);
    expect(loaded.figures).toEqual(original.figures);
    expect(articles.map((a) => loaded.articleIndex(a.id))).toEqual(articles.map((a) => original.articleIndex(a.id)));
    expect(() => Library.load(articles.slice(1), original.saved())).toThrow(/other articles/u);
  });
});
