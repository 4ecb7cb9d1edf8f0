/**
 * `npm run eval`: precision and recall of quotations and figures, and speaker accuracy, on the
 * labelled seeds and on the articles written for the evaluation, printed side by side.
 * `--mistakes` lists every mistake as well.
 */
import { scoreSets } from './sets.ts';
import { MEASURES } from './score.ts';

/** The score every measure must reach on both sets; `test/eval.test.ts` holds it. */
export const TARGET = 0.95;

const results = await scoreSets();
const showMistakes = process.argv.includes('--mistakes');
const column = (text: string) => text.padStart(22);
console.log(`${''.padEnd(22)}${results.map((r) => column(`${r.name} (${r.scores.articles} articles)`)).join('')}`);
for (const [label, key] of MEASURES) {
  const cells = results.map(({ scores }) => {
    const r = scores[key] as { hits: number; total: number; value: number };
    return column(`${r.value.toFixed(3)} (${r.hits}/${r.total})${r.value < TARGET ? ' !' : ''}`);
  });
  console.log(`${label.padEnd(22)}${cells.join('')}`);
}
console.log(`\nTarget: ${TARGET} or better for every measure on both sets (! marks a shortfall).`);
const mistakes = results.reduce((n, r) => n + r.scores.mistakes.length, 0);
if (showMistakes) {
  for (const { name, scores } of results) {
    if (scores.mistakes.length === 0) continue;
    console.log(`\n${name}:`);
    for (const m of scores.mistakes) console.log(`  ${m.article}: ${m.what}: ${m.text}`);
  }
} else if (mistakes > 0) console.log(`${mistakes} mistakes; \`npm run eval -- --mistakes\` lists them.`);
