/** The scorer itself: that a miss, a wrong speaker, a wrong kind and an extra figure each cost what they should. */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.ts';
import { buildLibrary } from '../../src/index/assemble.ts';
import { LabelFileSchema } from '../../eval/labels.ts';
import { scoreSet } from '../../eval/score.ts';

const body = [
  '“We will not back down,” said Lena Ortiz, the mayor.',
  'Lena Ortiz said the flood had killed 12 people in 2024.',
  'Rescuers found the so-called “lost village” on Monday.',
].join('\n\n');

const article: Article = {
  id: 'scorer-test',
  title: 'Flood',
  outlet: 'Test Wire',
  published: '2025-01-01',
  url: 'https://example.org/flood',
  standfirst: null,
  captions: [],
  body,
  file: 'scorer-test.txt',
} as unknown as Article;

function score(labels: unknown) {
  return scoreSet(buildLibrary([article]), [article], new Map([['scorer-test', LabelFileSchema.parse(labels)]]));
}

const right = {
  article: 'scorer-test',
  speakers: [{ name: 'Lena Ortiz', also: ['Ortiz'] }],
  quotations: [
    { text: 'We will not back down', kind: 'statement', speaker: 'Lena Ortiz' },
    { text: 'Lena Ortiz said the flood had killed 12 people in 2024.', kind: 'reported', speaker: 'Lena Ortiz' },
    { text: 'lost village', kind: 'scare', speaker: null },
  ],
  numbers: [
    { text: '12', figure: true, counted: 'people', category: 'killed' },
    { text: '2024', figure: false, why: 'year' },
  ],
};

describe('scoreSet', () => {
  it('gives 1 everywhere when the labels say what the library finds', () => {
    const s = score(right);
    expect([s.quotationPrecision.value, s.quotationRecall.value, s.speakerAccuracy.value, s.figurePrecision.value, s.figureRecall.value, s.figureCategory.value]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(s.mistakes).toEqual([]);
  });

  it('counts a labelled quotation the library does not find against recall, and an unlabelled find against precision', () => {
    const s = score({ ...right, quotations: [...right.quotations.slice(0, 2), { text: 'on Monday', kind: 'phrase', speaker: null }] });
    expect(s.quotationRecall).toMatchObject({ hits: 2, total: 3 });
    expect(s.quotationPrecision).toMatchObject({ hits: 2, total: 3 });
  });

  it('counts a wrong kind against both, and a wrong speaker against speaker accuracy', () => {
    const s = score({
      ...right,
      speakers: [...right.speakers, { name: 'Someone Else' }],
      quotations: [{ ...right.quotations[0], kind: 'phrase' }, { ...right.quotations[1], speaker: 'Someone Else' }, right.quotations[2]],
    });
    expect(s.quotationRecall).toMatchObject({ hits: 2, total: 3 });
    expect(s.speakerAccuracy).toMatchObject({ hits: 1, total: 2 });
    // Each mistake names the rule that decided, and for a speaker the words it read.
    expect(s.mistakes.map((m) => m.what)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^phrase read as statement \(rule [a-z-]+\/[a-z-]+\)$/u), 'speaker Someone Else given as Lena Ortiz (rule reported-verb/name, from "Lena Ortiz said")']),
    );
  });

  it('counts a figure on a number labelled as no figure against precision, and a wrong category against category', () => {
    const s = score({ ...right, numbers: [{ text: '12', figure: false, why: 'test' }] });
    expect(s.figurePrecision).toMatchObject({ hits: 0, total: 1 });
    const wrong = score({ ...right, numbers: [{ text: '12', figure: true, counted: 'people', category: 'injured' }] });
    expect(wrong.figureCategory).toMatchObject({ hits: 0, total: 1 });
  });

  it('refuses a label whose text is not in the article', () => {
    expect(() => score({ ...right, quotations: [{ text: 'never said', kind: 'statement', speaker: null }] })).toThrow(/not in the body/);
  });
});
