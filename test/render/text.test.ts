/** The terminal rendering: each result shown by its kind, and a quotation with the words that name its speaker. */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerLine } from '../../src/answer-line.ts';
import type { Answer, FigureResult, QuotationResult } from '../../src/commands/answer.ts';
import type { Library } from '../../src/index/library.ts';
import { renderText } from '../../src/render/text.ts';
import { seedLibrary } from '../support/seed-library.ts';

let library: Library;
beforeAll(async () => {
  library = await seedLibrary();
});

const article = { id: 'x-2024-01-01', title: 'A headline', outlet: 'Some Outlet', published: '2024-01-01', url: 'https://example.org/a' };

function quotation(extra: Partial<QuotationResult>): QuotationResult {
  return { kind: 'quotation', text: 'Words.', sentence: '"Words," she said.', start: 1, end: 7, article, speaker: 'A Person', quotationKind: 'statement', rule: 'after-subject-verb/pronoun', evidence: { text: 'she said', start: 10, end: 18 }, ...extra };
}

function answer(...results: (QuotationResult | FigureResult)[]): Answer {
  return { type: 'results', command: 'quote', query: 'q', results };
}

describe('renderText for /quote', () => {
  it('shows under each of Takht-Ravanchi’s statements the words that name him: “he noted”, “the Iranian envoy added”', () => {
    const text = renderText(answerLine(library, '/quote Takht-Ravanchi'));
    expect(text).toMatch(/^2\. “Therefore, we deny any claim.*”\n {3}— Majid Takht-Ravanchi \(statement\)\n {3}named by: “the Iranian envoy added”\n {3}Press TV, 2021-03-15/mu);
    expect(text).toContain('\n   named by: “he noted”\n');
  });

  it('says that the article does not say who spoke when the speaker is null', () => {
    const text = renderText(answer(quotation({ speaker: null, rule: 'no-attribution', evidence: null })));
    expect(text).toContain('   — speaker not stated in the article (statement)\n   named by: nothing (the article does not say who spoke)\n');
  });

  it('shows no named-by line for a speaker found without words to show', () => {
    const text = renderText(answer(quotation({ rule: 'before-verb/name', evidence: null })));
    expect(text).not.toContain('named by');
  });

  it('shows a result by its kind, not by the command that gave it', () => {
    const figure: FigureResult = { kind: 'figure', text: 'four others', sentence: 'It wounded four others.', start: 11, end: 22, article, value: 4, upper: null, qualifier: null, counted: 'others', category: 'injured', rule: 'injured-verb' };
    expect(renderText(answer(figure))).toContain('1. four others [injured]\n   It wounded four others.');
  });
});
