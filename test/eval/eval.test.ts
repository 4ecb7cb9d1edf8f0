/**
 * The labelled evaluation (`npm run eval`): quotations, speakers and figures found in the seeds and
 * in articles written for the tests, against labels written from the articles alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MEASURES, TARGET, type Scores } from '../../eval/score.ts';
import { scoreSets } from '../../eval/sets.ts';

let sets: { name: string; scores: Scores }[];
beforeAll(async () => {
  sets = await scoreSets();
});

/** The mistakes of a set, one a line, for a failure message. */
function mistakes(scores: Scores): string {
  return scores.mistakes.map((m) => `${m.article}: ${m.what}: ${m.text}`).join('\n');
}

describe('npm run eval', () => {
  it('scores the five seeds and at least four articles written for the tests', () => {
    const count = Object.fromEntries(sets.map((s) => [s.name, s.scores.articles]));
    expect(count['seeds']).toBe(5);
    expect(count['extra']).toBeGreaterThanOrEqual(4);
  });

  for (const set of ['seeds', 'extra']) {
    for (const [label, key] of MEASURES) {
      it(`reaches ${TARGET} in ${label} on the ${set}`, () => {
        const scores = sets.find((s) => s.name === set)!.scores;
        const ratio = scores[key] as { value: number; total: number };
        expect(ratio.total, `nothing to measure ${label} on`).toBeGreaterThan(10);
        expect(ratio.value, mistakes(scores)).toBeGreaterThanOrEqual(TARGET);
      });
    }
  }
});
