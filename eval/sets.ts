/** The two labelled sets, as `npm run eval` and the tests score them. */
import { loadCorpus } from '../src/corpus/load.ts';
import { buildLibrary } from '../src/index/assemble.ts';
import { loadLabels } from './labels.ts';
import { scoreSet, type Scores } from './score.ts';

/** Where the labels and the articles written for the evaluation live. */
export const EVAL_DIR = 'test/fixtures/eval';

/** A labelled set: its articles' folder. Labels for every set share `EVAL_DIR/labels`, by article id. */
export const SETS = [
  { name: 'seeds', corpus: 'corpus' },
  { name: 'extra', corpus: `${EVAL_DIR}/articles` },
] as const;

/** Scores every set, each with a library built from its own articles only. */
export async function scoreSets(): Promise<{ name: string; scores: Scores }[]> {
  const labels = await loadLabels(`${EVAL_DIR}/labels`);
  const results: { name: string; scores: Scores }[] = [];
  for (const set of SETS) {
    const corpus = await loadCorpus(set.corpus);
    if (!corpus.success) throw new Error(`eval: ${corpus.reason}`);
    if (corpus.problems.length > 0) throw new Error(`eval: ${corpus.problems.map((p) => `${p.file}: ${p.reason}`).join('; ')}`);
    results.push({ name: set.name, scores: scoreSet(buildLibrary(corpus.articles), corpus.articles, labels) });
  }
  return results;
}
