import { beforeAll, describe, expect, it } from 'vitest';
import { resultsOf, suggestion } from '../../src/commands/answer.ts';
import { answerFigures, suggestFigures } from '../../src/commands/figures.ts';
import { answerQuote, suggestQuote } from '../../src/commands/quote.ts';
import { suggestSource } from '../../src/commands/source.ts';
import type { Library } from '../../src/index/library.ts';
import { checkChoices } from '../support/discord-emulator.ts';
import { seedLibrary } from '../support/seed-library.ts';

let library: Library;
beforeAll(async () => {
  library = await seedLibrary();
});

describe('autocomplete', () => {
  it('clips a long choice name to 100 characters without cutting an emoji in half', () => {
    const { name } = suggestion(`${'x'.repeat(98)}😀 and more`, 'id');
    expect(name).toBe(`${'x'.repeat(98)}…`);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });

  it('/quote suggests speakers by the start of any of their names, most quoted first, each with the quotations /quote shows of theirs', () => {
    const all = suggestQuote(library, 'query', '');
    expect(all[0]).toEqual({ name: 'Amir Saeid Iravani (19 quotations)', value: 'Amir Saeid Iravani' });
    expect(checkChoices({ choices: all })).toEqual([]);
    for (const choice of all) {
      const theirs = resultsOf(answerQuote(library, { query: choice.value })).filter((r) => r.kind === 'quotation' && r.speaker === choice.value).length;
      expect(choice.name, choice.value).toBe(`${choice.value} (${theirs} quotation${theirs === 1 ? '' : 's'})`);
    }
    expect(suggestQuote(library, 'query', 'ravan').map((s) => s.value)).toEqual(['Majid Takht-Ravanchi']);
    expect(suggestQuote(library, 'query', 'Irvani').map((s) => s.value)).toEqual(['Amir Saeid Iravani']);
  });

  it('/figures suggests topics starting with what is typed, with the number of figures /figures gives', () => {
    const cas = suggestFigures(library, 'topic', 'cas');
    // One form of a word: casualties and casualty are offered once.
    expect(cas.map((s) => s.value)).toEqual(['casualties']);
    const answer = answerFigures(library, { topic: 'casualties' });
    expect(cas[0]?.name).toBe(`casualties (${resultsOf(answer).length} figures)`);
    // With nothing typed, topics that mean the same (casualties, victims, toll) are offered once.
    const first = suggestFigures(library, 'topic', '').map((s) => s.value);
    expect(first).toContain('casualties');
    expect(first).not.toContain('victims');
    expect(first.length).toBeLessThanOrEqual(25);
  });

  it('/source suggests articles by outlet, date or headline, newest first, filling in the id', () => {
    expect(suggestSource(library, 'article', 'press tv').map((s) => s.value)).toEqual(['press-tv-2024-01-30', 'press-tv-2023-11-10', 'press-tv-2021-03-15']);
    expect(suggestSource(library, 'article', 'letter UN chief')).toEqual([{ name: '2021-03-15 · Press TV · Iran denies involvement in Iraq attacks in letter to UN chief', value: 'press-tv-2021-03-15' }]);
    expect(suggestSource(library, 'article', 'Gercek').map((s) => s.value)).toEqual(['gercek-news-2023-11-08']);
    expect(suggestSource(library, 'query', 'Iran')).toEqual([]);
    // An article without a headline: the words of its address, labelled as such, and found by them.
    expect(suggestSource(library, 'article', 'united nations syria')).toEqual([{ name: '2024-01-30 · Press TV · Iran United Nations United States Iraq Syria (from its address: no headline)', value: 'press-tv-2024-01-30' }]);
  });
});
