/** Answers as good among many articles as among the seeds alone: the seeds' quotations, speakers and figures do not move. */
import { describe, expect, it } from 'vitest';
import { generateArticles } from '../../bench/generate.ts';
import { Library } from '../../src/index/library.ts';
import { seedArticles } from '../support/seed-library.ts';

/** The seeds' quotations (with their speakers' names) and figures, as plain data. */
export function seedFindings(library: Library, ids: readonly string[]) {
  return ids.map((id) => ({
    quotations: library.quotationsOf(id).map((q) => ({ ...q, speakerId: undefined, speaker: q.speakerId ? library.speaker(q.speakerId)!.name : null })),
    figures: library.figuresOf(id),
  }));
}

describe('the seeds among 300 generated articles', () => {
  it('keep the same quotations, speakers and figures', async () => {
    const seeds = await seedArticles();
    const ids = seeds.map((a) => a.id);
    const alone = new Library(seeds);
    const among = new Library([...generateArticles(seeds, 300), ...seeds]);
    expect(seedFindings(among, ids)).toEqual(seedFindings(alone, ids));
  });
});
