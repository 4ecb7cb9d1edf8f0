/** Figures on one thing from several articles, side by side. */
import { describe, expect, it } from 'vitest';
import { countedClass, countedLabel, groupFigures, STORY_GAP_DAYS } from '../../src/commands/figure-groups.ts';
import type { Figure } from '../../src/analysis/types.ts';

function figure(articleId: string, text: string, value: number | null, counted: string, category: Figure['category']): Figure {
  return { articleId, start: 0, end: text.length, text, value, upper: null, qualifier: null, counted, category, sentence: 0, rule: 'test' };
}

const dates: Record<string, string> = { a: '2023-11-08', b: '2023-11-10', c: '2024-01-30', old: '2021-03-15' };
const dateOf = (id: string) => dates[id]!;

describe('countedClass', () => {
  it('puts the nouns news varies for one count in one class', () => {
    expect(['US troops', 'troops', 'American servicemen', 'soldiers'].map((counted) => countedClass({ counted, category: 'injured' }))).toEqual(['troops', 'troops', 'troops', 'troops']);
    expect(['people', 'civilians', 'individuals', 'others'].map((counted) => countedClass({ counted, category: 'killed' }))).toEqual(['people', 'people', 'people', 'people']);
    expect(countedClass({ counted: 'children', category: 'killed' })).toBe('children');
    expect(countedClass({ counted: 'member', category: 'killed' })).toBe(countedClass({ counted: 'members', category: 'killed' }));
  });
});

describe('groupFigures', () => {
  it('puts figures of one event and one class from several articles together, oldest first: different dates are a timeline, not a disagreement', () => {
    const groups = groupFigures([figure('b', 'A total of 56 troops', 56, 'troops', 'injured'), figure('a', '46 US troops', 46, 'US troops', 'injured')], dateOf);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ category: 'injured', counted: 'troops', articles: 2, dates: 2, differ: false });
    expect(groups[0]!.figures.map((f) => f.value)).toEqual([46, 56]);
  });

  it('says figures differ only when two articles of the same date give different numbers', () => {
    const sameDay: Record<string, string> = { ...dates, twin: '2023-11-08' };
    const [group] = groupFigures([figure('a', '46 US troops', 46, 'US troops', 'injured'), figure('twin', '50 troops', 50, 'troops', 'injured'), figure('b', '56 troops', 56, 'troops', 'injured')], (id) => sameDay[id]!);
    expect(group).toMatchObject({ articles: 3, dates: 2, differ: true });
  });

  it('merges one article’s repeats of the same figure, and keeps its different figures', () => {
    const [group] = groupFigures([figure('a', '46 US troops', 46, 'US troops', 'injured'), figure('a', '46 US troops', 46, 'troops', 'injured'), figure('a', '40 troops', 40, 'troops', 'injured'), figure('b', '56 troops', 56, 'troops', 'injured')], dateOf);
    expect(group!.figures.map((f) => [f.articleId, f.value])).toEqual([['a', 46], ['a', 40], ['b', 56]]);
  });

  it('labels a group by what it counts, never by a figure’s own words', () => {
    expect(countedLabel({ category: 'injured', counted: 'troops' })).toBe('troops injured');
    expect(countedLabel({ category: 'killed', counted: 'people' })).toBe('people killed');
    expect(countedLabel({ category: 'killed', counted: 'member' })).toBe('members killed');
    expect(countedLabel({ category: 'killed', counted: 'children' })).toBe('children killed');
    expect(countedLabel({ category: 'rockets', counted: 'rockets' })).toBe('rockets and missiles fired');
  });

  it('says figures agree when they give one number, whatever words they use', () => {
    const [group] = groupFigures([figure('a', '46 US troops', 46, 'US troops', 'injured'), figure('b', '46 soldiers', 46, 'soldiers', 'injured')], dateOf);
    expect(group?.differ).toBe(false);
  });

  it('keeps apart different events, different classes, and counts more than half a year apart', () => {
    const groups = groupFigures(
      [
        figure('a', '46 US troops', 46, 'US troops', 'injured'),
        figure('b', '3 troops', 3, 'troops', 'killed'),
        figure('b', '12 children', 12, 'children', 'injured'),
        figure('old', '4 troops', 4, 'troops', 'injured'),
      ],
      dateOf,
    );
    expect(groups).toHaveLength(4);
    expect(STORY_GAP_DAYS).toBeLessThan(365);
  });

  it('lists groups that compare articles before single figures', () => {
    const groups = groupFigures(
      [figure('old', 'one member', 1, 'member', 'killed'), figure('b', '56 troops', 56, 'troops', 'injured'), figure('a', '46 troops', 46, 'troops', 'injured')],
      dateOf,
    );
    expect(groups.map((g) => g.articles)).toEqual([2, 1]);
  });
});
