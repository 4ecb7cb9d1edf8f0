import { describe, expect, it } from 'vitest';
import { indexArticle } from '../../src/analysis/analyse.ts';
import { Library } from '../../src/index/library.ts';
import { buildLibrary, buildLibraryInSlices } from '../../src/index/assemble.ts';
import { seedArticles } from '../support/seed-library.ts';

describe('building a library', () => {
  it('gives the same answers built a slice at a time, pausing between slices, as built at once', async () => {
    const articles = await seedArticles();
    const atOnce = buildLibrary(articles);
    let pauses = 0;
    const sliced = await buildLibraryInSlices(articles, undefined, async () => void pauses++);
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
    const reused = buildLibrary([first!, ...rest], { indexes: new Map([[first!.id, index]]) });
    expect(reused.articleIndex(first!.id)).toEqual(index);
    expect(reused.reusableIndex(first!)).toEqual(index);
    const edited = { ...first!, body: `${first!.body}\n\nA new closing paragraph.` };
    expect(reused.reusableIndex(edited)).toBeUndefined();
    const rebuilt = buildLibrary([edited, ...rest], { indexes: new Map(rest.flatMap((a) => [[a.id, reused.reusableIndex(a)!] as const])) });
    expect(rebuilt.articleIndex(first!.id)).not.toEqual(index);
    expect(rebuilt.sentencesOf(first!.id).at(-1)?.text).toBe('A new closing paragraph.');
  });

  it('loaded from what it saved, answers as the library it was saved from', async () => {
    const articles = await seedArticles();
    const original = buildLibrary(articles);
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

describe('the questions the commands ask', () => {
  const SHOWN = ['statement', 'phrase', 'reported'] as const;

  it('suggests speakers whose name has a word starting with each typed word, most quoted first, with their count', async () => {
    const library = buildLibrary(await seedArticles());
    const typed = library.suggestSpeakers('ira', { kinds: SHOWN, limit: 5 });
    expect(typed[0]!.speaker.name).toBe('Amir Saeid Iravani');
    expect(typed[0]!.quotations).toBe(library.quotationsOfSpeakers([typed[0]!.speaker.id], { kinds: SHOWN }).length);
    expect(typed.map((s) => s.quotations)).toEqual([...typed.map((s) => s.quotations)].sort((a, b) => b - a));
    expect(library.suggestSpeakers('takht rav', { kinds: SHOWN, limit: 5 }).map((s) => s.speaker.name)).toEqual(['Majid Takht-Ravanchi']);
    const mostQuoted = library.suggestSpeakers('', { kinds: ['statement'], limit: 2 });
    expect(mostQuoted.map((s) => s.speaker.name)).toEqual(['Amir Saeid Iravani', 'Kayvan Khosravi']);
  });

  it('gives figures newest first, the newest article’s last figure first, and only as many as asked for', async () => {
    const library = buildLibrary(await seedArticles());
    const injured = library.figuresMatching({ categories: ['injured'], limit: 3 });
    expect(injured.map((f) => [f.articleId, f.text])).toEqual([
      ['press-tv-2024-01-30', 'more than 65,300 others'],
      ['press-tv-2023-11-10', 'Another 26,900 people'],
      ['press-tv-2023-11-10', 'A total of 56 troops'],
    ]);
    const all = library.figuresMatching({ categories: ['injured'] });
    // Articles are oldest first in the library: its place, then the figure's offset, decreasing.
    const place = (f: (typeof all)[number]) => library.articles.findIndex((a) => a.id === f.articleId) * 1e6 + f.start;
    expect(all.map(place)).toEqual(all.map(place).sort((a, b) => b - a));
    expect(all.length).toBeGreaterThan(injured.length);
  });

  it('narrows figures to the paragraphs holding every word, the outlet and headline counting as part of each', async () => {
    const library = buildLibrary(await seedArticles());
    const gaza = library.figuresMatching({ categories: ['killed'], words: ['gaza'] });
    expect(gaza.map((f) => f.text)).toContain('more than 26,600 civilians');
    expect(gaza.every((f) => f.category === 'killed')).toBe(true);
    expect(library.figuresMatching({ words: ['mehr', 'rockets'] }).map((f) => f.text)).toEqual(['two illegal bases', 'more than 20 rockets']);
    expect(library.figuresMatching({ categories: ['rockets'], words: ['mehr', 'rockets'] }).map((f) => f.text)).toEqual(['more than 20 rockets']);
    expect(library.figuresMatching({ words: ['nobodyhere'] })).toEqual([]);
  });
});
