/** Answers as good among many articles as among the seeds alone: the seeds' quotations, speakers and figures do not move. */
import { describe, expect, it } from 'vitest';
import { findingsOf, generateArticles } from '../../bench/generate.ts';
import { Library } from '../../src/index/library.ts';
import { seedArticles } from '../support/seed-library.ts';

describe('the seeds among 300 generated articles', () => {
  it('keep the same quotations, speakers and figures', async () => {
    const seeds = await seedArticles();
    const ids = seeds.map((a) => a.id);
    const alone = new Library(seeds);
    const among = new Library([...generateArticles(seeds, 300), ...seeds]);
    expect(findingsOf(among, ids)).toEqual(findingsOf(alone, ids));
  });
});
