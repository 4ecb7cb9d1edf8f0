import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/analysis/figures/figures.ts';
import { MONTH_ABBREVIATIONS, MONTHS, RELATIVE_DAYS, WEEKDAYS } from '../../src/analysis/lexicon/calendar.ts';

describe('the calendar lexicon', () => {
  it('lists the twelve months and seven week days in order, capitalised as written', () => {
    expect(MONTHS).toHaveLength(12);
    expect([MONTHS[0], MONTHS[11]]).toEqual(['January', 'December']);
    expect(WEEKDAYS).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    for (const word of [...MONTHS, ...MONTH_ABBREVIATIONS, ...WEEKDAYS]) expect(word, word).toMatch(/^\p{Lu}\p{Ll}+$/u);
  });

  it('abbreviates every month but May by its first letters, Sept as well as Sep', () => {
    for (const abbreviation of MONTH_ABBREVIATIONS) expect(MONTHS.some((m) => m.startsWith(abbreviation)), abbreviation).toBe(true);
    expect(MONTH_ABBREVIATIONS).toContain('Sept');
    expect(MONTH_ABBREVIATIONS).not.toContain('May');
    expect(MONTHS.filter((m) => !MONTH_ABBREVIATIONS.some((a) => m.startsWith(a)))).toEqual(['May']);
  });

  it('lists each word once, and the days counted from today in lower case', () => {
    const all = [...MONTHS, ...MONTH_ABBREVIATIONS, ...WEEKDAYS, ...RELATIVE_DAYS];
    expect(new Set(all.map((w) => w.toLowerCase())).size).toBe(all.length);
    expect(RELATIVE_DAYS).toEqual(expect.arrayContaining(['today', 'yesterday', 'tomorrow']));
    for (const word of RELATIVE_DAYS) expect(word).toBe(word.toLowerCase());
  });

  it('is what the figures read a date by: a number next to a month or its abbreviation is no figure', () => {
    const body = 'The depot burned on Sept. 9 and again on 4 June, and 12 workers were hurt.';
    const figures = findFigures('a', body, [{ index: 0, start: 0, end: body.length, text: body, paragraph: 0 }]);
    expect(figures.map((f) => f.text)).toEqual(['12 workers']);
  });
});
