/**
 * Every quotation given a speaker carries the words of its article that name that speaker, so a
 * reader can check the attribution on the spot; a quotation without them is shown unattributed.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { findQuotations } from '../../src/analysis/quotes/quotations.ts';
import { splitSentences } from '../../src/analysis/text/sentences.ts';

/** How far (in characters) the naming words may stand from the quotation they attribute. */
const NEAR = 1200;

describe('evidence', () => {
  for (const folder of ['corpus', 'test/fixtures/eval/articles']) {
    it(`names the speaker of every attributed quotation in ${folder}, in the article's own words, near it`, async () => {
      const corpus = await loadCorpus(folder);
      if (!corpus.success) throw new Error(corpus.reason);
      let attributed = 0;
      for (const article of corpus.articles) {
        for (const q of findQuotations(article.body, splitSentences(article.body)).quotations) {
          if (!q.speaker) {
            expect(q.evidence).toBeNull();
            continue;
          }
          attributed++;
          expect(q.evidence, `${article.id}: ${q.text.slice(0, 60)} (${q.rule})`).not.toBeNull();
          const { start, end } = q.evidence!;
          expect(end).toBeGreaterThan(start);
          expect(Math.min(Math.abs(start - q.end), Math.abs(q.start - end), start >= q.start - NEAR && end <= q.end + NEAR ? 0 : Infinity)).toBeLessThan(NEAR);
          expect(q.rule).toMatch(/^[a-z-]+\/[a-z-]+$/u);
        }
      }
      // Not vacuous: the sets hold hundreds of attributed quotations.
      expect(attributed).toBeGreaterThan(folder === 'corpus' ? 30 : 400);
    });
  }
});
