/**
 * The real-news scorer on an invented article: that a found quotation's speaker is right, wrong or
 * silent as the README of `../shared/realnews/` says, that a scare quote given a speaker costs a
 * wrong, and that figure recall and precision count per `/figures` query. It never reads the real
 * sets (CI may not have them).
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.ts';
import { buildLibrary } from '../../src/index/assemble.ts';
import { GoldSetSchema, namesSpeaker, quotationsMatch, scoreRealNews, type GoldArticle } from '../../eval/realnews-score.ts';

const body = [
  'The river rose faster than anyone expected, and the “hundred-year flood” arrived twice in a decade.',
  '“Nobody warned us about the water.”',
  '“We will rebuild the bridge before the spring thaw,” said Tomas Lindqvist, the mayor of Varberg.',
  'Lindqvist said the council’s “temporary crossing” would stay open for a year.',
  'Floods killed 12 people and injured 30 others in the valley on Monday, the police said.',
  'Militants fired 20 rockets at the town overnight.',
].join('\n\n');

const article = {
  id: 'invented-flood',
  title: 'Flood',
  outlet: 'Test Wire',
  published: '2025-01-01',
  url: 'https://example.org/flood',
  body,
  file: 'corpus/invented-flood.txt',
} as unknown as Article;

const library = buildLibrary([article]);

const lindqvist = { speaker: 'Tomas Lindqvist', surname: 'Lindqvist', how: 'name' };
const quotes = [
  { text: 'hundred-year flood', speaker: null, surname: null, kind: 'scare', how: 'none' },
  { text: 'Nobody warned us about the water.', speaker: 'a resident', surname: null, kind: 'statement', how: 'unnamed' },
  { text: 'We will rebuild the bridge before the spring thaw', ...lindqvist, kind: 'statement' },
  { text: 'temporary crossing', ...lindqvist, kind: 'phrase' },
];
const figures = [
  { value: 12, value_max: null, text: 'killed 12 people', category: 'killed', counted: 'people killed in the floods' },
  { value: 30, value_max: null, text: 'injured 30 others', category: 'injured', counted: 'people injured' },
  { value: 20, value_max: null, text: 'fired 20 rockets', category: 'rockets', counted: 'rockets fired at the town' },
];

/** The gold entry of the invented article, with some labels replaced. */
function gold(changes: { quotes?: unknown[]; figures?: unknown[] } = {}): GoldArticle[] {
  return GoldSetSchema.parse({ articles: [{ file: 'invented-flood.txt', quotes: changes.quotes ?? quotes, figures: changes.figures ?? figures, not_figures: [] }] }).articles;
}

function score(changes: { quotes?: unknown[]; figures?: unknown[] } = {}) {
  return scoreRealNews(library, [article], gold(changes));
}

describe('quotationsMatch', () => {
  const found = 'We will rebuild the bridge before the spring thaw';

  it('matches a label the returned quotation holds, and one that holds it', () => {
    expect(quotationsMatch('rebuild the bridge', found)).toBe(true);
    expect(quotationsMatch(`${found}, and the road after it`, found)).toBe(true);
  });

  it('matches texts sharing at least 70% of the shorter one’s words (8 of 9), not fewer (5 of 9)', () => {
    expect(quotationsMatch('We will rebuild the old bridge before the thaw', found)).toBe(true);
    expect(quotationsMatch('We will mend the old road after the thaw', found)).toBe(false);
  });

  it('ignores case, punctuation and curly or straight apostrophes', () => {
    expect(quotationsMatch("the council's temporary crossing", 'The Council’s “temporary crossing”')).toBe(true);
  });
});

describe('namesSpeaker', () => {
  it('is right when the shown name holds the surname or is part of the full speaker', () => {
    expect(namesSpeaker('Mayor Tomas Lindqvist', lindqvist)).toBe(true);
    expect(namesSpeaker('Tomas', lindqvist)).toBe(true);
    expect(namesSpeaker('Erik ten Hag', { speaker: 'Erik Ten Hag', surname: 'Ten Hag' })).toBe(true);
    expect(namesSpeaker('O’Brien', { speaker: "Aoife O'Brien", surname: "O'Brien" })).toBe(true);
    expect(namesSpeaker('the Varberg council', { speaker: 'Varberg council', surname: null })).toBe(true);
  });

  it('is wrong for another name, or a part of a word', () => {
    expect(namesSpeaker('Greta Holm', lindqvist)).toBe(false);
    expect(namesSpeaker('Tom', lindqvist)).toBe(false);
    expect(namesSpeaker('police', { speaker: 'a resident', surname: null })).toBe(false);
  });
});

describe('scoreRealNews', () => {
  it('finds every labelled quotation but the scare quote, right with the labelled speaker and silent without one', () => {
    const s = score();
    expect(s.quotationsFound).toMatchObject({ hits: 3, total: 3 });
    expect(s.speakerRight).toMatchObject({ hits: 2, total: 3 });
    expect(s.speakerSilent).toMatchObject({ hits: 1, total: 3 });
    expect(s.speakerWrong).toMatchObject({ hits: 0, total: 3 });
    expect(s.mistakes.filter((m) => m.type === 'silent speaker').map((m) => m.label)).toEqual(['a resident (statement, unnamed)']);
  });

  it('counts a speaker the label does not name as wrong, with what was chosen', () => {
    const s = score({ quotes: quotes.map((q) => (q.kind === 'statement' && q.speaker !== 'a resident' ? { ...q, speaker: 'Greta Holm', surname: 'Holm' } : q)) });
    expect(s.speakerWrong).toMatchObject({ hits: 1, total: 3 });
    const wrong = s.mistakes.find((m) => m.type === 'wrong speaker')!;
    expect(wrong.chosen).toMatch(/^Tomas Lindqvist \(statement/u);
    expect(wrong.label).toBe('Greta Holm (statement, name)');
  });

  it('counts a quotation labelled with nobody and shown without a speaker as right', () => {
    const s = score({ quotes: quotes.map((q) => (q.speaker === 'a resident' ? { ...q, speaker: null, how: 'none' } : q)) });
    expect(s.speakerRight).toMatchObject({ hits: 3, total: 3 });
  });

  it('finds a label that shares 70% of its words with a returned quotation', () => {
    const s = score({ quotes: [{ text: 'We will rebuild the old bridge before the thaw', ...lindqvist, kind: 'statement' }] });
    expect(s.quotationsFound).toMatchObject({ hits: 1, total: 1 });
    expect(s.speakerRight).toMatchObject({ hits: 1, total: 1 });
  });

  it('counts a quotation the program does not return as missed', () => {
    const s = score({ quotes: [{ text: 'the sandbags ran out before noon', ...lindqvist, kind: 'statement' }] });
    expect(s.quotationsFound).toMatchObject({ hits: 0, total: 1 });
    expect(s.mistakes.map((m) => m.type)).toContain('missed quotation');
  });

  it('counts a scare quote the program gives a speaker as wrong, though it is not counted as found', () => {
    const s = score({ quotes: quotes.map((q) => (q.text === 'temporary crossing' ? { ...q, speaker: null, surname: null, kind: 'scare', how: 'none' } : q)) });
    expect(s.quotationsFound).toMatchObject({ hits: 2, total: 2 });
    expect(s.speakerWrong).toMatchObject({ hits: 1, total: 3 });
    expect(s.mistakes.find((m) => m.type === 'scare quote given a speaker')?.text).toBe('temporary crossing');
  });

  it('counts a speaker’s quotations that /quote <surname> shows with that speaker, and not those of a surname it does not know', () => {
    expect(score().quoteLists).toMatchObject({ hits: 2, total: 2 });
    const s = score({ quotes: [...quotes, { text: 'Nobody warned us about the water.', speaker: 'Greta Holm', surname: 'Holm', kind: 'statement', how: 'name' }] });
    expect(s.quoteLists).toMatchObject({ hits: 2, total: 3 });
    expect(s.mistakes.find((m) => m.type === 'missing from /quote')?.chosen).toBe('/quote Holm: nothing-found');
  });

  it('scores each /figures query, rockets under attacks', () => {
    const s = score();
    expect(s.figures.killed).toMatchObject({ recall: { hits: 1, total: 1 }, precision: { hits: 1, total: 1 } });
    expect(s.figures.attacks).toMatchObject({ recall: { hits: 1, total: 1 }, precision: { hits: 1, total: 1 } });
    expect(s.figureRecall).toMatchObject({ hits: 3, total: 3 });
    expect(s.figurePrecision).toMatchObject({ hits: 3, total: 3 });
  });

  it('counts a labelled figure not returned against recall, and a returned figure of another labelled value or category against precision', () => {
    const s = score({
      figures: [figures[0], { ...figures[1], category: 'other' }, { value: 40, value_max: null, text: 'in the valley', category: 'injured', counted: 'people hurt' }, figures[2]],
    });
    expect(s.figures.injured).toMatchObject({ recall: { hits: 0, total: 1 }, precision: { hits: 0, total: 1 } });
    expect(s.mistakes.filter((m) => m.query === 'injured').map((m) => [m.type, m.label])).toEqual([
      ['figure missed', '40 injured: people hurt'],
      ['figure extra', 'other: people injured'],
    ]);
  });

  it('throws on a gold entry whose article is not among the articles', () => {
    const missing = GoldSetSchema.parse({ articles: [{ file: 'nowhere.txt', quotes: [], figures: [] }] }).articles;
    expect(() => scoreRealNews(library, [article], missing)).toThrow(/realnews: no article for the gold entry nowhere\.txt/u);
  });
});
